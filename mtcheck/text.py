"""Tokens, normal forms and positions: the text primitives every stage shares.

Matching works on tokens (runs of letters, digits and combining marks) joined
by short "gaps". A gap is reduced to a key so that line wrapping and dash or
apostrophe variants do not break a match, while sentence punctuation does.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
TOKEN_RE = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")
_SPACES_RE = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc"})
# Letters that Unicode does not decompose but that readers treat as a base letter plus a mark.
_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ħ": "h", "ı": "i"})
MAX_GAP = 3


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # NFC + casefold
    bare: str  # key without diacritics


@lru_cache(maxsize=200_000)
def nfc(word: str) -> str:
    return unicodedata.normalize("NFC", word)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """NFC and case-fold: the key for case-insensitive comparison."""
    return unicodedata.normalize("NFC", word).casefold()


@lru_cache(maxsize=200_000)
def strip_diacritics(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(_UNDECOMPOSED))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def gap_key(gap: str) -> str | None:
    """The key of the characters between two tokens, or None if they end a phrase."""
    key = _SPACES_RE.sub(" ", gap).translate(_DASHES).translate(_APOSTROPHES)
    if not key or len(key) > MAX_GAP:
        return None
    if key.strip(" ") in ("", "-", "'"):
        return key
    return None


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        key = fold(word)
        tokens.append(Token(m.start(), m.end(), word, key, strip_diacritics(key)))
    return tokens


def gaps(text: str, tokens: list[Token]) -> list[str | None]:
    """gaps[i] is the key of the text between tokens[i] and tokens[i+1]."""
    return [gap_key(text[a.end : b.start]) for a, b in zip(tokens, tokens[1:])] + [None]


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def count_words(text: str) -> int:
    return sum(1 for _ in TOKEN_RE.finditer(text))


class LineIndex:
    """Maps code-point offsets to 1-based (line, column); CRLF, CR and LF all end a line."""

    _BREAK_RE = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in self._BREAK_RE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
