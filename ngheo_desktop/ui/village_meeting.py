"""Recording a village meeting (họp dân) at the office: the round, the village, the date, who chaired and
took the minutes, how many attended, and for each household discussed how many agreed. A household agreed
by fewer than the procedure's share (forms/procedure.toml) goes back for re-survey —
``services.sync.record_village_meeting`` decides and records it; the table shows the outcome as it is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria import CLASS_VI
from ngheo_desktop.criteria.standards import village_meeting_agrees, village_meeting_min_share
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services.register import ChangeNotice
from ngheo_desktop.store import Unit
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.keys_setup import dialog_buttons
from ngheo_desktop.ui.session import Session

# The households a meeting votes on: those proposed for the poor and near-poor lists.
DISCUSSED = ("poor", "near_poor")
MAX_ATTENDANCE = 10_000
RESURVEY_COLOUR = "#b3261e"


class VillageMeetingDialog(QDialog):
    recorded = Signal(object)  # services.sync.MeetingReport

    def __init__(self, session: Session, village: Unit | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.min_share = village_meeting_min_share()
        self.setWindowTitle(self.tr("Ghi kết quả họp dân"))
        self.resize(860, 620)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.round = QComboBox()
        for rnd in sorted(session.rounds(), key=lambda r: r.start_date, reverse=True):
            self.round.addItem(rnd.title, rnd.id)
        form.addRow(self.tr("Đợt &rà soát:"), self.round)
        self.village = QComboBox()
        for unit in session.units("village"):
            self.village.addItem(unit.name, unit.id)
        if village is not None:
            self.village.setCurrentIndex(max(0, self.village.findData(village.id)))
        self.village.currentIndexChanged.connect(self._load_households)
        self.round.currentIndexChanged.connect(self._load_households)
        form.addRow(self.tr("&Thôn/tổ dân phố:"), self.village)
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setDisplayFormat("dd/MM/yyyy")
        self.held_on.setCalendarPopup(True)
        form.addRow(self.tr("&Ngày họp:"), self.held_on)
        self.chair = QLineEdit()
        self.chair.setPlaceholderText(self.tr("Họ tên, chức vụ"))
        form.addRow(self.tr("&Chủ trì:"), self.chair)
        self.secretary = QLineEdit()
        self.secretary.setPlaceholderText(self.tr("Họ tên, chức vụ"))
        form.addRow(self.tr("Thư &ký:"), self.secretary)
        self.attendance = QSpinBox()
        self.attendance.setRange(1, MAX_ATTENDANCE)
        self.attendance.setValue(1)
        self.attendance.valueChanged.connect(self._attendance_changed)
        form.addRow(self.tr("Số người &dự họp:"), self.attendance)
        layout.addLayout(form)
        rule = QLabel(self.tr("Hộ được từ {0:.0%} số người dự họp trở lên đồng ý thì kết quả được thông qua; "
                              "dưới mức đó phải rà soát lại (Quyết định 24/2021/QĐ-TTg).").format(self.min_share))
        rule.setObjectName("help")
        rule.setWordWrap(True)
        layout.addWidget(rule)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Số"), self.tr("Chủ hộ"), self.tr("Phân loại đề xuất"),
                                              self.tr("Số người đồng ý"), self.tr("Tỷ lệ"), self.tr("Kết quả")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = dialog_buttons(self.tr("Ghi kết quả"))
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.agree: dict[str, QSpinBox] = {}
        self._load_households()

    def _load_households(self) -> None:
        """The village's households the chosen round proposes for the poor and near-poor lists."""
        village_id, round_id = self.village.currentData(), self.round.currentData()
        proposed = self.session.round_proposals(round_id, village_id) if village_id and round_id else []
        discussed = [(row, klass) for row, klass in proposed if klass in DISCUSSED]
        self.agree = {}
        self.table.setRowCount(len(discussed))
        for r, (row, klass) in enumerate(discussed):
            self.table.setItem(r, 0, QTableWidgetItem(str(row.register_no)))
            self.table.setItem(r, 1, QTableWidgetItem(row.head_name))
            self.table.setItem(r, 2, QTableWidgetItem(CLASS_VI.get(klass, "")))
            spin = QSpinBox()
            spin.setRange(0, self.attendance.value())
            spin.valueChanged.connect(lambda _v, r=r: self._show_share(r))
            self.table.setCellWidget(r, 3, spin)
            self.agree[row.household_id] = spin
            self._show_share(r)

    def _attendance_changed(self, attendance: int) -> None:
        for r, spin in enumerate(self.agree.values()):
            spin.setMaximum(attendance)
            self._show_share(r)

    def _show_share(self, r: int) -> None:
        spin = list(self.agree.values())[r]
        share = spin.value() / self.attendance.value()
        self.table.setItem(r, 4, QTableWidgetItem(f"{share:.0%}"))
        agrees = village_meeting_agrees(spin.value(), self.attendance.value())
        verdict = QTableWidgetItem(self.tr("Đạt") if agrees else self.tr("Rà soát lại"))
        if not agrees:
            verdict.setForeground(QColor(RESURVEY_COLOUR))
        self.table.setItem(r, 5, verdict)

    def set_agree(self, household_id: str, count: int) -> None:
        self.agree[household_id].setValue(count)

    def _record(self) -> None:
        from ngheo_desktop.services import sync

        if self.round.currentData() is None or self.village.currentData() is None:
            self.error.setText(self.tr("Cần có đợt rà soát và thôn để ghi kết quả họp dân."))
            return
        if not self.chair.text().strip() or not self.secretary.text().strip():
            self.error.setText(self.tr("Ghi họ tên người chủ trì và thư ký (in trên biên bản)."))
            return
        if not self.agree:
            self.error.setText(self.tr("Thôn này không có hộ nào được đề xuất nghèo hoặc cận nghèo để họp dân."))
            return
        try:
            report = sync.record_village_meeting(
                self.session.store, self.round.currentData(), self.village.currentData(), self.village.currentText(),
                self.held_on.date().toString("yyyy-MM-dd"), self.attendance.value(), self.chair.text().strip(),
                self.secretary.text().strip(), {h: s.value() for h, s in self.agree.items()}, self.session.actor)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self.session.notices.changed.emit(ChangeNotice("village_meeting", tuple(self.agree)))
        self.accept()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đã ghi kết quả họp dân"), self.tr(
            "{0} hộ được đưa vào danh sách, {1} hộ phải rà soát lại.\nIn biên bản: Tệp → In biên bản họp dân…").format(
                len(report.agreed), len(report.resurvey)), QMessageBox.StandardButton.Ok, self.parentWidget())
        box.show()
        self.recorded.emit(report)
