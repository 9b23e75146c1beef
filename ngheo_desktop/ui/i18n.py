"""Language of the interface: the Qt translator for our own strings and the matching form labels.

Vietnamese is the source language of our own strings; English loads the compiled
``resources/translations/ngheo_en.qm``. Qt's own texts (standard buttons, the menus of text fields, the
file dialog) are English at source and Qt ships no Vietnamese for them, so Vietnamese loads our
``qt_vi.qm``. Questionnaire labels come from ``forms/`` in both languages (``label_vi`` / ``label_en``),
picked here so every screen agrees.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator

from ngheo_desktop.paths import bundled

_language = "vi"
_translator: QTranslator | None = None


def translations_dir():
    return bundled("resources", "translations")


def install_language(app: QCoreApplication, language: str) -> bool:
    """Switch the interface language; returns False when its catalogue is missing (Vietnamese stays)."""
    global _language, _translator
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _language = "vi"
    catalogue = "qt_vi.qm" if language == "vi" else f"ngheo_{language}.qm"
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / catalogue)):
        return False
    app.installTranslator(translator)
    _translator, _language = translator, language
    return True


def label(item: Any) -> str:
    """The label (or title) of a question, choice or section in the interface language."""
    for stem in ("label", "title"):
        if hasattr(item, f"{stem}_vi"):
            if _language == "en":
                return getattr(item, f"{stem}_en")
            return getattr(item, f"{stem}_vi")
    raise TypeError(f"{type(item).__name__} has no label")
