"""The first start with no database: a small window shown while the demo commune is generated, so the
first start is never a frozen window. The main window replaces it when the demo is ready."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ngheo_desktop.services import register
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.settings import Settings
from ngheo_desktop.ui.worker import run_in_background

DEMO_HOUSEHOLDS = 1500


def _build_demo(progress, db_path: str) -> None:
    """Worker side of the first start: its own connection, closed before the window opens the file."""
    register.first_start(db_path, progress, households=DEMO_HOUSEHOLDS).close()


class FirstStart(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.main_window: MainWindow | None = None
        self.setWindowTitle(self.tr("Rà soát hộ nghèo, hộ cận nghèo"))
        label = QLabel(self.tr("Lần đầu mở phần mềm: đang tạo một xã mẫu để làm quen…"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setGeometry(20, 20, 460, 120)
        self.resize(500, 160)
        self.task = run_in_background(self.tr("Đang tạo xã mẫu (dữ liệu giả định)…"), _build_demo,
                                      str(settings.database_file()), parent=self, on_done=self._done,
                                      on_error=self._failed)

    def _done(self, _result: object) -> None:
        from ngheo_desktop.ui.app import open_window

        self.main_window = open_window(self.settings)
        self.hide()

    def _failed(self, exc: BaseException) -> None:
        self.hide()
        present_error(exc)
