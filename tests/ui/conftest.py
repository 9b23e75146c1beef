"""Shared fixtures for the Qt tests: the app's theme and font, and keyboard helpers.

Vietnamese text is typed as one QKeyEvent per character carrying the text (what an input method
delivers): ``QTest.keyClicks`` aborts the process on non-ASCII characters (see PLATFORM-NOTES).
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ngheo_desktop.ui import worker
from ngheo_desktop.ui.draft import new_household_doc
from ngheo_desktop.ui.i18n import install_language
from ngheo_desktop.ui.theme import apply_theme

LOCATION = {"province": "Tỉnh Nghệ An", "commune": "Xã Quỳnh Thắng", "village": "Thôn Đồng Tâm", "area": "rural"}
REVIEW_DATE = dt.date(2026, 10, 12)


@pytest.fixture(autouse=True)
def themed(qapp):
    """The app as it starts for a user: bundled font and style, Vietnamese (with Qt's own texts)."""
    apply_theme(qapp)
    install_language(qapp, "vi")
    return qapp


@pytest.fixture(autouse=True)
def no_modal_or_popup_left_open(qapp):
    """A test must not leave a modal box or an open popup behind (after qtbot closed its widgets).

    Either one silently swallows every keyboard shortcut of the tests that follow, so the failure
    would show up tests later, far from its cause. It is closed here and reported on the test that left it."""
    yield
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # windows closed with WA_DeleteOnClose
    left = []
    # Qt names only the topmost modal box or popup: close them one by one (a bounded number of times).
    for _ in range(20):
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None:
            break
        left.append(f"{type(widget).__name__} {widget.windowTitle()!r}")
        widget.close()
        QApplication.processEvents()
    assert not left, f"left open after the test: {', '.join(left)}"


@pytest.fixture(autouse=True)
def no_work_left_running(qapp, no_modal_or_popup_left_open):
    """A test must not leave background work behind: every job finishes and reports before the next test.

    It depends on ``no_modal_or_popup_left_open`` so that check runs after this one: a box a late job
    puts up is then found on the test that started the job."""
    yield
    assert QThreadPool.globalInstance().waitForDone(20_000), "a background job is still running"
    QApplication.processEvents()  # deliver the jobs' last queued signals
    assert not worker._live, f"{len(worker._live)} background job(s) never reported"


@pytest.fixture
def new_doc():
    return new_household_doc(LOCATION, REVIEW_DATE)


class Keyboard:
    """Drives the focused widget like a person at the keyboard."""

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has keyboard focus"
        return widget

    def type(self, text: str, widget: QWidget | None = None) -> None:
        """One key event with text per character: works for Vietnamese, unlike ``keyClicks``."""
        target = widget or self.focused()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              widget: QWidget | None = None) -> None:
        QTest.keyClick(widget or self.focused(), key, modifier)

    def enter(self, text: str) -> None:
        """Type an answer and confirm it with Enter."""
        self.type(text)
        self.press(Qt.Key.Key_Return)

    def choose(self, steps: int = 1) -> None:
        """Pick a choice in the focused combo box with the Down arrow, then Tab to the next field."""
        for _ in range(steps):
            self.press(Qt.Key.Key_Down)
        self.press(Qt.Key.Key_Tab)

    def fill_adult_member(self, name: str, birth: str, citizen_id: str | None = None) -> None:
        """Answer every question for a working-age adult, in the order the member form asks them."""
        self.enter(name)
        self.choose()              # relation: Chủ hộ
        self.choose()              # sex: Nam
        self.enter(birth)          # reveals the age-dependent questions
        if citizen_id:
            self.enter(citizen_id)
        self.choose()              # ethnicity: Kinh
        self.choose()              # disability: none
        self.choose()              # able to work: yes
        self.choose(2)             # employment: wage work without a contract
        self.choose()              # health insurance: yes
        self.choose(3)             # education: lower secondary


@pytest.fixture
def keyboard():
    return Keyboard()


DEMO_HOUSEHOLDS = 120


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory):
    """A small demo commune built once; each test gets its own copy of the file."""
    from ngheo_desktop.demo import build_demo
    from ngheo_desktop.services import NoProgress
    from ngheo_desktop.store import Store

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with Store.open(path) as store:
        build_demo(store, households=DEMO_HOUSEHOLDS, seed=1, progress=NoProgress())
    return path


@pytest.fixture
def session(demo_db_template, tmp_path):
    from ngheo_desktop.services import register
    from ngheo_desktop.ui.session import Session
    from ngheo_desktop.ui.settings import Settings

    path = tmp_path / "ngheo.sqlite"
    shutil.copyfile(demo_db_template, path)
    s = Session(register.open_register(path), Settings(surveyor_name="Cán bộ Thử", database_path=str(path)))
    yield s
    s.close()


@pytest.fixture
def main_window(session, qtbot):
    from ngheo_desktop.ui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def focus_window(qtbot):
    return lambda window: activate(qtbot, window)
