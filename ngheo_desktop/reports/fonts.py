"""The bundled DejaVu Sans font registered with reportlab, and the NFC guard for text sent to a PDF.

reportlab's built-in fonts have no Vietnamese letters and reportlab does no shaping, so every string
printed goes through ``pdf_text`` (NFC) and is set in DejaVu Sans from ``resources/fonts``.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ngheo_desktop.paths import bundled
from ngheo_desktop.text import nfc

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> None:
    """Register the two faces once per process; italic maps to regular (no oblique face is bundled)."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(bundled("resources", "fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(bundled("resources", "fonts", "DejaVuSans-Bold.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


def pdf_text(value: object) -> str:
    """Any value as NFC text for ``drawString`` and table cells."""
    return nfc("" if value is None else str(value))


def markup(value: object) -> str:
    """NFC text escaped for a reportlab ``Paragraph`` (which parses a small XML dialect)."""
    return escape(pdf_text(value))
