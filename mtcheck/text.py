"""Words and positions of the original text (matching works on ``mtcheck.folding``)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
TOKEN_RE = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """NFC and case-fold: the key for case-insensitive comparison."""
    return unicodedata.normalize("NFC", word).casefold()


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def count_words(text: str) -> int:
    return len(TOKEN_RE.findall(text))


class LineIndex:
    """Maps code-point offsets to 1-based (line, column); CRLF, CR and LF all end a line."""

    _BREAK_RE = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in self._BREAK_RE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
