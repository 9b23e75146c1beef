"""The household editor: details, the members roster, past assessments and support received.

Answers are saved one at a time as they are confirmed, exactly as in the wizard; a new household is
stored when its first answer is confirmed. The assessment itself is run in the wizard (``assess``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria import CLASS_VI
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.store import STATUS_VI, SUPPORT_KINDS
from ngheo_desktop.text import format_date_vi, format_vnd
from ngheo_desktop.ui.draft import HouseholdDraft
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.fields import FieldParseError, parse_date_vi, parse_number
from ngheo_desktop.ui.forms import MembersEditor, QuestionForm, confirm_field_in_focus, returned_banner, scrolling
from ngheo_desktop.ui.session import Session


def _readonly_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HouseholdEditor(QWidget):
    assess_requested = Signal(str)  # household id

    def __init__(self, session: Session, draft: HouseholdDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session, self.draft = session, draft
        self.resize(1000, 720)
        sections = {s.id: s for s in draft.questionnaire.sections}
        root = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("title")
        root.addWidget(self.heading)
        self.where = QLabel()
        self.where.setObjectName("help")
        root.addWidget(self.where)
        self.returned_banner = returned_banner(draft, flagged_sections=False)
        if self.returned_banner is not None:
            root.addWidget(self.returned_banner)

        self.tabs = QTabWidget()
        self.details = QuestionForm(draft, sections["household"].questions)
        self.details.answered.connect(self._answered)
        self.tabs.addTab(scrolling(self.details), self.tr("Thông tin hộ"))
        self.members = MembersEditor(draft, sections["members"])
        self.members.changed.connect(lambda _kind, _mid: self._answered())
        self.tabs.addTab(self.members, self.tr("Thành viên"))
        self.history = _readonly_table([self.tr("Năm rà soát"), self.tr("Đợt"), self.tr("Phân loại"),
                                        self.tr("Trạng thái"), self.tr("Chuẩn áp dụng"), self.tr("Cập nhật")])
        self.tabs.addTab(self.history, self.tr("Lịch sử rà soát"))
        self.tabs.addTab(self._support_tab(), self.tr("Hỗ trợ đã nhận"))
        root.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.saved_note = QLabel()
        self.saved_note.setObjectName("help")
        bottom.addWidget(self.saved_note, 1)
        self.assess_button = QPushButton(self.tr("Rà soát hộ này…"))
        self.assess_button.setObjectName("primary")
        self.assess_button.setToolTip(self.tr("Mở phiếu rà soát (Ctrl+R)"))
        self.assess_button.clicked.connect(self._assess)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.close)
        bottom.addWidget(self.assess_button)
        bottom.addWidget(close)
        root.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+R"), self, self._assess)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Escape"), self, self.close)
        self._refresh()
        self.details.fields["head_name"].setFocus()

    def closeEvent(self, event) -> None:
        confirm_field_in_focus(self)
        super().closeEvent(event)

    @property
    def household_id(self) -> str:
        return self.draft.doc["household_id"]

    def _stored(self) -> bool:
        return self.session.has_household(self.household_id)

    def _refresh(self) -> None:
        head = self.draft.answers.get("head_name")
        self.heading.setText(head or self.tr("Hộ mới (chưa có tên chủ hộ)"))
        self.setWindowTitle(self.tr("Hộ {0}").format(head) if head else self.tr("Hộ mới"))
        loc = self.draft.doc["location"]
        self.where.setText(" · ".join(v for v in (loc.get("village"), loc.get("commune"), loc.get("province"),
                                                 self.tr("{0} thành viên").format(len(self.draft.members))) if v))
        stored = self._stored()
        self.assess_button.setEnabled(stored)
        self.saved_note.setText(self.tr("Mỗi câu trả lời được lưu ngay khi xác nhận (Enter hoặc chuyển ô).")
                                if stored else self.tr("Hộ sẽ được lưu khi có câu trả lời đầu tiên."))
        self._load_history()
        self._load_support()

    def _answered(self, *_args: object) -> None:
        try:
            self.session.save_household(self.draft)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self._refresh()

    def _assess(self) -> None:
        if self._stored():
            self.assess_requested.emit(self.household_id)
            self.close()

    # -- past assessments
    def _load_history(self) -> None:
        if not self._stored():
            self.history.setRowCount(0)
            return
        rounds = {r.id: r for r in self.session.rounds()}
        items = self.session.assessments(self.household_id)
        self.history.setRowCount(len(items))
        for row, a in enumerate(reversed(items)):
            rnd = rounds.get(a.round_id)
            cells = [str(rnd.year) if rnd else "", rnd.title if rnd else "", CLASS_VI.get(a.klass, ""),
                     STATUS_VI.get(a.status, a.status), a.standard_id,
                     f"{format_date_vi(a.updated_at)} — {a.updated_by}"]
            for col, text in enumerate(cells):
                self.history.setItem(row, col, QTableWidgetItem(text))

    # -- support received
    def _support_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.support_table = _readonly_table([self.tr("Ngày"), self.tr("Loại hỗ trợ"), self.tr("Số tiền"),
                                              self.tr("Đơn vị hỗ trợ"), self.tr("Ghi chú")])
        layout.addWidget(self.support_table, 1)
        add = QLabel(self.tr("Thêm hỗ trợ đã nhận"))
        add.setObjectName("subtitle")
        layout.addWidget(add)
        form = QFormLayout()
        self.support_kind = QComboBox()
        for key, text in SUPPORT_KINDS.items():
            self.support_kind.addItem(text, key)
        self.support_date = QLineEdit(format_date_vi(dt.date.today().isoformat()))
        self.support_date.setPlaceholderText("dd/mm/yyyy")
        self.support_amount = QLineEdit()
        self.support_amount.setPlaceholderText(self.tr("để trống nếu không bằng tiền"))
        self.support_provider = QLineEdit()
        self.support_note = QLineEdit()
        form.addRow(self.tr("Loại:"), self.support_kind)
        form.addRow(self.tr("Ngày nhận:"), self.support_date)
        form.addRow(self.tr("Số tiền (đ):"), self.support_amount)
        form.addRow(self.tr("Đơn vị hỗ trợ:"), self.support_provider)
        form.addRow(self.tr("Ghi chú:"), self.support_note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.support_error = QLabel()
        self.support_error.setObjectName("error")
        row.addWidget(self.support_error, 1)
        self.support_add = QPushButton(self.tr("Thêm hỗ trợ"))
        self.support_add.clicked.connect(self._add_support)
        row.addWidget(self.support_add)
        layout.addLayout(row)
        return page

    def _load_support(self) -> None:
        items = self.session.support(self.household_id) if self._stored() else []
        self.support_table.setRowCount(len(items))
        for row, s in enumerate(items):
            cells = [format_date_vi(s.date), SUPPORT_KINDS.get(s.kind, s.kind),
                     format_vnd(s.amount) if s.amount is not None else "", s.provider, s.note]
            for col, text in enumerate(cells):
                self.support_table.setItem(row, col, QTableWidgetItem(text))
        self.support_add.setEnabled(self._stored())

    def _add_support(self) -> None:
        try:
            date = parse_date_vi(self.support_date.text())
            amount = parse_number(self.support_amount.text(), "money")
        except FieldParseError as exc:
            self.support_error.setText("⚠ " + str(exc))
            return
        if date is None:
            self.support_error.setText("⚠ " + self.tr("Cần ngày nhận hỗ trợ."))
            return
        try:
            self.session.add_support(self.household_id, self.support_kind.currentData(), date, amount,
                                     self.support_provider.text().strip(), self.support_note.text().strip())
        except NgheoError as exc:
            self.support_error.setText("⚠ " + exc.message)
            return
        self.support_error.clear()
        self.support_amount.clear()
        self.support_note.clear()
        self._load_support()
