"""Turning what the user types into an FTS5 query over folded (diacritic-free, lower-case) text.

Every word of the query must match the start of a word in the household's names, citizen ID numbers,
address or village: ``nguyen van a`` → ``"nguyen"* "van"* "a"*``. Folding is ``text.fold`` on both
sides, so ``Đức``, ``duc`` and ``DUC`` are the same word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ngheo_desktop.text import fold

# Anything that is not a letter or digit separates words (FTS5's unicode61 tokenizer agrees).
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def query_words(query: str) -> list[str]:
    return [w.replace("_", "") for w in _WORD.findall(fold(query)) if w.replace("_", "")][:MAX_WORDS]


# Words found in nearly every household (one letter being typed, kinds of place in every address and
# village name). Intersecting their huge posting lists with the others' is what makes a full-text
# query slow, so when a query has other words they are checked on the candidates instead.
WEAK_WORDS = frozenset({"thon", "xom", "ban", "ap", "to", "khu", "pho", "so", "hem", "ngo", "duong", "doi", "xa",
                        "phuong", "tinh"})


def split_weak(words: list[str]) -> tuple[list[str], list[str]]:
    """(words for the full-text index, words checked afterwards); all words go to the index when every
    word is weak."""
    weak = [w for w in words if len(w) == 1 or w in WEAK_WORDS]
    strong = [w for w in words if w not in weak]
    return (strong, weak) if strong else (words, [])


def has_prefixes(text: str, prefixes: list[str]) -> bool:
    """Whether every prefix starts some word of the (already folded) text."""
    tokens = text.split()
    return all(any(t.startswith(p) for t in tokens) for p in prefixes)


def match_expression(words: list[str]) -> str:
    """The FTS5 MATCH expression for the words of a query (``query_words``): all of them, as prefixes."""
    # Quoted, so words such as AND/OR/NOT or a leading digit are plain text to FTS5.
    return " ".join(f'"{w}"*' for w in words)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


def fold_text(text: str) -> str:
    """``text.fold`` word by word with a cache: names and places repeat, folding is per character."""
    return " ".join(_fold_word(w) for w in text.split())
