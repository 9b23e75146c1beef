"""This installation's keys in the app: first-time setup (role and passphrase), the passphrase prompt,
and the keys window (device id, fingerprint, public key file, the office's key on a laptop).

The passphrase is typed, checked against the key file by ``services.sync`` and handed to the one action
that needs it; it is never written anywhere. ``NGHEO_PASSPHRASE`` (scripts, tests) skips the prompt.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.sync_screens import role_title

PASSPHRASE_ENV = "NGHEO_PASSPHRASE"
MIN_PASSPHRASE = 8  # the key file's own minimum (sync.keys.MIN_PASSPHRASE), checked again there


def fingerprint_label(text: str) -> QLabel:
    """A fingerprint or device id as the sync layer groups it, large enough to read aloud."""
    label = QLabel(text)
    font = label.font()
    font.setPointSize(12)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def dialog_buttons(ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("primary")
    return buttons


class PassphraseField(QWidget):
    """The passphrase line of a dialog, with its refusal shown beneath it. Hidden when the environment
    supplies the passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("Mật khẩu khóa của máy này"))
        self.edit.textEdited.connect(lambda _text: self.error.setText(""))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.from_environment = os.environ.get(PASSPHRASE_ENV) is not None
        self.setVisible(not self.from_environment)

    def value(self) -> str:
        env = os.environ.get(PASSPHRASE_ENV)
        return env if self.from_environment and env is not None else self.edit.text()

    def check(self) -> bool:
        """True when the passphrase opens the keys; otherwise the refusal is shown and the field refocused."""
        from ngheo_desktop.services import sync
        from ngheo_desktop.sync.errors import WrongPassphrase

        try:
            sync.check_passphrase(self.value())
        except WrongPassphrase:
            self.setVisible(True)
            self.error.setText(self.tr("Mật khẩu không đúng: không mở được khóa của máy này. Hãy nhập lại."))
            self.edit.selectAll()
            self.edit.setFocus()
            return False
        except NgheoError as exc:
            present_error(exc, self.window())
            return False
        return True


class PassphraseDialog(QDialog):
    """Asks for the passphrase before one action; refuses a wrong one in place."""

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mật khẩu khóa"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(purpose)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.field = PassphraseField()
        self.field.setVisible(True)
        layout.addWidget(self.field)
        buttons = dialog_buttons(self.tr("Tiếp tục"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.edit.setFocus()

    def _accept(self) -> None:
        if self.field.check():
            self.accept()


def ask_passphrase(parent: QWidget | None, purpose: str) -> str | None:
    """The checked passphrase (from the environment without asking), or None when the user cancels."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    dialog = PassphraseDialog(purpose, parent)
    if not dialog.exec():
        return None
    return dialog.field.value()


class KeySetupDialog(QDialog):
    """First-time setup: the installation's role, a name to recognise it by, and the passphrase twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thiết lập khóa cho máy này"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Mỗi máy có một cặp khóa để ký và nhận gói dữ liệu. Chọn vai trò của máy này; vai trò không đổi "
            "được sau khi tạo khóa."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.field_role = QRadioButton(self.tr("&Rà soát viên — máy thực địa, gửi gói dữ liệu lên xã"))
        self.office_role = QRadioButton(self.tr("&Văn phòng xã — nhận, kiểm tra và duyệt gói từ các máy"))
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.field_role)
        self.roles.addButton(self.office_role)
        self.field_role.setChecked(True)
        layout.addWidget(self.field_role)
        layout.addWidget(self.office_role)
        form = QFormLayout()
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("Ví dụ: Máy thôn Đồng Tâm, hoặc UBND xã Quỳnh Thắng"))
        form.addRow(self.tr("&Tên gợi nhớ:"), self.label)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Mật khẩu khóa:"), self.passphrase)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Nhập lại mật khẩu:"), self.confirm)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        note = QLabel(self.tr(
            "Mật khẩu không được lưu ở đâu cả và không khôi phục được: hãy ghi lại và cất nơi an toàn. "
            "Mỗi lần xuất hoặc nhập gói, phần mềm sẽ hỏi mật khẩu này."))
        note.setObjectName("help")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = dialog_buttons(self.tr("Tạo khóa"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.created_role: str | None = None

    def role(self) -> str:
        return "office" if self.office_role.isChecked() else "field"

    def _create(self) -> None:
        passphrase = self.passphrase.text()
        if len(passphrase) < MIN_PASSPHRASE:
            self.error.setText(self.tr("Mật khẩu phải có ít nhất {0} ký tự.").format(MIN_PASSPHRASE))
            self.passphrase.setFocus()
            return
        if self.confirm.text() != passphrase:
            self.error.setText(self.tr("Hai lần nhập mật khẩu không khớp."))
            self.confirm.selectAll()
            self.confirm.setFocus()
            return
        from ngheo_desktop.services import sync

        try:
            sync.keys_init(self.role(), passphrase, self.label.text().strip())
        except NgheoError as exc:
            present_error(exc, self)
            return
        finally:
            self.passphrase.clear()
            self.confirm.clear()
        self.created_role = self.role()
        self.accept()


class KeysDialog(QDialog):
    """This installation's identity and whom it trusts; save the public key file, trust the office's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ngheo_desktop.services import sync

        self.setWindowTitle(self.tr("Khóa của máy này"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        info = sync.keys_show()
        self.role = info["role"]
        self.form.addRow(self.tr("Vai trò:"), QLabel(role_title(self.role)))
        if info["label"]:
            self.form.addRow(self.tr("Tên gợi nhớ:"), QLabel(info["label"]))
        self.form.addRow(self.tr("Mã thiết bị:"), fingerprint_label(info["device_id"]))
        self.form.addRow(self.tr("Dấu vân tay:"), fingerprint_label(info["fingerprint"]))
        hint = QLabel(self.tr("Khi đăng ký, hai bên đọc dấu vân tay cho nhau qua điện thoại để đối chiếu; "
                              "mỗi nhóm có một ký tự kiểm tra để phát hiện ký tự đọc nhầm."))
        hint.setObjectName("help")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        if self.role == "field":
            offices = [t for t in info["trusted"] if t["role"] == "office" and not t["revoked_at"]]
            self.office = QLabel(f"{offices[0]['label']}\n{offices[0]['fingerprint']}" if offices
                                 else self.tr("Chưa có: hãy tin tệp khóa công khai của văn phòng xã."))
            self.office.setWordWrap(True)
            self.form.addRow(self.tr("Văn phòng xã:"), self.office)
        save = QPushButton(self.tr("&Lưu tệp khóa công khai…"))
        save.clicked.connect(self.save_public_key)
        layout.addWidget(save)
        if self.role == "field":
            self.trust_button = QPushButton(self.tr("&Tin khóa văn phòng xã…"))
            self.trust_button.clicked.connect(self.trust_office)
            self.trust_button.setVisible(not offices)
            layout.addWidget(self.trust_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def save_public_key(self, out: Path | None = None) -> Path | None:
        from ngheo_desktop.services import sync

        if out is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp khóa công khai"),
                                                  str(Path.home() / "khoa-cong-khai.json"),
                                                  self.tr("Tệp khóa công khai (*.json)"))
            if not name:
                return None
            out = Path(name)
        passphrase = ask_passphrase(self, self.tr("Tệp khóa công khai được ký bằng khóa của máy này."))
        if passphrase is None:
            return None
        try:
            pub = sync.export_public_key(out, passphrase)
        except NgheoError as exc:
            present_error(exc, self)
            return None
        self._tell(self.tr("Đã lưu tệp khóa công khai"), self.tr(
            "Đã lưu {0}.\nGửi tệp này cho bên kia và đọc dấu vân tay để đối chiếu:\n{1}").format(out, pub.fingerprint))
        return out

    def trust_office(self, path: Path | None = None, fingerprint: str | None = None) -> bool:
        """Trust the office's public key file (a fingerprint read over the phone is checked when given)."""
        from ngheo_desktop.services import sync

        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa công khai của văn phòng xã"),
                                                  str(Path.home()), self.tr("Tệp khóa công khai (*.json)"))
            if not name:
                return False
            path = Path(name)
        try:
            entry = sync.trust_key_file(path, fingerprint)
        except NgheoError as exc:
            present_error(exc, self)
            return False
        self.office.setText(f"{entry.key.label}\n{entry.key.fingerprint}")
        self.trust_button.hide()
        self._tell(self.tr("Đã tin khóa văn phòng xã"), self.tr(
            "Đã tin {0}.\nDấu vân tay: {1}\nHãy đọc đối chiếu với văn phòng xã qua điện thoại.").format(
                entry.key.label or entry.device_id, entry.key.fingerprint))
        return True

    def _tell(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.show()
        return box
