"""Start-up: the Qt application, the bundled font, language, error presenter, database, main window.

``main`` is the ``ngheo-desktop`` entry point. The user's database opens straight away; on a first
start with none, a demo commune is generated in the background (with progress and Cancel) and the
window says clearly that it shows demo data.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ngheo_desktop import APP_NAME, __version__
from ngheo_desktop.services import register
from ngheo_desktop.ui.errors import install_excepthook, log_error, present_error
from ngheo_desktop.ui.i18n import install_language
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.settings import Settings, load_settings
from ngheo_desktop.ui.theme import STYLE, apply_theme
from ngheo_desktop.ui.worker import run_in_background

if TYPE_CHECKING:
    from ngheo_desktop.ui.first_start import FirstStart

INTEGRITY_CHECK_DELAY_MS = 300


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    created = app is None
    if created:
        app = QApplication([APP_NAME, "-style", STYLE, *argv])  # argv after ours: a user's -style wins
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    apply_theme(app, style_chosen=created)
    return app


def open_window(settings: Settings) -> MainWindow:
    """The main window on the user's database, with the deferred integrity check started behind it."""
    session = Session.open(settings)
    window = MainWindow(session)
    window.show()
    # The drive check reads the mount table: done once the window is on screen.
    QTimer.singleShot(0, window, lambda: _warn_if_risky_drive(window))
    # Started once the first frame is on screen, so the check does not compete with it for the CPU.
    QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, window, lambda: None if window.closed else run_in_background(
        "", Session.check_integrity, session.db_path, parent=window, quiet=True,
        on_error=lambda exc: _report_damage(window, exc)))
    return window


def _report_damage(window: MainWindow, exc: BaseException) -> None:
    """The integrity check's finding, told to the user unless the window has closed meanwhile."""
    if window.closed:
        log_error(exc)
    else:
        present_error(exc, window)


def _warn_if_risky_drive(window: MainWindow) -> None:
    """A warning beside the register when the file is on a removable or network drive.

    Skipped when the window closed before the check ran: a box left behind a closed window
    would stay open on its own. The box is made modeless (QMessageBox is application-modal by
    default), so the register stays usable behind it."""
    if window.closed:
        return
    warning = register.risky_location(window.session.db_path)
    if warning:
        box = QMessageBox(QMessageBox.Icon.Warning, window.tr("Cơ sở dữ liệu trên ổ đĩa rời hoặc ổ mạng"), warning,
                          QMessageBox.StandardButton.Ok, window)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        window.drive_warning = box


def needs_demo(settings: Settings) -> bool:
    path = settings.database_file()
    return not path.exists() or path.stat().st_size == 0


def start(settings: Settings | None = None) -> MainWindow | FirstStart:
    """The main window on the user's database, or the first-start screen that builds the demo commune."""
    settings = settings or load_settings()
    if needs_demo(settings):
        from ngheo_desktop.ui.first_start import FirstStart

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
    install_excepthook()  # the log file is set up with the first error it records (ui/errors.log_error)
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
