"""The household table: a thin Qt model over a list of household ids, rows fetched lazily and cached.

Only ids are held for the whole register (100,000 strings is a few MB); display rows are fetched from
the session a block at a time when the view first paints them and kept in a bounded cache. Sorting asks
the store for ids in the new order; a change notice refetches just the rows it names.

The first screen needs the count and the first block of ids only: ``set_ids_later`` takes those and a
loader for the whole list. The window has the whole list read on the worker and hands it over with
``offer_ids``; if a row past the first block is needed before that (scrolling down, a change notice,
select all), the loader runs there and then (reading 100,000 ids takes ~70 ms).

``data`` runs for every cell and role the view paints (about 1,500 calls a screen), so it answers from
per-row tuples of display texts and a dictionary of the roles it serves.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from ngheo_desktop.criteria import CLASS_VI, poverty_rank
from ngheo_desktop.store import HouseholdRow
from ngheo_desktop.text import fold

BLOCK = 200
CACHE_ROWS = 5000

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)

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
        # Per role, what a cell answers from its row; roles not listed (font, icon, background …) get None.
        self._roles = {_DISPLAY: self._display_of, _FOREGROUND: self._foreground_of, _TOOLTIP: self._tooltip_of,
                       _ALIGNMENT: self._alignment_of}
        self._texts: dict[str, tuple[str, ...]] = {}  # display texts per cached row, in column order
        # Colours rather than brushes: the view takes either, and the first QBrush costs PySide ~4 ms.
        self._colours = {colour: QColor(colour) for colour in {*CLASS_COLOURS.values(), *MARK_COLOURS.values()}}
        self._centred = {i for i, (key, _) in enumerate(COLUMNS) if key in ("register", "members", "unsent")}
        self._count = 0
        self._load_ids: Callable[[], list[str]] | None = None
        self._listing = 0

    # -- the id list
    def set_ids(self, ids: list[str], known_rows: Iterable[HouseholdRow] = ()) -> None:
        self.beginResetModel()
        self._ids, self._count, self._load_ids = ids, len(ids), None
        self._listing += 1
        self._row_of = None
        known = list(known_rows)
        for row in known:
            self._remember(row)
        if self._fetch_marks is not None and known:
            self._marks.update(self._fetch_marks(known))
        self.endResetModel()

    def set_ids_later(self, count: int, first_ids: list[str], load_all: Callable[[], list[str]]) -> int:
        """Show ``count`` rows knowing only the first ids; ``load_all`` gives the whole list when needed.

        Returns the listing's number, for ``offer_ids`` when the list is read elsewhere meanwhile."""
        self.beginResetModel()
        self._ids, self._count, self._row_of = first_ids, count, None
        self._load_ids = load_all if len(first_ids) < count else None
        self._listing += 1
        self.endResetModel()
        return self._listing

    def waiting_for(self, listing: int) -> bool:
        """Whether the table still shows ``listing`` and has not read its whole id list yet."""
        return listing == self._listing and self._load_ids is not None

    def offer_ids(self, listing_and_ids: tuple[int, list[str]] | None) -> None:
        """The whole id list of a listing, read on the worker; ignored if the table has moved on to
        another listing (a new sort or village) or has read the list itself already."""
        if listing_and_ids is None:
            return
        listing, ids = listing_and_ids
        if self.waiting_for(listing):
            self._load_ids = lambda: ids
            self.load_all_ids()

    def load_all_ids(self, *, painting: bool = False) -> None:
        """Read the whole id list now, if it was left for later. When the register changed in between (a
        household saved, an import) the table is reset to it — after the paint under way, if called from
        one."""
        if self._load_ids is None:
            return
        load, self._load_ids = self._load_ids, None
        ids = load()
        shown = self._ids  # the first block: the only rows the view can have shown so far
        if len(ids) == self._count and ids[:len(shown)] == shown:
            self._ids, self._row_of = ids, None
        elif painting:
            # Resetting in the middle of a paint would pull the rows from under it: keep what is shown
            # (rows past it show empty) and reset once the paint is over, unless the table has moved on.
            listing = self._listing
            QTimer.singleShot(0, self, lambda: self.set_ids(ids) if listing == self._listing else None)
        else:
            self.set_ids(ids)

    def set_marks(self, fetch: Callable[[list[HouseholdRow]], dict[str, str]]) -> None:
        """Take the sync column's marks from ``fetch`` (``services.sync.household_marks``) from now on."""
        self._fetch_marks = fetch
        self._marks = fetch(list(self._cache.values()))
        self._texts.clear()
        if self._count:
            column = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(0, column), self.index(self._count - 1, column))

    def ids(self) -> list[str]:
        self.load_all_ids()
        return self._ids

    def id_at(self, row: int) -> str:
        if row >= len(self._ids):
            self.load_all_ids()
        return self._ids[row]

    def row_of(self, household_id: str) -> int | None:
        self.load_all_ids()
        if self._row_of is None:
            self._row_of = {hid: i for i, hid in enumerate(self._ids)}
        return self._row_of.get(household_id)

    def refresh(self, household_ids: Iterable[str]) -> None:
        """Refetch the named rows that are listed (the view repaints just those)."""
        for hid in household_ids:
            self._forget(hid)
            row = self.row_of(hid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def append(self, household_ids: list[str]) -> None:
        """Add households at the end (new ones keep register order: their number is the next one)."""
        if not household_ids:
            return
        self.load_all_ids()
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(household_ids) - 1)
        for i, hid in enumerate(household_ids):
            self._ids.append(hid)
            if self._row_of is not None:
                self._row_of[hid] = first + i
        self._count = len(self._ids)
        self.endInsertRows()

    # -- rows
    def _remember(self, row: HouseholdRow) -> None:
        self._cache[row.household_id] = row
        self._cache.move_to_end(row.household_id)
        self._texts.pop(row.household_id, None)
        while len(self._cache) > CACHE_ROWS:
            dropped = self._cache.popitem(last=False)[0]
            self._marks.pop(dropped, None)
            self._texts.pop(dropped, None)

    def _forget(self, household_id: str) -> None:
        self._cache.pop(household_id, None)
        self._texts.pop(household_id, None)

    def household_row(self, row: int) -> HouseholdRow | None:
        if row >= len(self._ids):
            self.load_all_ids(painting=True)
            if row >= min(len(self._ids), self._count):
                return None
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
                self._texts.pop(fetched.household_id, None)
            self._marks.update(self._fetch_marks(fetched_rows))
        return self._cache.get(hid)

    # -- Qt model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        answer = self._roles.get(role)
        return None if answer is None or not index.isValid() else answer(index.row(), index.column())

    def _display_of(self, row: int, column: int) -> str | None:
        texts = self._texts.get(self._ids[row]) if row < len(self._ids) else None
        if texts is None:
            household = self.household_row(row)
            if household is None:
                return None
            texts = self._texts[household.household_id] = tuple(self._display(key, household) for key, _ in COLUMNS)
        return texts[column]

    def _alignment_of(self, _row: int, column: int) -> int | None:
        return _CENTRED if column in self._centred else None

    def _foreground_of(self, row: int, column: int) -> QColor | None:
        key = COLUMNS[column][0]
        if key not in ("class", "unsent"):
            return None
        household = self.household_row(row)
        if household is None:
            return None
        colour = CLASS_COLOURS.get(household.klass or "") if key == "class" \
            else MARK_COLOURS.get(self._mark(household) or "")
        return self._colours[colour] if colour else None

    def _tooltip_of(self, row: int, column: int) -> str | None:
        key = COLUMNS[column][0]
        household = self.household_row(row) if key in ("class", "unsent") else None
        if household is None:
            return None
        if key == "class":
            return CLASS_VI[household.klass] if household.klass else None
        return self._mark_tip.get(self._mark(household) or "")

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
