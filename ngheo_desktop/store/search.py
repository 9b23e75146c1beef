"""Turning what the user types into an FTS5 query over folded (diacritic-free, lower-case) text.

Every word of the query must match the start of a word in the household's names, citizen ID numbers,
address or village: ``nguyen van a`` → ``"nguyen"* "van"* "a"*``. Folding is ``text.fold`` on both
sides, so ``Đức``, ``duc`` and ``DUC`` are the same word.
"""

from __future__ import annotations

import re

from ngheo_desktop.text import fold

# Anything that is not a letter or digit separates words (FTS5's unicode61 tokenizer agrees).
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def query_words(query: str) -> list[str]:
    return [w.replace("_", "") for w in _WORD.findall(fold(query)) if w.replace("_", "")][:MAX_WORDS]


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a typed query, or None when it holds no word."""
    words = query_words(query)
    if not words:
        return None
    # Quoted, so words such as AND/OR/NOT or a leading digit are plain text to FTS5.
    return " ".join(f'"{w}"*' for w in words)
