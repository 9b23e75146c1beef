"""The sync dialogs and texts: export (where to, passphrase), import (what a file says about itself),
and the worker functions behind them.

Loaded with the first sync action, not with the main window (``sync_screens`` holds the menu).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStorageInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop import drives
from ngheo_desktop.services import register
from ngheo_desktop.ui.keys_setup import PassphraseField, dialog_buttons
from ngheo_desktop.ui.settings import set_ui_state, ui_state


def kind_title(kind: str) -> str:
    titles = {
        "bundle": QCoreApplication.translate("SyncScreens", "gói dữ liệu"),
        "receipt": QCoreApplication.translate("SyncScreens", "biên nhận"),
        "assignment": QCoreApplication.translate("SyncScreens", "tệp giao việc"),
    }
    return titles.get(kind, kind)


def counts_text(counts: dict[str, int]) -> str:
    """A file's counts: things counted first ("12 hộ"), decisions named first ("trả lại 2")."""
    things = {
        "households": QCoreApplication.translate("SyncScreens", "hộ"),
        "members": QCoreApplication.translate("SyncScreens", "nhân khẩu"),
        "assessments": QCoreApplication.translate("SyncScreens", "phiếu rà soát"),
        "support": QCoreApplication.translate("SyncScreens", "khoản hỗ trợ"),
        "files": QCoreApplication.translate("SyncScreens", "tệp biểu mẫu"),
    }
    decisions = {
        "accepted": QCoreApplication.translate("SyncScreens", "chấp nhận"),
        "returned": QCoreApplication.translate("SyncScreens", "trả lại"),
        "rejected": QCoreApplication.translate("SyncScreens", "từ chối"),
    }
    parts = [f"{counts[k]} {name}" for k, name in things.items() if k in counts]
    parts += [f"{name} {counts[k]}" for k, name in decisions.items() if k in counts]
    return ", ".join(parts)


def outcome_text(outcome: dict[str, int]) -> str:
    names = {
        "created": QCoreApplication.translate("SyncScreens", "thêm mới"),
        "updated": QCoreApplication.translate("SyncScreens", "cập nhật"),
        "unchanged": QCoreApplication.translate("SyncScreens", "không đổi"),
        "conflict": QCoreApplication.translate("SyncScreens", "xung đột (chờ xem xét)"),
        "held": QCoreApplication.translate("SyncScreens", "giữ lại chờ xem xét"),
    }
    parts = [f"{names.get(k, k)} {v}" for k, v in outcome.items()]
    return ", ".join(parts) or QCoreApplication.translate("SyncScreens", "không có bản ghi nào")


def when_text(iso: str) -> str:
    """An ISO UTC time as dd/mm/yyyy HH:MM in local time."""
    try:
        at = dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return at.strftime("%d/%m/%Y %H:%M")


def removable_folders() -> list[tuple[str, Path]]:
    """Writable USB sticks and cards that are mounted now: (name, root folder)."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        root = Path(volume.rootPath())
        if drives.drive_kind(root) == drives.REMOVABLE:
            found.append((volume.displayName() or root.name, root))
    return found


class ExportDialog(QDialog):
    """Where the bundle goes (a folder or a USB stick) and the passphrase that signs it."""

    def __init__(self, pending: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xuất gói gửi văn phòng xã"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Gói chứa mọi hộ, phiếu rà soát và khoản hỗ trợ văn phòng xã chưa xác nhận, "
                               "được mã hóa cho văn phòng xã và ký bằng khóa của máy này. Tên tệp không chứa "
                               "tên người hay số định danh."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.pending = QLabel(self.tr("Sẽ gửi: {0}.").format(counts_text(pending)) if any(pending.values())
                              else self.tr("Không có thay đổi nào cần gửi: văn phòng xã đã nhận đủ."))
        self.pending.setObjectName("subtitle")
        self.pending.setWordWrap(True)
        layout.addWidget(self.pending)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(ui_state("sync/export_folder") or str(Path.home()))
        browse = QPushButton(self.tr("&Chọn thư mục…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("&Lưu vào:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        for name, root in removable_folders():
            usb = QPushButton(self.tr("USB: {0}").format(name))
            usb.clicked.connect(lambda _checked=False, r=root: self.folder.setText(str(r)))
            form.addRow("", usb)
        self.passphrase = PassphraseField(self)
        if not self.passphrase.from_environment:
            passphrase_label = QLabel(self.tr("&Mật khẩu khóa:"))
            passphrase_label.setBuddy(self.passphrase.edit)
            form.addRow(passphrase_label, self.passphrase)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = dialog_buttons(self.tr("Xuất gói"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(any(pending.values()))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục hoặc USB"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def folder_path(self) -> Path:
        return Path(self.folder.text().strip())

    def _accept(self) -> None:
        if not self.folder.text().strip() or not self.folder_path().is_dir():
            self.error.setText(self.tr("Thư mục này không có: chọn một thư mục hoặc USB đang cắm."))
            return
        if self.passphrase.check():
            set_ui_state("sync/export_folder", str(self.folder_path()))
            self.accept()


class ImportDialog(QDialog):
    """What a dropped or chosen file says about itself (its clear header), before anything is imported."""

    def __init__(self, path: Path, info: Any, held_after: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.info = path, info
        self.hold = held_after is not None
        self.setWindowTitle(self.tr("Nhập {0}").format(kind_title(info.kind)))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Tệp:"), _wrapped(path.name))
        form.addRow(self.tr("Loại:"), QLabel(kind_title(info.kind).capitalize()))
        sender = f"{info.sender_label} ({info.sender})" if info.sender_label else info.sender
        form.addRow(self.tr("Gửi từ:"), _wrapped(sender))
        signature = self.tr("hợp lệ") if info.signature == "valid" else \
            self.tr("chưa xác minh được — thiết bị gửi chưa được đăng ký trên máy này")
        form.addRow(self.tr("Chữ ký:"), _wrapped(signature))
        form.addRow(self.tr("Gửi đến:"), _wrapped(self.tr("máy này") if info.for_this_installation
                                                 else self.tr("máy khác ({0})").format(info.recipient)))
        form.addRow(self.tr("Số thứ tự:"), QLabel(str(info.sequence)))
        form.addRow(self.tr("Tạo lúc:"), QLabel(when_text(info.created)))
        form.addRow(self.tr("Nội dung:"), _wrapped(counts_text(info.counts)))
        self.passphrase = PassphraseField(self)
        if not self.passphrase.from_environment:
            passphrase_label = QLabel(self.tr("&Mật khẩu khóa:"))
            passphrase_label.setBuddy(self.passphrase.edit)
            form.addRow(passphrase_label, self.passphrase)
        layout.addLayout(form)
        warnings = []
        if info.signature != "valid":
            warnings.append(self.tr("Máy này chưa đăng ký thiết bị gửi: tệp sẽ bị từ chối."))
        if not info.for_this_installation:
            warnings.append(self.tr("Tệp này gửi cho máy khác: tệp sẽ bị từ chối."))
        if self.hold:
            warnings.append(self.tr("Thiết bị gửi đã bị thu hồi sau gói số {0}: gói này không được nhập vào sổ "
                                    "hộ; mọi bản ghi trong gói được đưa vào hàng chờ xem xét.").format(held_after))
        if warnings:
            warning = QLabel("\n".join(warnings))
            warning.setObjectName("warning")
            warning.setWordWrap(True)
            layout.addWidget(warning)
        buttons = dialog_buttons(self.tr("Đưa vào hàng chờ xem xét") if self.hold else self.tr("Nhập"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.passphrase.check():
            self.accept()


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def export_in_worker(_progress, db_path: str, folder: str, passphrase: str):
    from ngheo_desktop.services import sync

    store = register.open_register(db_path)
    try:
        return sync.export_bundle(store, sync.next_bundle_path(store, Path(folder)), passphrase)
    finally:
        store.close()


def import_in_worker(progress, db_path: str, path: str, kind: str, actor: str, passphrase: str, hold: bool):
    from ngheo_desktop.services import sync

    store = register.open_register(db_path)
    try:
        if kind == "bundle":
            return sync.import_bundle(store, Path(path), actor, passphrase, hold_revoked=hold, progress=progress)
        if kind == "receipt":
            return sync.import_receipt(store, Path(path), passphrase)
        return sync.import_assignment(store, Path(path), actor, passphrase)
    finally:
        store.close()
