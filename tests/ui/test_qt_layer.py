"""ngheo_desktop.ui is the only package that imports Qt (checked on the source text)."""

from __future__ import annotations

import re
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
