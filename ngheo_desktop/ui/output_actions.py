"""Printing sheets and exporting the sync bundle from the main window, through their services.

``services.reports`` (reportlab) and ``services.sync`` (cryptography) are imported when an action is
first used, not at start-up: together they take about a second to import on a modest laptop, and the
window must open without waiting for them. A village's sheets and the bundle are written on a worker
with its own database connection; one household's sheet takes a few tens of milliseconds and is
written on the spot.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import register
from ngheo_desktop.services.register import ChangeNotice
from ngheo_desktop.ui.errors import present_error

if TYPE_CHECKING:
    from ngheo_desktop.ui.main_window import MainWindow


def _save_path(window: MainWindow, title: str, name: str, pattern: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path.home() / name), pattern)
    return Path(path) if path else None


def print_household_sheet(window: MainWindow) -> Path | None:
    ids = window.selected_household_ids()
    if not ids:
        return None
    from ngheo_desktop.services import reports

    row = window.session.household_rows(ids[:1])[ids[0]]
    out = _save_path(window, QCoreApplication.translate("OutputActions", "Lưu phiếu rà soát (PDF)"),
                     f"phieu-ra-soat-{row.register_no}.pdf", "PDF (*.pdf)")
    if out is None:
        return None
    try:
        reports.print_sheet(window.session.store, ids[0], out)
    except NgheoError as exc:
        present_error(exc, window)
        return None
    window.statusBar().showMessage(QCoreApplication.translate("OutputActions", "Đã lưu phiếu: {0}").format(out),
                                   8000)
    return out


def _print_village_in_worker(progress, db_path: str, village_id: str, out: str) -> int:
    from ngheo_desktop.services import reports

    store = register.open_register(db_path)
    try:
        return reports.print_village(store, village_id, out, progress)
    finally:
        store.close()


def print_village_sheets(window: MainWindow) -> None:
    village = window.villages.current_village()
    if village is None:
        QMessageBox.information(window, QCoreApplication.translate("OutputActions", "In phiếu cả thôn"),
                                QCoreApplication.translate("OutputActions", "Chọn một thôn ở cột bên trái trước."))
        return
    out = _save_path(window, QCoreApplication.translate("OutputActions", "Lưu phiếu cả thôn (PDF)"),
                     f"phieu-{village.name}.pdf", "PDF (*.pdf)")
    if out is None:
        return

    def done(pages: int) -> None:
        window.statusBar().showMessage(QCoreApplication.translate("OutputActions", "Đã lưu {0} trang: {1}").format(
            pages, out), 8000)

    window.run_long(QCoreApplication.translate("OutputActions", "Đang in phiếu {0}…").format(village.name),
                    _print_village_in_worker, str(window.session.db_path), village.id, str(out), on_done=done)


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
