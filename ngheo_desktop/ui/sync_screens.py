"""Sync in the main window: export to a folder or USB stick, import by file dialog or drag and drop, the
installation's role in the title bar, the register's sync marks, and the menu that opens the review
queue, the device registry and the keys.

Export and import run on the worker with their own database connection (``services.sync`` does the
work); every refusal is the service's Vietnamese sentence through the error presenter, and the service
guarantees nothing was changed. ``services.sync`` (cryptography), the dialogs (``sync_dialogs``) and the
key screens (``keys_setup``) are imported on first use, after the window has painted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ngheo_desktop import criteria
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.paths import identity_file
from ngheo_desktop.services.register import ChangeNotice
from ngheo_desktop.ui.errors import log_error, present_error
from ngheo_desktop.ui.register_model import COLUMNS
from ngheo_desktop.ui.settings import set_ui_state, ui_state
from ngheo_desktop.ui.worker import run_in_background

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QDialog

    from ngheo_desktop.ui.main_window import MainWindow
    from ngheo_desktop.ui.sync_dialogs import ExportDialog, ImportDialog

SYNC_SUFFIX = ".ngheo"
SYNC_COLUMN = next(i for i, (key, _) in enumerate(COLUMNS) if key == "unsent")
# The role needs the key file (and the crypto library): read once the first frame is on screen.
ROLE_DELAY_MS = 200


def role_title(role: str | None) -> str:
    """What the title bar and the screens call an installation's role."""
    if role == "field":
        return QCoreApplication.translate("Keys", "Rà soát viên")
    if role == "office":
        return QCoreApplication.translate("Keys", "Văn phòng xã")
    return ""


class SyncActions(QObject):
    """The sync menu of a main window and everything it opens. ``exported``, ``imported`` and ``failed``
    report finished work (the window and the tests listen)."""

    exported = Signal(object)
    imported = Signal(object)
    failed = Signal(object)
    role_known = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.role: str | None = None
        self.role_checked = False  # the key file has been read (on the worker, just after start-up)
        self.closed = False  # the window has closed its register: nothing may read it any more
        self.keys_error: NgheoError | None = None  # the key file is there but cannot be read
        self.dialog: QDialog | None = None
        self.screens: list[QWidget] = []
        self.menu = QMenu(self.tr("Đồ&ng bộ"), window)
        window.menuBar().insertMenu(window.menus["help"].menuAction(), self.menu)
        window.menus["sync"] = self.menu
        self.export_action = window.add_action("sync", self.tr("Xuất gói gửi văn phòng…"), self.export_bundle,
                                               "Ctrl+Shift+E", toolbar=True)
        self.import_action = window.add_action("sync", self.tr("Nhập tệp đồng bộ…"), self.import_file,
                                               "Ctrl+Shift+I", toolbar=True)
        self.comments_action = window.add_action("sync", self.tr("Nhận xét của xã về hộ này…"),
                                                 self.show_returned_comments, needs_selection=True)
        self.menu.addSeparator()
        self.review_action = window.add_action("sync", self.tr("Hàng chờ xem xét…"), self.open_review_queue,
                                               "Ctrl+Shift+R")
        self.devices_action = window.add_action("sync", self.tr("Thiết bị đã đăng ký…"), self.open_devices)
        self.meeting_action = window.add_action("sync", self.tr("Ghi kết quả họp dân…"), self.record_village_meeting)
        self.recognition_action = window.add_action("sync", self.tr("Ghi quyết định công nhận…"),
                                                    self.record_recognition)
        self.menu.addSeparator()
        self.keys_action = window.add_action("sync", self.tr("Thiết lập khóa…"), self.open_keys)
        window.setAcceptDrops(True)
        self._show_role(_role_on_disk())
        QTimer.singleShot(ROLE_DELAY_MS, self, self._read_role_in_background)

    # -- role, title and marks
    def _read_role_in_background(self) -> None:
        """Read the key file on the worker: loading the sync layer (cryptography) takes ~0.2 s, which on
        the GUI thread would freeze the window just as the user starts typing."""
        if not self.closed:
            run_in_background("", _read_own_role, parent=self.window, quiet=True, on_done=self._role_read,
                              on_error=self._role_unreadable)

    def refresh_role(self) -> str | None:
        """Read the role again now (after the keys were set up)."""
        from ngheo_desktop.services import sync

        try:
            role = sync.own_role()
        except NgheoError as exc:
            self._role_unreadable(exc)
            return None
        self._role_read(role)
        return role

    def _role_read(self, role: str | None) -> None:
        self.keys_error = None
        self._apply_role(role)

    def _role_unreadable(self, exc: BaseException) -> None:
        if self.closed:  # the window closed while the key file was read: nobody to tell, keep the trace
            log_error(exc)
            return
        if not isinstance(exc, NgheoError):
            present_error(exc, self.window)
            return
        # A damaged key file: the register still opens; the keys window reports it when opened.
        log_error(exc)
        self.keys_error = exc
        self._apply_role(None)

    def _apply_role(self, role: str | None) -> None:
        if self.closed:
            return
        from ngheo_desktop.services import sync

        self.role_checked = True
        self._show_role(role)
        store = self.window.session.store
        self.window.model.set_marks(lambda rows: sync.household_marks(store, rows, role))
        self.role_known.emit(role)

    def ensure_role(self) -> str | None:
        """Before acting on the role, read it now if the worker has not brought it yet (a click in the
        first moments after start-up must not offer to create keys that exist)."""
        if not self.role_checked:
            self.refresh_role()
        return self.role

    def _show_role(self, role: str | None) -> None:
        self.role = role
        self.window.role_title = role_title(role)
        self.window.update_title()
        self.export_action.setVisible(role != "office")
        self.import_action.setVisible(role is not None)
        self.review_action.setVisible(role == "office")
        self.devices_action.setVisible(role == "office")
        self.meeting_action.setVisible(role == "office")
        self.recognition_action.setVisible(role == "office")
        self.comments_action.setVisible(role == "field")
        # The office sends no bundles: its register has no sync column to show.
        self.window.table.setColumnHidden(SYNC_COLUMN, role == "office")
        setup = role is None and self.keys_error is None
        self.keys_action.setText(self.tr("Thiết lập khóa…") if setup else self.tr("Khóa của máy này…"))

    def setup_keys(self) -> bool:
        if self.keys_error is not None:
            present_error(self.keys_error, self.window)
            return False
        from ngheo_desktop.ui.keys_setup import KeySetupDialog

        dialog = KeySetupDialog(self.window)
        if not dialog.exec():
            return False
        self.refresh_role()
        self.open_keys()
        return True

    def open_keys(self) -> QDialog | None:
        self.ensure_role()
        if self.keys_error is not None:
            present_error(self.keys_error, self.window)
            return None
        if self.role is None:
            self.setup_keys()
            return None
        from ngheo_desktop.ui.keys_setup import KeysDialog

        try:
            dialog = KeysDialog(self.window)
        except NgheoError as exc:
            present_error(exc, self.window)
            return None
        self.dialog = dialog
        dialog.open()
        return dialog

    def _keep(self, screen: QWidget) -> QWidget:
        self.screens.append(screen)
        screen.destroyed.connect(lambda *_: self.screens.remove(screen) if screen in self.screens else None)
        screen.show()
        screen.raise_()
        return screen

    def _open_screen(self, screen_class) -> QWidget | None:
        """Open an office screen on the window's session; a refusal is presented, not raised."""
        try:
            return self._keep(screen_class(self.window.session, self.window))
        except NgheoError as exc:
            present_error(exc, self.window)
            return None

    def open_review_queue(self) -> QWidget | None:
        from ngheo_desktop.ui.review_queue import ReviewQueue

        return self._open_screen(ReviewQueue)

    def open_devices(self) -> QWidget | None:
        from ngheo_desktop.ui.devices import DeviceRegistry

        return self._open_screen(DeviceRegistry)

    def record_village_meeting(self) -> QDialog:
        from ngheo_desktop.ui.village_meeting import VillageMeetingDialog

        dialog = VillageMeetingDialog(self.window.session, self.window.villages.current_village(), self.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_recognition(self) -> QDialog:
        from ngheo_desktop.ui.recognition import RecognitionDialog

        dialog = RecognitionDialog(self.window.session, self.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_returned_comments(self) -> QMessageBox | None:
        """The office's comment per question on the selected household, when it was returned."""
        from ngheo_desktop.services import sync

        ids = self.window.selected_household_ids()
        if not ids:
            return None
        comments = sync.returned_comments(self.window.session.store, ids[0])
        head = self.window.session.household_rows(ids[:1])[ids[0]].head_name
        if comments:
            from ngheo_desktop.criteria.household import member_name
            from ngheo_desktop.ui.forms import office_comment_lines

            members = self.window.session.household(ids[0])["members"]
            names = {m["member_id"]: member_name(m, i) for i, m in enumerate(members)}
            lines = office_comment_lines(comments, criteria.default_questionnaire(), names)
            text = self.tr("Xã trả lại hộ {0} để rà soát lại:").format(head) + "\n" + "\n".join(lines)
        else:
            text = self.tr("Xã không trả lại hộ {0}.").format(head)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Nhận xét của xã"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.show()
        return box

    # -- export
    def _office_trusted(self) -> bool:
        from ngheo_desktop.services import sync

        return any(t["role"] == "office" and not t["revoked_at"] for t in sync.keys_show()["trusted"])

    def export_bundle(self) -> ExportDialog | None:
        """Ask where and for the passphrase (non-blocking), then export on the worker."""
        self.ensure_role()
        if self.role is None and not self.setup_keys():
            return None
        from ngheo_desktop.services import sync

        try:
            trusted = self._office_trusted()
            pending = sync.unsent_counts(self.window.session.store)
        except NgheoError as exc:
            present_error(exc, self.window)
            return None
        if not trusted:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Chưa tin khóa văn phòng xã"), self.tr(
                "Gói dữ liệu được mã hóa cho văn phòng xã, nên máy này cần tin tệp khóa công khai của văn phòng "
                "trước. Mở “Khóa của máy này” và chọn “Tin khóa văn phòng xã…”."), QMessageBox.StandardButton.Ok,
                self.window)
            box.show()
            return None
        from ngheo_desktop.ui import sync_dialogs

        dialog = sync_dialogs.ExportDialog(pending, self.window)
        dialog.accepted.connect(lambda: self._start_export(dialog.folder_path(), dialog.passphrase.value()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start_export(self, folder: Path, passphrase: str) -> None:
        window = self.window
        from ngheo_desktop.ui import sync_dialogs

        run_in_background(self.tr("Đang xuất gói dữ liệu…"), sync_dialogs.export_in_worker, str(window.session.db_path),
                          str(folder), passphrase, parent=window, on_done=self._exported, on_error=self._failed)

    def _exported(self, report) -> None:
        from ngheo_desktop.ui import sync_dialogs

        # Every sent household lost its "not yet sent" mark: refresh the rows on screen.
        self.window.session.notices.changed.emit(ChangeNotice("bundle_exported", tuple(self.window.model.ids())))
        self.window.statusBar().showMessage(self.tr("Đã xuất gói số {0}: {1}").format(report.sequence, report.path),
                                            8000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đã xuất gói dữ liệu"), self.tr(
            "Đã ghi gói số {0}: {1}\n{2}.\nMang tệp này lên văn phòng xã (USB hoặc gửi qua ứng dụng nhắn tin); "
            "các hộ trong gói bỏ dấu “chưa gửi”.").format(report.sequence, report.path,
                                                          sync_dialogs.counts_text(report.counts)),
            QMessageBox.StandardButton.Ok, self.window)
        box.show()
        self.exported.emit(report)

    # -- import
    def import_file(self, path: Path | str | None = None) -> ImportDialog | None:
        """Show the file's header and ask for the passphrase (non-blocking), then import on the worker."""
        self.ensure_role()
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Chọn tệp đồng bộ"),
                                                  ui_state("sync/import_folder") or str(Path.home()),
                                                  self.tr("Tệp đồng bộ (*.ngheo)"))
            if not name:
                return None
            path = name
        path = Path(path)
        set_ui_state("sync/import_folder", str(path.parent))
        if self.role is None and not self.setup_keys():
            return None
        from ngheo_desktop.services import sync

        try:
            info = sync.inspect_file(path)
            held_after = self._held_after(info)
        except NgheoError as exc:
            present_error(exc, self.window)
            self.failed.emit(exc)
            return None
        from ngheo_desktop.ui import sync_dialogs

        dialog = sync_dialogs.ImportDialog(path, info, held_after, self.window)
        dialog.accepted.connect(lambda: self._start_import(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _held_after(self, info) -> int | None:
        """The cut-off when the sender is a revoked laptop and this bundle is above it."""
        if info.kind != "bundle" or self.role != "office":
            return None
        from ngheo_desktop.services import sync

        for device in sync.device_registry(self.window.session.store):
            if device.device_id == info.sender and device.revoked_after_sequence is not None \
                    and info.sequence > device.revoked_after_sequence:
                return device.revoked_after_sequence
        return None

    def _start_import(self, dialog: ImportDialog) -> None:
        from ngheo_desktop.ui import sync_dialogs

        window = self.window
        run_in_background(self.tr("Đang nhập {0}…").format(sync_dialogs.kind_title(dialog.info.kind)),
                          sync_dialogs.import_in_worker,
                          str(window.session.db_path), str(dialog.path), dialog.info.kind, window.session.actor,
                          dialog.passphrase.value(), dialog.hold, parent=window,
                          on_done=lambda result: self._imported(dialog.info, result), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        present_error(exc, self.window)
        self.failed.emit(exc)

    def _imported(self, info, result) -> None:
        from ngheo_desktop.ui import sync_dialogs

        # New households, new village counts, and changed rows (classes, statuses, marks) anywhere.
        self.window.reload()
        self.window.session.notices.changed.emit(ChangeNotice("sync_imported", tuple(self.window.model.ids())))
        if info.kind == "bundle":
            text = self.tr("Đã nhập gói số {0} từ {1}: {2}.").format(
                result.sequence, info.sender_label or info.sender, sync_dialogs.outcome_text(result.outcome))
            if result.missing_sequences:
                text += "\n" + self.tr("Chú ý: chưa nhận các gói số {0} của thiết bị này.").format(
                    ", ".join(str(s) for s in result.missing_sequences))
            if result.held or result.outcome.get("conflict"):
                text += "\n" + self.tr("Xem và quyết định trong Đồng bộ → Hàng chờ xem xét.")
        elif info.kind == "receipt":
            text = self.tr("Đã nhập biên nhận: {0}. Hộ bị trả lại được mở lại kèm nhận xét của xã.").format(
                sync_dialogs.counts_text(result))
        else:
            text = self.tr("Đã nhập tệp giao việc: thêm {0} hộ, cập nhật {1}, giữ bản sửa trên máy {2}, "
                           "{3} tệp biểu mẫu.").format(result["created"], result["updated"], result["kept_local"],
                                                      result["files"])
            if result["units"]:
                text += "\n" + self.tr("Theo văn phòng xã, đã cập nhật tên hoặc khu vực của {0} đơn vị hành chính."
                                       ).format(result["units"])
        self.window.statusBar().showMessage(text.splitlines()[0], 8000)
        box = QMessageBox(QMessageBox.Icon.Information,
                          self.tr("Đã nhập {0}").format(sync_dialogs.kind_title(info.kind)), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.show()
        self.imported.emit(result)

    # -- drag and drop onto the main window (its drag and drop handlers call these)
    def accept_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: self.import_file(path))


def _role_on_disk() -> str | None:
    """The role the key file names, read as plain JSON: the window opens with that role's menus and
    columns instead of switching a moment later. The worker then reads the file properly
    (``_read_own_role``) and reports a damaged one."""
    try:
        role = json.loads(identity_file().read_text("utf-8")).get("role")
    except (OSError, ValueError, AttributeError):
        return None
    return role if role in ("field", "office") else None


def _read_own_role(_progress) -> str | None:
    """Worker side of reading the role: imports the sync layer and reads the key file."""
    from ngheo_desktop.services import sync

    return sync.own_role()


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local sync file being dragged, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData() is not None else []
    files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if len(files) == 1 and files[0].suffix.lower() == SYNC_SUFFIX:
        return files[0]
    return None
