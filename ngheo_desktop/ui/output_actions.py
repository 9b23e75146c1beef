"""Exporting the sync bundle from the main window, through its service (printing is in ``print_actions``).

``services.sync`` (cryptography) is imported when the action is first used, not at start-up, so the
window opens without waiting for it. The bundle is written on a worker with its own database connection.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from ngheo_desktop.services import register
from ngheo_desktop.services.register import ChangeNotice

if TYPE_CHECKING:
    from ngheo_desktop.ui.main_window import MainWindow


def _save_path(window: MainWindow, title: str, name: str, pattern: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path.home() / name), pattern)
    return Path(path) if path else None


def _export_in_worker(_progress, db_path: str, out: str, passphrase: str):
    from ngheo_desktop.services import sync

    store = register.open_register(db_path)
    try:
        return sync.export_bundle(store, Path(out), passphrase)
    finally:
        store.close()


def export_sync_bundle(window: MainWindow) -> None:
    passphrase, ok = QInputDialog.getText(
        window, QCoreApplication.translate("OutputActions", "Xuất gói gửi văn phòng"),
        QCoreApplication.translate("OutputActions", "Mật khẩu khóa của máy này:"), QLineEdit.EchoMode.Password)
    if not ok:
        return
    name = f"goi-{dt.date.today():%Y%m%d}.ngheo"
    out = _save_path(window, QCoreApplication.translate("OutputActions", "Lưu gói dữ liệu"), name,
                     QCoreApplication.translate("OutputActions", "Gói dữ liệu (*.ngheo)"))
    if out is None:
        return

    def done(report) -> None:
        # Every sent household lost its "not yet sent" mark: refresh the rows on screen.
        window.session.notices.changed.emit(ChangeNotice("bundle_exported", tuple(window.model.ids())))
        window.statusBar().showMessage(QCoreApplication.translate("OutputActions", "Đã xuất gói số {0}: {1}").format(
            report.sequence, report.path), 8000)

    window.run_long(QCoreApplication.translate("OutputActions", "Đang xuất gói dữ liệu…"), _export_in_worker,
                    str(window.session.db_path), str(out), passphrase, on_done=done)
