"""Words and positions of the original text (matching works on ``mtcheck.folding``)."""

from __future__ import annotations

import bisect
import re
from array import array
import unicodedata
from functools import lru_cache

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
TOKEN_RE = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+")  # the same tokens in a text with no combining marks, 2x faster
_MARK_RE = re.compile(f"[{_MARKS}]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """NFC and case-fold: the key for case-insensitive comparison."""
    return unicodedata.normalize("NFC", word).casefold()


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def tokens(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, with any combining marks they carry)."""
    return (TOKEN_RE if _MARK_RE.search(text) else _PLAIN_TOKEN_RE).findall(text)


def count_words(text: str) -> int:
    return len(tokens(text))


LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


class Positions:
    """1-based (line, column) of a set of offsets, held in compact arrays."""

    def __init__(self, offsets: array, lines: array, columns: array):
        self._offsets, self._lines, self._columns = offsets, lines, columns

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_left(self._offsets, offset)
        return self._lines[i], self._columns[i]

    def __eq__(self, other) -> bool:
        return dict(self.items()) == (dict(other.items()) if isinstance(other, Positions) else other)

    def items(self):
        return ((o, (l, c)) for o, l, c in zip(self._offsets, self._lines, self._columns))


def line_columns(segments, offsets) -> Positions:
    """1-based (line, column) of each offset, in one pass over the document's segments.

    CRLF, CR and LF each end a line. Segments never split a CRLF.
    """
    wanted = array("q", sorted(set(offsets)))
    lines, columns = array("q", bytes(8 * len(wanted))), array("q", bytes(8 * len(wanted)))
    line, line_start, i = 1, 0, 0
    for base, text in segments:
        if i >= len(wanted):
            break
        end = base + len(text)
        if wanted[i] <= end:
            starts = [base + m.end() for m in LINE_BREAK_RE.finditer(text)]
            while i < len(wanted) and wanted[i] <= end:
                k = bisect.bisect_right(starts, wanted[i])
                lines[i], columns[i] = line + k, wanted[i] - (starts[k - 1] if k else line_start) + 1
                i += 1
            line, line_start = line + len(starts), (starts[-1] if starts else line_start)
        else:
            breaks = LINE_BREAK_RE.findall(text)
            if breaks:
                line += len(breaks)
                line_start = base + max(text.rfind("\n"), text.rfind("\r")) + 1
    for j in range(i, len(wanted)):  # past the end: clamp to the last line
        lines[j], columns[j] = line, wanted[j] - line_start + 1
    return Positions(wanted, lines, columns)


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
