"""The office's review queue: submissions, version conflicts, shared citizen ID numbers and held bundles,
each with who changed what; approve (choosing a version where there are several), return to the
surveyor with a comment per question, or reject with a reason. Decisions are ``services.sync`` calls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria import CLASS_VI
from ngheo_desktop.criteria.comments import comment_key
from ngheo_desktop.criteria.household import member_name
from ngheo_desktop.criteria.questionnaire import Question, default_questionnaire
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services.register import ChangeNotice
from ngheo_desktop.store import SUPPORT_KINDS
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.i18n import label
from ngheo_desktop.ui.keys_setup import dialog_buttons
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.sync_dialogs import when_text


def kind_label(kind: str) -> str:
    names = {
        "submitted": QCoreApplication.translate("ReviewQueue", "Hồ sơ nộp"),
        "conflict": QCoreApplication.translate("ReviewQueue", "Xung đột phiên bản"),
        "duplicate_id": QCoreApplication.translate("ReviewQueue", "Trùng số định danh"),
        "held": QCoreApplication.translate("ReviewQueue", "Từ thiết bị bị thu hồi"),
    }
    return names.get(kind, kind)


def value_text(question: Question | None, value: Any) -> str:
    """An answer as a person reads it: choice labels, Có/Không, dd/mm/yyyy, thousands with dots."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("ReviewQueue", "Có") if value else \
            QCoreApplication.translate("ReviewQueue", "Không")
    if isinstance(value, list):
        return ", ".join(value_text(question, v) for v in value) or "—"
    if question is not None and question.choices:
        choice = next((c for c in question.choices if c.value == value), None)
        return label(choice) if choice is not None else str(value)
    if question is not None and question.type == "date" and isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def record_field_names() -> dict[str, str]:
    """The fields of an assessment or support record a reviewer compares (the rest is derived from them)."""
    return {
        "class": QCoreApplication.translate("ReviewQueue", "Phân loại"),
        "status": QCoreApplication.translate("ReviewQueue", "Trạng thái"),
        "comment": QCoreApplication.translate("ReviewQueue", "Ghi chú"),
        "kind": QCoreApplication.translate("ReviewQueue", "Loại hỗ trợ"),
        "date": QCoreApplication.translate("ReviewQueue", "Ngày"),
        "amount": QCoreApplication.translate("ReviewQueue", "Số tiền"),
        "provider": QCoreApplication.translate("ReviewQueue", "Đơn vị hỗ trợ"),
        "note": QCoreApplication.translate("ReviewQueue", "Ghi chú"),
        "deleted": QCoreApplication.translate("ReviewQueue", "Đã xóa"),
    }


def _field_text(key: str, value: Any) -> str:
    statuses = {"draft": QCoreApplication.translate("ReviewQueue", "Nháp"),
                "completed": QCoreApplication.translate("ReviewQueue", "Đã hoàn thành"),
                "approved": QCoreApplication.translate("ReviewQueue", "Đã duyệt"),
                "returned": QCoreApplication.translate("ReviewQueue", "Bị trả lại")}
    if key == "class" and value in CLASS_VI:
        return CLASS_VI[value]
    if key == "status" and value in statuses:
        return statuses[value]
    if key == "kind" and value in SUPPORT_KINDS:
        return SUPPORT_KINDS[value]
    if key == "date" and isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return value_text(None, value)


def differences(docs: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(what, value in each document) for every household answer, member field or record field that differs."""
    questionnaire = default_questionnaire()
    rows: list[tuple[str, list[str]]] = []
    for key, name in record_field_names().items():
        values = [d.get(key) for d in docs]
        if any(key in d for d in docs) and any(v != values[0] for v in values):
            rows.append((name, [_field_text(key, v) for v in values]))
    answer_ids = sorted({k for d in docs for k in d.get("answers", {})},
                        key=lambda q: list(questionnaire.questions).index(q) if q in questionnaire.questions else 999)
    for qid in answer_ids:
        values = [d.get("answers", {}).get(qid) for d in docs]
        if any(v != values[0] for v in values):
            q = questionnaire.questions.get(qid)
            rows.append((label(q) if q else qid, [value_text(q, v) for v in values]))
    members = [{m["member_id"]: m for m in d.get("members", [])} for d in docs]
    counts = [str(len(m)) for m in members]
    if len(set(counts)) > 1:
        rows.append((QCoreApplication.translate("ReviewQueue", "Số nhân khẩu"), counts))
    for mid in sorted({mid for m in members for mid in m}):
        present = [m.get(mid) for m in members]
        name = next(p["full_name"] for p in present if p)
        fields = sorted({k for p in present if p for k in p if k != "member_id"})
        for f in fields:
            values = [p.get(f) if p else None for p in present]
            if any(v != values[0] for v in values):
                q = questionnaire.questions.get(f)
                rows.append((f"{name}: {label(q) if q else f}", [value_text(q, v) for v in values]))
    return rows


def contents(doc: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(what, [value]) for every field of one record: a household's answers and one line per member."""
    questionnaire = default_questionnaire()
    answers = doc.get("answers", {})
    rows = [(name, [_field_text(key, doc[key])]) for key, name in record_field_names().items() if key in doc]
    rows += [(label(q), [value_text(q, answers[q.id])]) for q in questionnaire.questions.values() if q.id in answers]
    relation, birth = questionnaire.questions.get("relation"), questionnaire.questions.get("birth_date")
    for i, m in enumerate(doc.get("members", []), 1):
        details = [m.get("full_name", ""), value_text(relation, m.get("relation")),
                   value_text(birth, m.get("birth_date"))]
        rows.append((QCoreApplication.translate("ReviewQueue", "Thành viên {0}").format(i), [", ".join(details)]))
    return rows


def _fit_columns(table: QTableWidget, stretch: int) -> None:
    """Columns as wide as their text, one column taking the rest of the width."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class ReturnDialog(QDialog):
    """A comment per question of the checklist, grouped by section; a member's questions once per member of
    the submitted household, so a remark reaches that person's answer only. At least one is needed."""

    def __init__(self, title: str, household: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trả lại cho rà soát viên"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("subtitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        hint = QLabel(self.tr("Ghi nhận xét vào dòng của câu hỏi cần xem lại (nhấp đúp hoặc F2 để sửa). "
                              "Rà soát viên nhận các nhận xét này khi nhập biên nhận."))
        hint.setObjectName("help")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Câu hỏi"), self.tr("Nhận xét")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 320)
        self.items: dict[str, QTreeWidgetItem] = {}  # comment key (criteria.comments) → its row
        members = (household or {}).get("members") or []
        for section in default_questionnaire().sections:
            section_item = self._heading(self.tree, label(section))
            if section.scope == "member" and members:
                for i, member in enumerate(members):
                    member_item = self._heading(section_item, member_name(member, i))
                    member_item.setExpanded(False)
                    for q in section.questions:
                        self._question(member_item, q, comment_key(q.id, member["member_id"]))
            else:
                for q in section.questions:
                    self._question(section_item, q, q.id)
        layout.addWidget(self.tree, 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons = dialog_buttons(self.tr("Trả lại"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _heading(parent, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setExpanded(True)
        return item

    def _question(self, parent: QTreeWidgetItem, question: Question, key: str) -> None:
        item = QTreeWidgetItem(parent, [label(question), ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(0, question.id)
        self.items[key] = item

    def set_comment(self, key: str, text: str) -> None:
        """The comment on a question (``key`` from ``criteria.comments.comment_key``)."""
        self.items[key].setText(1, text)

    def comments(self) -> dict[str, str]:
        return {qid: item.text(1).strip() for qid, item in self.items.items() if item.text(1).strip()}

    def _accept(self) -> None:
        if not self.comments():
            self.error.setText(self.tr("Ghi ít nhất một nhận xét vào dòng của câu hỏi cần xem lại."))
            return
        self.accept()


class ReviewQueue(QWidget):
    """Open review items on the left, the chosen one's versions and differences on the right."""

    decided = Signal(object)  # the decided ReviewItem

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from ngheo_desktop.services import sync

        self._sync = sync
        self.session = session
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Hàng chờ xem xét"))
        self.resize(1180, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("subtitle")
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Số"), self.tr("Loại"), self.tr("Hộ"), self.tr("Thôn"),
                                              self.tr("Mở lúc")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        _fit_columns(self.table, stretch=2)
        self.table.itemSelectionChanged.connect(self._show_current)
        splitter.addWidget(self.table)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        right_layout.addWidget(self.title)
        self.explain = QLabel()
        self.explain.setObjectName("help")
        self.explain.setWordWrap(True)
        right_layout.addWidget(self.explain)
        right_layout.addWidget(QLabel(self.tr("Các phiên bản (ai sửa, lúc nào):")))
        self.versions = QTableWidget(0, 4)
        self.versions.setHorizontalHeaderLabels([self.tr("Từ"), self.tr("Bản"), self.tr("Người sửa"),
                                                 self.tr("Lúc sửa")])
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.verticalHeader().hide()
        _fit_columns(self.versions, stretch=0)
        self.versions.setMaximumHeight(130)
        right_layout.addWidget(self.versions)
        self.diff_title = QLabel()
        right_layout.addWidget(self.diff_title)
        self.diff = QTableWidget(0, 1)
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.verticalHeader().hide()
        self.diff.horizontalHeader().setStretchLastSection(True)
        right_layout.addWidget(self.diff, 1)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("&Duyệt"))
        self.approve_button.setObjectName("primary")
        self.approve_button.clicked.connect(self.approve)
        self.return_button = QPushButton(self.tr("&Trả lại kèm nhận xét…"))
        self.return_button.clicked.connect(self.return_current)
        self.reject_button = QPushButton(self.tr("Từ &chối…"))
        self.reject_button.clicked.connect(self.reject_current)
        buttons.addStretch(1)
        for b in (self.approve_button, self.return_button, self.reject_button):
            buttons.addWidget(b)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setSizes([600, 580])
        layout.addWidget(splitter, 1)
        self.devices = {d.device_id: d.label or d.device_id for d in sync.device_registry(session.store)}
        self.reload()

    # -- loading
    def reload(self) -> None:
        self.items = self._sync.review_queue(self.session.store)
        rows = self.session.household_rows(sorted({h for i in self.items for h in self._households(i)}))
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            hh = [rows[h] for h in self._households(item) if h in rows]
            cells = (str(item.id), kind_label(item.kind), " / ".join(h.head_name for h in hh),
                     ", ".join(sorted({h.village for h in hh})), when_text(item.opened_at))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self._show_count()
        if self.items:
            self.table.selectRow(0)
        self._show_current()

    def _show_count(self) -> None:
        self.summary.setText(self.tr("{0} mục đang chờ").format(len(self.items)) if self.items
                             else self.tr("Không còn mục nào chờ xem xét"))

    def _households(self, item) -> list[str]:
        """The households an item concerns (an assessment or support record names its household)."""
        if item.record_type == "household":
            return [item.record_id] + ([item.other_record_id] if item.other_record_id else [])
        return sorted({c.data["household_id"] for c in item.candidates if c.data})

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def source_label(self, source: str) -> str:
        if source == "office":
            return self.tr("Văn phòng xã")
        if source in self.devices:
            return self.devices[source]
        rows = self.session.household_rows([source])
        return rows[source].head_name if source in rows else source

    def _docs(self, item) -> list[dict[str, Any]]:
        docs = []
        for c in item.candidates:
            if c.data is not None:
                docs.append(c.data)
            elif item.record_type == "household":
                docs.append(self.session.household(item.record_id))
        return docs

    def _show_current(self) -> None:
        item = self.current()
        for b in (self.approve_button, self.return_button, self.reject_button):
            b.setEnabled(item is not None)
        if item is None:
            self.title.setText("")
            self.explain.setText("")
            self.versions.setRowCount(0)
            self.diff.setRowCount(0)
            return
        names = self.session.household_rows(self._households(item))
        self.title.setText(f"{kind_label(item.kind)} — " + " / ".join(
            f"{r.head_name} ({r.village})" for r in names.values()))
        explain = {
            "submitted": self.tr("Hộ đã vào sổ từ gói của rà soát viên. Duyệt để xác nhận, hoặc trả lại kèm "
                                 "nhận xét cho từng câu hỏi."),
            "conflict": self.tr("Hộ được sửa trên hai nơi từ cùng một bản gốc. Chọn phiên bản cần giữ trong "
                                "bảng rồi bấm Duyệt; các phiên bản khác được báo “từ chối” trong biên nhận."),
            "duplicate_id": self.tr("Hai hộ có thành viên trùng số định danh. Duyệt nếu đây thật sự là hai hộ "
                                    "khác nhau; từ chối để giữ nguyên và xử lý sau."),
            "held": self.tr("Gói từ thiết bị đã bị thu hồi: không bản ghi nào được đưa vào sổ. Chọn phiên bản "
                            "để nhận rồi bấm Duyệt, hoặc từ chối."),
        }
        self.explain.setText(explain.get(item.kind, ""))
        self.return_button.setEnabled(item.kind == "submitted")
        self.versions.setRowCount(len(item.candidates))
        for r, c in enumerate(item.candidates):
            for col, text in enumerate((self.source_label(c.source), str(c.version), c.changed_by,
                                        when_text(c.changed_at))):
                self.versions.setItem(r, col, QTableWidgetItem(text))
        if item.candidates:
            self.versions.selectRow(0)
        docs = self._docs(item)
        if len(docs) > 1:
            self.diff_title.setText(self.tr("Khác nhau giữa các phiên bản:"))
            rows = differences(docs)
        else:
            self.diff_title.setText(self.tr("Nội dung hồ sơ:"))
            rows = contents(docs[0]) if docs else []
        self.diff.setColumnCount(1 + len(docs))
        sources = [self.source_label(c.source) for c in item.candidates][:len(docs)]
        self.diff.setHorizontalHeaderLabels([self.tr("Nội dung"), *sources])
        header = self.diff.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 240)
        self.diff.setRowCount(len(rows))
        for r, (what, values) in enumerate(rows):
            self.diff.setItem(r, 0, QTableWidgetItem(what))
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                cell.setToolTip(v)
                self.diff.setItem(r, c + 1, cell)
        self.diff.resizeRowsToContents()

    def chosen_source(self) -> str | None:
        item = self.current()
        rows = self.versions.selectionModel().selectedRows()
        return item.candidates[rows[0].row()].source if item and rows else None

    # -- decisions
    def _decided(self, item, decided) -> None:
        households = tuple(h for h in self._households(item) if self.session.has_household(h))
        self.session.notices.changed.emit(ChangeNotice("review_decided", households))
        # A decision closes only its own item: drop that row and go on with the next one.
        row = next(r for r, i in enumerate(self.items) if i.id == item.id)
        del self.items[row]
        self.table.removeRow(row)
        self._show_count()
        if self.items:
            self.table.selectRow(min(row, len(self.items) - 1))
        self._show_current()
        self.decided.emit(decided)

    def approve(self) -> None:
        item = self.current()
        if item is None:
            return
        source = self.chosen_source() if item.kind in ("conflict", "held") else None
        try:
            decided = self._sync.approve(self.session.store, item.id, self.session.actor, source)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self._decided(item, decided)

    def return_current(self) -> ReturnDialog | None:
        item = self.current()
        if item is None or item.kind != "submitted":
            return None
        dialog = ReturnDialog(self.title.text(), self._docs(item)[-1] if item.candidates else None, self)
        dialog.accepted.connect(lambda: self._return(item, dialog.comments()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _return(self, item, comments: dict[str, str]) -> None:
        try:
            decided = self._sync.return_to_surveyor(self.session.store, item.id, comments, self.session.actor)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self._decided(item, decided)

    def reject_current(self) -> QInputDialog | None:
        item = self.current()
        if item is None:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Từ chối"))
        dialog.setLabelText(self.tr("Lý do từ chối (ghi vào biên nhận gửi rà soát viên):"))
        dialog.setOkButtonText(self.tr("Từ chối"))
        dialog.setCancelButtonText(self.tr("Hủy"))
        dialog.textValueSelected.connect(lambda reason: self._reject(item, reason))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _reject(self, item, reason: str) -> None:
        try:
            decided = self._sync.reject(self.session.store, item.id, reason, self.session.actor)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self._decided(item, decided)
