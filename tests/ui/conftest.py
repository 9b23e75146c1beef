"""Shared fixtures for the Qt tests: the app's theme and font, and keyboard helpers.

Vietnamese text is typed as one QKeyEvent per character carrying the text (what an input method
delivers): ``QTest.keyClicks`` aborts the process on non-ASCII characters (see PLATFORM-NOTES).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ngheo_desktop.ui.draft import new_household_doc
from ngheo_desktop.ui.theme import apply_theme

LOCATION = {"province": "Tỉnh Nghệ An", "commune": "Xã Quỳnh Thắng", "village": "Thôn Đồng Tâm", "area": "rural"}
REVIEW_DATE = dt.date(2026, 10, 12)


@pytest.fixture(autouse=True)
def themed(qapp):
    apply_theme(qapp)
    return qapp


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


@pytest.fixture
def keyboard():
    return Keyboard()
