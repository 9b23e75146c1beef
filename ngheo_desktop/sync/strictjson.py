"""JSON for signed files: one canonical encoding to hash and sign, and a strict parser for input.

The parser refuses what ``json.loads`` quietly accepts — duplicate keys (which value wins differs between
readers, a classic way to make two programs disagree about one signed file), ``NaN``/``Infinity``, nesting
deep enough to exhaust the stack — and normalises every string to NFC.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from ngheo_desktop.text import nfc_deep


class StrictJSONError(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def canonical(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        repeated = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise StrictJSONError(f"khóa '{repeated[:40]}' bị lặp")
    return out


def _no_constants(name: str) -> Any:
    raise StrictJSONError(f"giá trị {name} không được phép")


def loads_strict(data: bytes | str) -> Any:
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise StrictJSONError("không phải UTF-8") from None
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constants)
    except StrictJSONError:
        raise
    except json.JSONDecodeError as exc:
        raise StrictJSONError(f"JSON sai cú pháp ({exc.msg})") from None
    except RecursionError:
        # The C scanner guards its own recursion: absurd nesting ends here, not in a crash.
        raise StrictJSONError("lồng nhau quá sâu") from None
    # Text that is already composed and has no \u escapes (our own writers emit none) holds only composed
    # strings: the walk over every value is skipped for it.
    if "\\u" not in text and unicodedata.is_normalized("NFC", text):
        return value
    try:
        return nfc_deep(value)
    except RecursionError:
        raise StrictJSONError("lồng nhau quá sâu") from None

