"""The office's device registry: every enrolled laptop with its fingerprint and what it has sent; enrol a
laptop from its public key file (checking the fingerprint read over the phone), revoke one with a cut-off,
and write the signed files that go back to a laptop: the receipt of the office's decisions and the
assignment of a village's households. All of it through ``services.sync``; the files are written on the
worker with its own database connection.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import register
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.keys_setup import ask_passphrase, dialog_buttons, fingerprint_label
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.sync_dialogs import when_text
from ngheo_desktop.ui.worker import run_in_background


class EnrolDialog(QDialog):
    """A laptop's public key file, and (optionally) the fingerprint its surveyor reads over the phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đăng ký máy thực địa"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file = QLineEdit()
        browse = QPushButton(self.tr("&Chọn tệp…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        file_label = QLabel(self.tr("&Tệp khóa công khai:"))
        file_label.setBuddy(self.file)
        form.addRow(file_label, row)
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText(self.tr("Ví dụ: 7K3Q9-ZW2MT-… (không bắt buộc, nên có)"))
        form.addRow(self.tr("&Dấu vân tay đọc qua điện thoại:"), self.fingerprint)
        layout.addLayout(form)
        hint = QLabel(self.tr("Nhờ rà soát viên đọc dấu vân tay hiện trên máy của họ (Đồng bộ → Khóa của máy "
                              "này). Nếu không khớp tệp, máy sẽ không được đăng ký."))
        hint.setObjectName("help")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = dialog_buttons(self.tr("Đăng ký"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa công khai của máy thực địa"),
                                              str(Path.home()), self.tr("Tệp khóa công khai (*.json)"))
        if name:
            self.file.setText(name)


class RevokeDialog(QDialog):
    """Revoke a laptop: bundles numbered above the cut-off are held for review, never merged."""

    def __init__(self, label: str, last_sequence: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thu hồi thiết bị"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Thu hồi “{0}” (máy bị mất, hỏng hoặc đổi người dùng). Các gói có số thứ tự lớn "
                              "hơn mốc dưới đây sẽ không được nhập vào sổ hộ mà đưa vào hàng chờ xem xét. "
                              "Không hoàn tác được.").format(label))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.cutoff = QSpinBox()
        self.cutoff.setRange(0, 1_000_000)
        self.cutoff.setValue(last_sequence)
        form.addRow(self.tr("&Mốc (số thứ tự gói cuối cùng còn tin):"), self.cutoff)
        layout.addLayout(form)
        buttons = dialog_buttons(self.tr("Thu hồi"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AssignDialog(QDialog):
    """Which village's households (with last year's data) go to the laptop, for which round, and where."""

    def __init__(self, session: Session, device_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giao việc cho {0}").format(device_label))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.village = QComboBox()
        for unit in session.units("village"):
            self.village.addItem(unit.name, unit.id)
        form.addRow(self.tr("&Thôn/tổ dân phố:"), self.village)
        self.round = QComboBox()
        self.round.addItem(self.tr("(không ghi đợt)"), None)
        for rnd in sorted(session.rounds(), key=lambda r: r.start_date, reverse=True):
            self.round.addItem(rnd.title, rnd.id)
        self.round.setCurrentIndex(min(1, self.round.count() - 1))  # the latest round, when there is one
        form.addRow(self.tr("Đợt &rà soát:"), self.round)
        row = QHBoxLayout()
        self.file = QLineEdit(str(Path.home() / f"giao-viec-{dt.date.today():%Y%m%d}.ngheo"))
        browse = QPushButton(self.tr("&Chọn…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        file_label = QLabel(self.tr("&Lưu vào tệp:"))
        file_label.setBuddy(self.file)
        form.addRow(file_label, row)
        layout.addLayout(form)
        hint = QLabel(self.tr("Tệp chứa các hộ của thôn kèm phân loại năm trước, được ký bằng khóa văn phòng và "
                              "chỉ máy này mở được."))
        hint.setObjectName("help")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons = dialog_buttons(self.tr("Xuất tệp giao việc"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp giao việc"), self.file.text(),
                                              self.tr("Tệp đồng bộ (*.ngheo)"))
        if name:
            self.file.setText(name)

    def _accept(self) -> None:
        if self.village.currentData() is None:
            self.error.setText(self.tr("Chưa có thôn nào trong cơ sở dữ liệu."))
            return
        if not self.file.text().strip() or not Path(self.file.text().strip()).parent.is_dir():
            self.error.setText(self.tr("Chọn nơi lưu tệp trong một thư mục có sẵn."))
            return
        self.accept()


def _receipt_in_worker(_progress, db_path: str, device_id: str, out: str, passphrase: str, again: bool):
    from ngheo_desktop.services import sync

    store = register.open_register(db_path)
    try:
        return sync.export_receipt(store, device_id, Path(out), passphrase, again=again)
    finally:
        store.close()


def _assignment_in_worker(_progress, db_path: str, device_id: str, village_id: str, out: str, round_id: str | None,
                          passphrase: str):
    from ngheo_desktop.services import sync

    store = register.open_register(db_path)
    try:
        return sync.export_assignment(store, device_id, village_id, Path(out), round_id, passphrase=passphrase)
    finally:
        store.close()


class DeviceRegistry(QWidget):
    changed = Signal()
    exported = Signal(object)  # services.sync.ExportReport of a receipt or an assignment

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from ngheo_desktop.services import sync

        self._sync = sync
        self.session = session
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Thiết bị đã đăng ký"))
        self.resize(1120, 420)
        layout = QVBoxLayout(self)
        own = sync.keys_show()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Dấu vân tay của văn phòng xã:")))
        head.addWidget(fingerprint_label(own["fingerprint"]))
        head.addStretch(1)
        layout.addLayout(head)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("Tên gợi nhớ"), self.tr("Dấu vân tay"),
                                              self.tr("Đăng ký lúc"), self.tr("Số gói đã nhập"),
                                              self.tr("Gói cuối"), self.tr("Nhập lần cuối"), self.tr("Trạng thái")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        enrol = QPushButton(self.tr("&Đăng ký máy từ tệp khóa…"))
        enrol.clicked.connect(self.enrol)
        self.revoke_button = QPushButton(self.tr("&Thu hồi…"))
        self.revoke_button.clicked.connect(self.revoke_current)
        self.receipt_button = QPushButton(self.tr("Xuất &biên nhận…"))
        self.receipt_button.setToolTip(self.tr("Các quyết định duyệt, trả lại, từ chối chưa gửi về máy này"))
        self.receipt_button.clicked.connect(lambda: self.export_receipt())
        self.receipt_again_button = QPushButton(self.tr("Gửi &lại biên nhận…"))
        self.receipt_again_button.setToolTip(self.tr("Mọi quyết định cho máy này, cả những quyết định đã gửi: khi "
                                                     "biên nhận trước bị mất hoặc không nhập được"))
        self.receipt_again_button.clicked.connect(lambda: self.export_receipt(again=True))
        self.assign_button = QPushButton(self.tr("Xuất tệp &giao việc…"))
        self.assign_button.clicked.connect(self.export_assignment)
        buttons.addWidget(enrol)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.receipt_again_button)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.revoke_button)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.devices = self._sync.device_registry(self.session.store)
        self.table.setRowCount(len(self.devices))
        for r, d in enumerate(self.devices):
            state = self.tr("Đang dùng") if d.revoked_after_sequence is None else \
                self.tr("Đã thu hồi sau gói số {0}").format(d.revoked_after_sequence)
            cells = (d.label or d.device_id, d.fingerprint, when_text(d.trusted_at), str(d.bundles),
                     str(d.last_sequence), when_text(d.last_import) if d.last_import else "—", state)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.devices[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        d = self.current()
        self.revoke_button.setEnabled(d is not None and d.revoked_after_sequence is None)
        self.receipt_button.setEnabled(d is not None)
        self.receipt_again_button.setEnabled(d is not None)
        self.assign_button.setEnabled(d is not None and d.revoked_after_sequence is None)

    def enrol(self) -> EnrolDialog:
        dialog = EnrolDialog(self)
        dialog.accepted.connect(lambda: self._enrol(Path(dialog.file.text().strip()),
                                                    dialog.fingerprint.text().strip() or None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _enrol(self, path: Path, fingerprint: str | None) -> None:
        try:
            entry = self._sync.trust_key_file(path, fingerprint)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self.reload()
        self.changed.emit()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đã đăng ký"), self.tr(
            "Đã đăng ký “{0}”.\nDấu vân tay: {1}").format(entry.key.label or entry.device_id, entry.key.fingerprint),
            QMessageBox.StandardButton.Ok, self)
        box.show()

    def revoke_current(self) -> RevokeDialog | None:
        d = self.current()
        if d is None:
            return None
        dialog = RevokeDialog(d.label or d.device_id, d.last_sequence, self)
        dialog.accepted.connect(lambda: self._revoke(d.device_id, dialog.cutoff.value()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _revoke(self, device_id: str, cutoff: int) -> None:
        try:
            self._sync.revoke_device(device_id, cutoff)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self.reload()
        self.changed.emit()

    # -- files for the laptop
    def _label(self, device) -> str:
        return device.label or device.device_id

    def export_receipt(self, out: Path | None = None, again: bool = False) -> None:
        """A receipt of the decisions not yet sent to the chosen laptop (``again``: of all its decisions)."""
        d = self.current()
        if d is None:
            return
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu biên nhận cho {0}").format(self._label(d)),
                str(Path.home() / f"bien-nhan-{d.device_id[:5]}-{dt.date.today():%Y%m%d}.ngheo"),
                self.tr("Tệp đồng bộ (*.ngheo)"))
            if not name:
                return
            out = Path(name)
        passphrase = ask_passphrase(self, self.tr("Biên nhận được ký bằng khóa của văn phòng xã."))
        if passphrase is None:
            return
        run_in_background(self.tr("Đang xuất biên nhận…"), _receipt_in_worker, str(self.session.db_path),
                          d.device_id, str(out), passphrase, again, parent=self, on_done=self._receipt_done)

    def _receipt_done(self, report) -> None:
        c = report.counts
        self._tell(self.tr("Đã xuất biên nhận"), self.tr(
            "Đã ghi biên nhận số {0}: {1}\nChấp nhận {2}, trả lại {3}, từ chối {4}. Gửi tệp này cho rà soát viên để "
            "nhập trên máy thực địa.").format(report.sequence, report.path, c["accepted"], c["returned"],
                                              c["rejected"]), report)

    def export_assignment(self) -> AssignDialog | None:
        d = self.current()
        if d is None:
            return None
        dialog = AssignDialog(self.session, self._label(d), self)
        dialog.accepted.connect(lambda: self._start_assignment(d.device_id, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start_assignment(self, device_id: str, dialog: AssignDialog) -> None:
        passphrase = ask_passphrase(self, self.tr("Tệp giao việc được ký bằng khóa của văn phòng xã."))
        if passphrase is None:
            return
        run_in_background(self.tr("Đang xuất tệp giao việc…"), _assignment_in_worker, str(self.session.db_path),
                          device_id, dialog.village.currentData(), dialog.file.text().strip(),
                          dialog.round.currentData(), passphrase, parent=self, on_done=self._assignment_done)

    def _assignment_done(self, report) -> None:
        self._tell(self.tr("Đã xuất tệp giao việc"), self.tr(
            "Đã ghi tệp giao việc số {0}: {1}\n{2} hộ. Gửi tệp này cho rà soát viên để nhập trên máy thực địa.").format(
                report.sequence, report.path, report.counts["households"]), report)

    def _tell(self, title: str, text: str, report) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.show()
        self.exported.emit(report)
