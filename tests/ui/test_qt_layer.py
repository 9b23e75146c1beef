"""ngheo_desktop.ui is the only package that imports Qt (checked on the source text)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import ngheo_desktop

QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)


def test_only_ui_imports_qt():
    root = Path(ngheo_desktop.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if QT_IMPORT.search(p.read_text(encoding="utf-8")) and p.relative_to(root).parts[0] != "ui"]
    assert offenders == []


def test_ui_imports_qt_at_all():
    ui = Path(ngheo_desktop.__file__).parent / "ui"
    assert any(QT_IMPORT.search(p.read_text(encoding="utf-8")) for p in ui.rglob("*.py"))


def test_qt_bindings_keep_none_alive(qapp):
    """PySide6 6.12.0 dropped a reference to None on every void call and crashed the app (excluded in
    pyproject); this catches such a build before a surveyor does."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range(2000):
        widget.setEnabled(i % 2 == 0)
    assert sys.getrefcount(None) > before - 100
