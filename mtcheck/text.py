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


LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def line_columns(segments, offsets) -> dict[int, tuple[int, int]]:
    """1-based (line, column) of each offset, in one pass over the document's segments.

    CRLF, CR and LF each end a line. Segments never split a CRLF.
    """
    wanted = sorted(set(offsets))
    found: dict[int, tuple[int, int]] = {}
    line, line_start, i = 1, 0, 0
    for base, text in segments:
        if i >= len(wanted):
            break
        starts = [base + m.end() for m in LINE_BREAK_RE.finditer(text)]
        while i < len(wanted) and wanted[i] <= base + len(text):
            k = bisect.bisect_right(starts, wanted[i])
            start = starts[k - 1] if k else line_start
            found[wanted[i]] = (line + k, wanted[i] - start + 1)
            i += 1
        line += len(starts)
        line_start = starts[-1] if starts else line_start
    for offset in wanted[i:]:  # past the end: clamp to the last position
        found[offset] = (line, offset - line_start + 1)
    return found


# A line break followed by an empty line: the break between two paragraphs.
_PARAGRAPH_RE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
CUT_SEARCH = 1_000_000  # how far back from a segment's limit to look for a break


def cut_point(text: str, limit: int) -> int:
    """Where to end a segment of at most ``limit`` characters: after a paragraph, line or word."""
    breaks = [m.end() for m in _PARAGRAPH_RE.finditer(text, max(0, limit - CUT_SEARCH), limit)]
    if breaks:
        return breaks[-1]
    for separator in ("\n", " "):
        cut = text.rfind(separator, max(0, limit - CUT_SEARCH), limit)
        if cut > 0:
            return cut + 1
    return limit


def split(text: str, size: int):
    """(offset, piece) segments of ``text``, each at most ``size`` characters, cut at breaks."""
    base = 0
    while len(text) - base > size:
        cut = cut_point(text[base : base + size + 1], size)
        yield base, text[base : base + cut]
        base += cut
    yield base, text[base:]
