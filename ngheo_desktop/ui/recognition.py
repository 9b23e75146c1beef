"""The commune chair's recognition (quyết định công nhận) at the office: it closes a review round and
fixes its poor and near-poor lists. ``services.sync.recognize_round`` records it; after it, work for the
round goes to the review queue instead of the register."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.keys_setup import dialog_buttons
from ngheo_desktop.ui.session import Session


class RecognitionDialog(QDialog):
    recognized = Signal(str)  # the round id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Công nhận kết quả rà soát"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Ghi quyết định công nhận của Chủ tịch UBND xã. Sau khi ghi, đợt rà soát được đóng "
                               "và danh sách hộ nghèo, hộ cận nghèo của đợt được chốt."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.round = QComboBox()
        for rnd in sorted(session.rounds(), key=lambda r: r.start_date, reverse=True):
            self.round.addItem(rnd.title, rnd.id)
        form.addRow(self.tr("Đợt &rà soát:"), self.round)
        self.decided_on = QDateEdit(QDate.currentDate())
        self.decided_on.setDisplayFormat("dd/MM/yyyy")
        self.decided_on.setCalendarPopup(True)
        form.addRow(self.tr("&Ngày ký quyết định:"), self.decided_on)
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(self.tr("ví dụ 123/QĐ-UBND"))
        form.addRow(self.tr("&Số quyết định:"), self.decision)
        self.chair = QLineEdit()
        form.addRow(self.tr("&Chủ tịch UBND xã:"), self.chair)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = dialog_buttons(self.tr("Ghi quyết định"))
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _record(self) -> None:
        from ngheo_desktop.services import sync

        if self.round.currentData() is None:
            self.error.setText(self.tr("Chưa có đợt rà soát nào để công nhận."))
            return
        if not self.decision.text().strip() or not self.chair.text().strip():
            self.error.setText(self.tr("Ghi số quyết định và họ tên Chủ tịch UBND xã."))
            return
        round_id = self.round.currentData()
        try:
            sync.recognize_round(self.session.store, round_id, self.decided_on.date().toString("yyyy-MM-dd"),
                                 self.chair.text().strip(), self.decision.text().strip(), self.session.actor)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self.accept()
        self.recognized.emit(round_id)
