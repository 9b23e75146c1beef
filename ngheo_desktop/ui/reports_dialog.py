"""The reports dialog: which report of which review round, as PDF, XLSX or CSV, into which file.

The report kinds and their printed titles come from ``services.reports.report_kinds()``; the dialog adds
a line saying what each is for. The file is written by ``services.reports.export_report`` on a worker
with its own database connection, then opened in the program the computer uses for that kind of file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.services import register
from ngheo_desktop.ui.print_actions import file_stem
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.worker import Task, run_in_background

FORMATS = ("pdf", "xlsx", "csv")


def _export_in_worker(_progress, db_path: str, kind: str, fmt: str, out: str, round_id: str | None) -> Path:
    from ngheo_desktop.services import reports

    store = register.open_register(db_path)
    try:
        reports.export_report(store, kind, fmt, out, round_id)
    finally:
        store.close()
    return Path(out)


class ReportsDialog(QDialog):
    saved = Signal(object)  # the Path written

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        from ngheo_desktop.services.reports import report_kinds

        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self._chosen_file: str | None = None  # a name confirmed in the save dialog (overwrite already asked)
        self._auto = ""  # the file name the dialog suggested last
        self.setWindowTitle(self.tr("Báo cáo của xã"))
        self.setMinimumWidth(640)
        form = QFormLayout(self)

        self.kind = QComboBox()
        for kind, title in report_kinds().items():
            self.kind.addItem(title, kind)
        self.kind_help = QLabel()
        self.kind_help.setObjectName("help")
        self.kind_help.setWordWrap(True)
        kind_box = QVBoxLayout()
        kind_box.setSpacing(2)
        kind_box.addWidget(self.kind)
        kind_box.addWidget(self.kind_help)
        label = QLabel(self.tr("&Loại báo cáo:"))
        label.setBuddy(self.kind)
        form.addRow(label, kind_box)

        self.round = QComboBox()
        for rnd in reversed(session.rounds()):
            self.round.addItem(rnd.title, rnd)
        form.addRow(self.tr("&Kỳ rà soát:"), self.round)

        formats = QVBoxLayout()
        formats.setSpacing(2)
        self.formats = QButtonGroup(self)
        for i, (fmt, text) in enumerate((("pdf", self.tr("PDF — để in, gửi huyện")),
                                         ("xlsx", self.tr("XLSX — mở bằng Excel")),
                                         ("csv", self.tr("CSV — bảng dữ liệu")))):
            button = QRadioButton(text)
            button.setProperty("format", fmt)
            self.formats.addButton(button, i)
            formats.addWidget(button)
        self.formats.button(0).setChecked(True)
        form.addRow(self.tr("Định dạng:"), formats)

        destination = QHBoxLayout()
        self.destination = QLineEdit()
        self.destination.textEdited.connect(lambda _t: setattr(self, "_chosen_file", None))
        browse = QPushButton(self.tr("&Chọn…"))
        browse.clicked.connect(self.browse)
        destination.addWidget(self.destination, 1)
        destination.addWidget(browse)
        label = QLabel(self.tr("&Lưu vào tệp:"))
        label.setBuddy(self.destination)
        form.addRow(label, destination)

        self.open_after = QCheckBox(self.tr("&Mở tệp sau khi lập xong"))
        self.open_after.setChecked(True)
        form.addRow("", self.open_after)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        form.addRow(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.make_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(self.tr("Lập &báo cáo"))
        self.make_button.setObjectName("primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đó&ng"))
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.round.currentIndexChanged.connect(self._suggest_name)
        self.formats.idToggled.connect(lambda _id, on: on and self._suggest_name())
        self._kind_changed()
        if not self.round.count():
            self._show_status(self.tr("Cơ sở dữ liệu chưa có kỳ rà soát nào: chưa có gì để báo cáo."), ok=False)
            self.make_button.setEnabled(False)

    def _descriptions(self) -> dict[str, str]:
        return {
            "summary": self.tr("Số hộ nghèo, cận nghèo, có mức sống trung bình và tỷ lệ theo từng thôn và cả xã, "
                               "tính theo hộ và theo nhân khẩu; bản PDF có biểu đồ tỷ lệ thiếu hụt."),
            "deprivation": self.tr("Với hộ nghèo và hộ cận nghèo: số hộ và tỷ lệ thiếu hụt từng chỉ số."),
            "groups": self.tr("Hộ dân tộc thiểu số, hộ không có người có khả năng lao động, hộ người có công "
                              "với cách mạng và các hộ khác."),
            "movement": self.tr("Thoát nghèo, từ nghèo sang cận nghèo, tái nghèo, nghèo phát sinh… so với kỳ "
                                "rà soát trước."),
            "af": self.tr("Chỉ số H, A và M0 của xã và từng thôn theo ngưỡng của chuẩn nghèo — để so sánh giữa "
                          "các xã."),
            "trend": self.tr("Tỷ lệ hộ nghèo, cận nghèo của mọi kỳ rà soát trong cơ sở dữ liệu (không cần chọn kỳ)."),
            "housing": self.tr("Mọi hộ ở nhà tạm, nhà dột nát, kèm phân loại và hỗ trợ nhà ở đã nhận."),
            "support": self.tr("Thiếu hụt của từng hộ nghèo, cận nghèo và chương trình hỗ trợ tương ứng; danh sách "
                               "hộ chưa được hỗ trợ theo từng chương trình."),
            "posting": self.tr("Danh sách niêm yết công khai tại thôn: chỉ họ tên, thôn và phân loại — không có "
                               "số định danh, thu nhập hay thông tin sức khỏe."),
            "ethnicity": self.tr("Hộ nghèo, cận nghèo theo dân tộc của chủ hộ (Kinh trước, các dân tộc khác theo số "
                                 "hộ), toàn xã và từng thôn."),
            "causes": self.tr("Số hộ nghèo, cận nghèo theo từng nguyên nhân nghèo ghi trong phiếu (một hộ có thể có "
                              "nhiều nguyên nhân) và số hộ chưa ghi nguyên nhân."),
            "children": self.tr("Hộ nghèo, cận nghèo có trẻ em dưới 16 tuổi; số hộ có trẻ bị thiếu hụt dinh dưỡng, "
                                "đi học, bảo hiểm y tế."),
        }

    def kind_id(self) -> str:
        return self.kind.currentData()

    def fmt(self) -> str:
        return self.formats.checkedButton().property("format")

    def _kind_changed(self) -> None:
        self.kind_help.setText(self._descriptions().get(self.kind_id(), ""))
        self.round.setEnabled(self.kind_id() != "trend" and self.round.count() > 0)
        self._suggest_name()

    def _suggest_name(self) -> None:
        """Follow the chosen kind, round and format until the user types or picks a file of their own."""
        current = self.destination.text().strip()
        if current and current != self._auto:
            return
        folder = Path(current).parent if current else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        rnd = self.round.currentData()
        stem = file_stem(self.kind.currentText())
        if self.kind_id() != "trend" and rnd is not None:
            same_year = sum(1 for i in range(self.round.count()) if self.round.itemData(i).year == rnd.year)
            stem += f"-{rnd.year}" if same_year == 1 else f"-{rnd.start_date}"
        self._auto = str(folder / f"{stem}.{self.fmt()}")
        self.destination.setText(self._auto)

    def browse(self) -> None:
        fmt = self.fmt()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), self.destination.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if name:
            if not name.lower().endswith(f".{fmt}"):
                name += f".{fmt}"
            self.destination.setText(name)
            self._chosen_file = name

    def make(self) -> Task | None:
        text = self.destination.text().strip()
        if not text:
            self._show_status(self.tr("Chọn tệp để lưu báo cáo."), ok=False)
            return None
        out = Path(text).expanduser()
        if out.suffix.lower().lstrip(".") in FORMATS:
            out = out.with_suffix(f".{self.fmt()}")
        else:
            out = out.with_name(out.name + f".{self.fmt()}")
        if out.exists() and str(out) != self._chosen_file:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Ghi đè tệp?"),
                              self.tr("Tệp {0} đã có. Ghi đè bằng báo cáo mới?").format(out), parent=self)
            overwrite = box.addButton(self.tr("Ghi đè"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not overwrite:
                return None
        rnd = self.round.currentData()
        round_id = rnd.id if rnd is not None and self.kind_id() != "trend" else None
        self.make_button.setEnabled(False)
        self._show_status(self.tr("Đang lập báo cáo “{0}”…").format(self.kind.currentText()), ok=True)
        self.task = run_in_background(self.tr("Đang lập báo cáo “{0}”…").format(self.kind.currentText()),
                                      _export_in_worker, str(self.session.db_path), self.kind_id(), self.fmt(),
                                      str(out), round_id, parent=self, on_done=self._done)
        self.task.failed.connect(self._failed)
        return self.task

    def _done(self, out: Path) -> None:
        self.task = None
        self.make_button.setEnabled(True)
        self._show_status(self.tr("Đã lưu báo cáo: {0}").format(out), ok=True)
        if self.open_after.isChecked() and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(out))):
            self._show_status(self.tr("Đã lưu báo cáo: {0}. Máy này chưa có phần mềm mở được tệp {1}.").format(
                out, out.suffix[1:].upper()), ok=False)
        self.saved.emit(out)

    def _failed(self, _exc: BaseException) -> None:
        # The worker's error presenter has shown what went wrong and what to do next.
        self.task = None
        self.make_button.setEnabled(True)
        self._show_status(self.tr("Chưa lập được báo cáo."), ok=False)

    def _show_status(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("ok", "true" if ok else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
