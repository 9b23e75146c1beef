"""Text helpers: NFC normalisation and diacritic-insensitive folding for Vietnamese.

Every string enters the app as NFC (forms, imports, bundles) and leaves as NFC (PDFs): reportlab does
no shaping, so decomposed text prints with misplaced tone marks.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# đ/Đ are letters of their own, not a base letter plus a combining mark, so NFD does not split them.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str) -> str:
    # ASCII is always NFC, and most Vietnamese text arrives composed: checking is much cheaper than
    # normalising, so ids, dates, codes and already-composed names pass through untouched.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


_SCALARS = (int, float, bool, type(None))


def nfc_deep(value: Any) -> Any:
    """A copy with every string inside nested dicts and lists (keys included) NFC-normalised."""
    # Household documents hold tens of thousands of small values per bundle: ASCII strings and numbers are
    # taken as they are without a call, which is most of the work.
    if isinstance(value, dict):
        return {(k if type(k) is not str or k.isascii() else nfc(k)):
                (v if type(v) in _SCALARS or (type(v) is str and v.isascii()) else nfc_deep(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [v if type(v) in _SCALARS or (type(v) is str and v.isascii()) else nfc_deep(v) for v in value]
    if isinstance(value, str):
        return nfc(value)
    return value


def fold(text: str) -> str:
    """Lower-case, strip diacritics and map đ → d: ``Nguyễn Văn Đức`` → ``nguyen van duc``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def format_vnd(amount: float | int) -> str:
    """``1500000`` → ``1.500.000 đ`` (Vietnamese grouping with dots)."""
    return f"{round(amount):,}".replace(",", ".") + " đ"


def format_date_vi(iso_date: str) -> str:
    """``2026-10-05`` → ``05/10/2026``."""
    year, month, day = iso_date[:10].split("-")
    return f"{day}/{month}/{year}"
