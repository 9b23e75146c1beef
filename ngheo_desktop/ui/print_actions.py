"""Printing from the main window: a household's sheet, a village's sheets, village meeting minutes;
and the window's reports dialog and paper-sheet check.

Each PDF is written by its ``services.reports`` use case on a worker with its own database connection
(a progress dialog after half a second, Cancel stops a village batch without leaving a file), into a
job folder under the user's data folder — sheets carry names and ID numbers, so they stay out of the
shared system temp folder. Then the preview opens: print, save a copy, or open in another program.
``services.reports`` (reportlab) and the dialogs are imported on first use, so the main window opens without
waiting for them.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.paths import data_home
from ngheo_desktop.services import register
from ngheo_desktop.store import Round, Unit
from ngheo_desktop.text import fold, format_date_vi
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.worker import Task, run_in_background

if TYPE_CHECKING:
    from ngheo_desktop.store.sync_tables import Meeting
    from ngheo_desktop.ui.main_window import MainWindow
    from ngheo_desktop.ui.reports_dialog import ReportsDialog
    from ngheo_desktop.ui.sheet_verify import SheetVerifyDialog

JOBS_FOLDER = "print-jobs"
STALE_AFTER_S = 24 * 3600



def file_stem(text: str) -> str:
    """A file name part without diacritics or spaces: ``Thôn Đồng Tâm`` → ``thon-dong-tam``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def job_folder() -> Path:
    """A fresh folder for one print job; folders left by earlier jobs (a crash, a file a viewer held) go."""
    root = data_home() / JOBS_FOLDER
    root.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in root.iterdir():
        if old.is_dir() and now - old.stat().st_mtime > STALE_AFTER_S:
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(dir=root))


def _with_reports(work: Callable[..., int], db_path: str, *args: Any) -> int:
    """``work(reports, store, *args)`` on the worker's own connection to the database."""
    from ngheo_desktop.services import reports

    store = register.open_register(db_path)
    try:
        return work(reports, store, *args)
    finally:
        store.close()


def _sheet_in_worker(_progress, db_path: str, household_id: str, out: str) -> int:
    return _with_reports(lambda reports, store: reports.print_sheet(store, household_id, out), db_path)


def _village_in_worker(progress, db_path: str, village_id: str, out: str) -> int:
    return _with_reports(lambda reports, store: reports.print_village(store, village_id, out, progress), db_path)


def _minutes_in_worker(_progress, db_path: str, meeting: Meeting, out: str) -> int:
    from ngheo_desktop.criteria.standards import village_meeting_min_share

    return _with_reports(lambda reports, store: reports.print_meeting_minutes(
        store, meeting, out, village_meeting_min_share()), db_path)


def _generate(window: MainWindow, busy: str, work: Callable[..., int], args: tuple[Any, ...], name: str,
              title: str) -> Task:
    """Write the PDF on a worker, then open its preview; a failed or cancelled job leaves no folder."""
    folder = job_folder()
    out = folder / name

    def done(_pages: int) -> None:
        from ngheo_desktop.ui.pdf_preview import PreviewDialog

        dialog = PreviewDialog(out, title, name, window, job_folder=folder)
        dialog.show()

    task = run_in_background(busy, work, str(window.session.db_path), *args, str(out), parent=window, on_done=done)

    def failed(_exc: BaseException) -> None:
        # The worker has shown the error, if any: a cancelled job is what the user asked for.
        shutil.rmtree(folder, ignore_errors=True)
        if task.progress.cancelled():
            window.statusBar().showMessage(
                QCoreApplication.translate("PrintActions", "Đã hủy; không có tệp nào được ghi."), 8000)

    task.failed.connect(failed)
    return task


def print_household(window: MainWindow) -> Task | None:
    """The assessment sheet of the household selected in the table."""
    ids = window.selected_household_ids()
    if not ids:
        return None
    row = window.session.household_rows(ids[:1])[ids[0]]
    busy = QCoreApplication.translate("PrintActions", "Đang lập phiếu rà soát của hộ {0}…").format(row.head_name)
    title = QCoreApplication.translate("PrintActions", "Phiếu rà soát — hộ {0}").format(row.head_name)
    return _generate(window, busy, _sheet_in_worker, (ids[0],), f"phieu-ra-soat-{row.register_no}.pdf", title)


def _ask_village(window: MainWindow) -> Unit | None:
    villages = window.session.units("village")
    title = QCoreApplication.translate("PrintActions", "In phiếu cả thôn")
    if not villages:
        QMessageBox.information(window, title, QCoreApplication.translate("PrintActions", "Xã này chưa có thôn nào."))
        return None
    dialog = QInputDialog(window)
    dialog.setWindowTitle(title)
    dialog.setLabelText(QCoreApplication.translate("PrintActions", "In phiếu của mọi hộ đã rà soát trong thôn:"))
    dialog.setComboBoxItems([v.name for v in villages])
    # Qt ships no Vietnamese for its own buttons: name them here.
    dialog.setOkButtonText(QCoreApplication.translate("PrintActions", "Lập phiếu"))
    dialog.setCancelButtonText(QCoreApplication.translate("PrintActions", "Hủy"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return next((v for v in villages if v.name == dialog.textValue()), None)


def print_village(window: MainWindow) -> Task | None:
    """Every assessed household of the village chosen on the left (or asked for), in register order."""
    village = window.villages.current_village() or _ask_village(window)
    if village is None:
        return None
    busy = QCoreApplication.translate("PrintActions", "Đang lập phiếu rà soát của {0}…").format(village.name)
    title = QCoreApplication.translate("PrintActions", "Phiếu rà soát — {0}").format(village.name)
    name = f"phieu-ra-soat-{file_stem(village.name)}.pdf"
    return _generate(window, busy, _village_in_worker, (village.id,), name, title)


class MinutesDialog(QDialog):
    """Which recorded village meeting to print the minutes (biên bản họp dân) of."""

    def __init__(self, rounds: list[Round], meetings: Callable[[str], list[Meeting]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("In biên bản họp dân"))
        self.setMinimumWidth(520)
        self._meetings = meetings
        form = QFormLayout(self)
        self.round = QComboBox()
        for rnd in reversed(rounds):
            self.round.addItem(rnd.title, rnd.id)
        form.addRow(self.tr("&Kỳ rà soát:"), self.round)
        self.meeting = QComboBox()
        form.addRow(self.tr("&Cuộc họp:"), self.meeting)
        note = QLabel(self.tr("Biên bản in hai bản, điền sẵn các hộ đã đưa ra họp và số người đồng ý."))
        note.setObjectName("help")
        note.setWordWrap(True)
        form.addRow(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lập biên bản"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.round.currentIndexChanged.connect(self._load_meetings)
        self._load_meetings()

    def _load_meetings(self) -> None:
        self.meeting.clear()
        round_id = self.round.currentData()
        for meeting in self._meetings(round_id) if round_id else []:
            self.meeting.addItem(self.tr("{0} — họp ngày {1}, {2} người dự").format(
                meeting.village, format_date_vi(meeting.held_on), meeting.attendance), meeting)
        if not self.meeting.count():
            self.meeting.addItem(self.tr("(kỳ này chưa ghi cuộc họp dân nào)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def chosen(self) -> Meeting | None:
        return self.meeting.currentData()


def print_minutes(window: MainWindow) -> Task | None:
    """The minutes of a recorded village meeting, two copies, pre-filled with its households and votes."""
    from ngheo_desktop.services import sync

    rounds = window.session.rounds()
    if not rounds:
        present_error(NgheoError(QCoreApplication.translate("PrintActions", "Cơ sở dữ liệu chưa có kỳ rà soát nào.")),
                      window)
        return None
    dialog = MinutesDialog(rounds, lambda round_id: sync.meeting_minutes(window.session.store, round_id), window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return None
    meeting = dialog.chosen()
    busy = QCoreApplication.translate("PrintActions", "Đang lập biên bản họp dân {0}…").format(meeting.village)
    title = QCoreApplication.translate("PrintActions", "Biên bản họp dân — {0}").format(meeting.village)
    name = f"bien-ban-hop-dan-{file_stem(meeting.village)}-{meeting.held_on}.pdf"
    return _generate(window, busy, _minutes_in_worker, (meeting,), name, title)


def open_reports(window: MainWindow) -> ReportsDialog:
    """The reports dialog of the window: one, kept with its choices between uses."""
    from ngheo_desktop.ui.reports_dialog import ReportsDialog

    dialog = window.findChild(ReportsDialog) or ReportsDialog(window.session, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def verify_sheet(window: MainWindow) -> SheetVerifyDialog:
    """The paper-sheet check of the window; a checked household opens in the editor on request."""
    from ngheo_desktop.ui.sheet_verify import SheetVerifyDialog

    dialog = window.findChild(SheetVerifyDialog)
    if dialog is None:
        dialog = SheetVerifyDialog(window.session, window)
        dialog.open_household.connect(window.open_household)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.code.setFocus()
    dialog.code.selectAll()
    return dialog
