"""Start-up: the Qt application, the bundled font, language, error presenter, database, main window.

``main`` is the ``ngheo-desktop`` entry point. The user's database opens straight away; on a first
start with none, a demo commune is generated in the background (with progress and Cancel) and the
window says clearly that it shows demo data.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ngheo_desktop import APP_NAME, __version__
from ngheo_desktop.services import register
from ngheo_desktop.ui.errors import install_excepthook, present_error, setup_logging
from ngheo_desktop.ui.i18n import install_language
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.settings import Settings, load_settings
from ngheo_desktop.ui.theme import apply_theme
from ngheo_desktop.ui.worker import run_in_background

DEMO_HOUSEHOLDS = 1500
INTEGRITY_CHECK_DELAY_MS = 300


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance() or QApplication([APP_NAME, *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    apply_theme(app)
    return app


def open_window(settings: Settings) -> MainWindow:
    """The main window on the user's database, with the deferred integrity check started behind it."""
    session = Session.open(settings)
    window = MainWindow(session)
    window.show()
    warning = register.risky_location(session.db_path)
    if warning:
        box = QMessageBox(QMessageBox.Icon.Warning, window.tr("Cơ sở dữ liệu trên ổ đĩa rời hoặc ổ mạng"), warning,
                          QMessageBox.StandardButton.Ok, window)
        box.show()  # not exec(): the register stays usable behind the warning
        window.drive_warning = box
    # Started once the first frame is on screen, so the check does not compete with it for the CPU.
    QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, window, lambda: run_in_background(
        "", Session.check_integrity, session.db_path, parent=window, quiet=True))
    return window


def needs_demo(settings: Settings) -> bool:
    path = settings.database_file()
    return not path.exists() or path.stat().st_size == 0


def _build_demo(progress, db_path: str) -> None:
    """Worker side of the first start: its own connection, closed before the window opens the file."""
    register.first_start(db_path, progress, households=DEMO_HOUSEHOLDS).close()


class FirstStart(QWidget):
    """Shown while the demo commune is generated, so the first start is never a frozen window."""

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
        self.main_window = open_window(self.settings)
        self.hide()

    def _failed(self, exc: BaseException) -> None:
        self.hide()
        present_error(exc)


def start(settings: Settings | None = None) -> MainWindow | FirstStart:
    """The main window on the user's database, or the first-start screen that builds the demo commune."""
    settings = settings or load_settings()
    if needs_demo(settings):
        first = FirstStart(settings)
        first.show()
        return first
    return open_window(settings)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    smoke_dir = None
    if argv[:1] == ["--smoke-test"]:  # scripts/build.sh checks a build with it (ui/smoke.py)
        if len(argv) < 2:
            print("ngheo-desktop: --smoke-test cần thư mục ghi kết quả", file=sys.stderr)
            return 2
        smoke_dir, argv = Path(argv[1]), argv[2:]
    app = make_app(argv)
    setup_logging()
    install_excepthook()
    settings = load_settings()
    install_language(app, settings.language)
    try:
        shown = start(settings)
    except Exception as exc:  # the presenter logs it and explains; there is no window to return to
        if smoke_dir is not None:
            print(f"smoke-test: THẤT BẠI khi khởi động: {exc}", file=sys.stderr)
            return 1
        box = present_error(exc)
        box.finished.connect(app.quit)
        return app.exec()
    if smoke_dir is not None:
        from ngheo_desktop.ui import smoke

        return smoke.run(app, shown, smoke_dir)
    code = app.exec()
    shown.deleteLater()
    return code


if __name__ == "__main__":
    sys.exit(main())
