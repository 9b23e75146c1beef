"""Language of the interface: the Qt translator for our own strings and the matching form labels.

Vietnamese is the source language, so it needs no translator; English loads the compiled
``resources/translations/ngheo_en.qm``. Questionnaire labels come from ``forms/`` in both languages
(``label_vi`` / ``label_en``), picked here so every screen agrees.
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
    """Switch the interface language; returns False when the English catalogue is missing."""
    global _language, _translator
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _language = "vi"
    if language == "vi":
        return True
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"ngheo_{language}.qm")):
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
