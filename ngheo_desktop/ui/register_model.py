"""The household table: a thin Qt model over a list of household ids, rows fetched lazily and cached.

Only ids are held for the whole register (100,000 strings is a few MB); display rows are fetched from
the session a block at a time when the view first paints them and kept in a bounded cache. Sorting asks
the store for ids in the new order; a change notice refetches just the rows it names.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ngheo_desktop.criteria import CLASS_VI, poverty_rank
from ngheo_desktop.store import HouseholdRow
from ngheo_desktop.text import fold

BLOCK = 200
CACHE_ROWS = 5000

# (header, sort key in the store or None when the column is not sortable)
COLUMNS = (
    ("register", "register"),
    ("head", "head_name"),
    ("village", "village"),
    ("address", None),
    ("members", None),
    ("class", "class"),
    ("status", "status"),
    ("unsent", None),
)
CLASS_COLOURS = {"poor": "#b3261e", "near_poor": "#8a5a00"}
MARK_COLOURS = {"returned": "#b3261e", "rejected": "#b3261e", "sent": "#5f6b76", "delivered": "#1b7f3b"}


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, fetch_rows: Callable[[list[str]], dict[str, HouseholdRow]], parent=None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._row_of: dict[str, int] | None = None
        self._cache: OrderedDict[str, HouseholdRow] = OrderedDict()
        self._fetch_marks: Callable[[list[HouseholdRow]], dict[str, str]] | None = None
        self._marks: dict[str, str] = {}
        self.fetches = 0
        # Short class names keep the column narrow; the tooltip gives the full name.
        self._class_short = {"poor": self.tr("Nghèo"), "near_poor": self.tr("Cận nghèo"),
                             "average_living": self.tr("Mức sống trung bình"),
                             "above_average_living": self.tr("Trên mức sống TB"),
                             "above_poverty_line": self.tr("Trên chuẩn nghèo")}
        self._status = {"draft": self.tr("Nháp"), "completed": self.tr("Đã hoàn thành"),
                        "approved": self.tr("Đã duyệt"), "returned": self.tr("Bị trả lại"),
                        None: self.tr("Chưa rà soát")}
        self._headers = (self.tr("Số"), self.tr("Chủ hộ"), self.tr("Thôn"), self.tr("Địa chỉ"),
                         self.tr("Số người"), self.tr("Phân loại"), self.tr("Trạng thái rà soát"),
                         self.tr("Gửi xã"))
        # The sync column: the mark and its explanation, per state from the sync service.
        self._mark_text = {"unsent": "●", "sent": self.tr("Đã gửi"), "delivered": "✓",
                           "returned": self.tr("Trả lại"), "rejected": self.tr("Từ chối")}
        self._mark_tip = {"unsent": self.tr("Chưa gửi lên xã"), "sent": self.tr("Đã gửi, chờ biên nhận của xã"),
                          "delivered": self.tr("Xã đã nhận"),
                          "returned": self.tr("Xã trả lại: cần rà soát lại theo nhận xét của xã"),
                          "rejected": self.tr("Xã không nhận bản này")}

    # -- the id list
    def set_ids(self, ids: list[str], known_rows: Iterable[HouseholdRow] = ()) -> None:
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        known = list(known_rows)
        for row in known:
            self._remember(row)
        if self._fetch_marks is not None and known:
            self._marks.update(self._fetch_marks(known))
        self.endResetModel()

    def set_marks(self, fetch: Callable[[list[HouseholdRow]], dict[str, str]]) -> None:
        """Take the sync column's marks from ``fetch`` (``services.sync.household_marks``) from now on."""
        self._fetch_marks = fetch
        self._marks = fetch(list(self._cache.values()))
        if self._ids:
            column = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def ids(self) -> list[str]:
        return self._ids

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, household_id: str) -> int | None:
        if self._row_of is None:
            self._row_of = {hid: i for i, hid in enumerate(self._ids)}
        return self._row_of.get(household_id)

    def refresh(self, household_ids: Iterable[str]) -> None:
        """Refetch the named rows that are listed (the view repaints just those)."""
        for hid in household_ids:
            self._cache.pop(hid, None)
            row = self.row_of(hid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def append(self, household_ids: list[str]) -> None:
        """Add households at the end (new ones keep register order: their number is the next one)."""
        if not household_ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(household_ids) - 1)
        for i, hid in enumerate(household_ids):
            self._ids.append(hid)
            if self._row_of is not None:
                self._row_of[hid] = first + i
        self.endInsertRows()

    # -- rows
    def _remember(self, row: HouseholdRow) -> None:
        self._cache[row.household_id] = row
        self._cache.move_to_end(row.household_id)
        while len(self._cache) > CACHE_ROWS:
            self._marks.pop(self._cache.popitem(last=False)[0], None)

    def household_row(self, row: int) -> HouseholdRow | None:
        hid = self._ids[row]
        cached = self._cache.get(hid)
        if cached is not None:
            return cached
        # Fetch the whole block around the row: the view paints neighbours next.
        start = (row // BLOCK) * BLOCK
        block = [h for h in self._ids[start:start + BLOCK] if h not in self._cache]
        self.fetches += 1
        fetched_rows = list(self._fetch_rows(block).values())
        for fetched in fetched_rows:
            self._remember(fetched)
        if self._fetch_marks is not None:
            for fetched in fetched_rows:
                self._marks.pop(fetched.household_id, None)
            self._marks.update(self._fetch_marks(fetched_rows))
        return self._cache.get(hid)

    # -- Qt model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("register", "members", "unsent"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        row = self.household_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = CLASS_COLOURS.get(row.klass) if key == "class" else None
            if key == "unsent":
                colour = MARK_COLOURS.get(self._mark(row) or "")
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "class" and row.klass:
                return CLASS_VI[row.klass]
            return self._mark_tip.get(self._mark(row) or "") if key == "unsent" else None
        return self._display(key, row)

    def _display(self, key: str, row: HouseholdRow) -> str:
        if key == "register":
            return str(row.register_no)
        if key == "head":
            return row.head_name
        if key == "village":
            return row.village
        if key == "address":
            return row.address
        if key == "members":
            return str(row.member_count)
        if key == "class":
            return self._class_short.get(row.klass, "") if row.klass else ""
        if key == "status":
            return self._status.get(row.status, row.status or "")
        return self._mark_text.get(self._mark(row) or "", "")

    def _mark(self, row: HouseholdRow) -> str | None:
        if self._fetch_marks is None:
            return "unsent" if row.unsent else None
        return self._marks.get(row.household_id)


def sort_key(column: int) -> str | None:
    return COLUMNS[column][1]


def sort_rows(rows: list[HouseholdRow], key: str, descending: bool) -> list[HouseholdRow]:
    """Search results in a column's order, the way the store orders the whole register."""
    orders = {
        "register": lambda r: r.register_no,
        "head_name": lambda r: (fold(r.head_name), r.register_no),
        "village": lambda r: (fold(r.village), fold(r.head_name), r.register_no),
        "class": lambda r: (poverty_rank(r.klass), r.register_no),
        "status": lambda r: (r.status or "", r.register_no),
    }
    return sorted(rows, key=orders[key], reverse=descending)
