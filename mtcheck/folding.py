"""The searchable shadow of a text: lower case, no diacritics, normalised gaps.

Matching runs on this "bare" text with C-speed tools (an Aho-Corasick automaton,
regular expressions) instead of a Python loop over tokens. For NFC text the bare
text has the same length as the original except where whitespace runs are
collapsed, so mapping a position back is a bisect over those runs; other texts
(NFD, stray combining marks) take a slower path with an explicit position list.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.text import count_line_breaks

WORD_RE = re.compile(r"[^\W_]+")  # a word of the bare text (it has no combining marks)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_APOSTROPHES = "\u2019\u2018\u02bc"
# Letters that Unicode does not decompose but that readers treat as a base letter plus a mark.
_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ħ": "h", "ı": "i"})
_RUNS_RE = re.compile(r" {2,}")
_ASCII_SPACE_RE = re.compile(r"[\t\n\r\x0b\x0c]")
_MARK_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=200_000)
def strip_diacritics(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word.translate(_UNDECOMPOSED))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _gap_char(c: str) -> str | None:
    if c.isspace():
        return " "
    if c in _DASHES:
        return "-"
    if c in _APOSTROPHES:
        return "'"
    return None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], re.Pattern, dict[int, str]]:
    """Every lower-case character the bare text changes, each to exactly one character."""
    bare: dict[str, str] = {}
    for code in list(range(0x09, 0x0E)) + list(range(0x80, 0x2100)) + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]:
        c = chr(code)
        gap = _gap_char(c)
        if gap is not None:
            if c != gap:
                bare[c] = gap
            continue
        if c.lower() != c or unicodedata.combining(c):
            continue
        stripped = strip_diacritics(c)
        if len(stripped) == 1 and stripped != c:
            bare[c] = stripped
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(bare)) + "]")
    gaps_only = {ord(c): g for c, g in bare.items() if _gap_char(c)}
    return bare, pattern, gaps_only


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps a position of the bare text back to the original text."""

    points: tuple[int, ...] = ()  # bare positions where a collapsed run ends
    shifts: tuple[int, ...] = ()  # characters removed before each point
    explicit: tuple[int, ...] | None = None  # per-character positions, for the slow path

    def original(self, position: int) -> int:
        if self.explicit is not None:
            return self.explicit[position]
        i = bisect.bisect_right(self.points, position) - 1
        return position + (self.shifts[i] if i >= 0 else 0)


@dataclass(frozen=True, slots=True)
class BareText:
    text: str
    offsets: OffsetMap

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of bare[start:end] (trailing combining marks included)."""
        return self.offsets.original(start), self.offsets.original(end)


def bare_text(text: str) -> BareText:
    lowered = text.lower()
    if len(lowered) != len(text) or not unicodedata.is_normalized("NFC", text) or _MARK_RE.search(text):
        return _bare_slowly(text)
    table, pattern, _ = _tables()
    needs_mapping = not lowered.isascii() or _ASCII_SPACE_RE.search(lowered)
    mapped = pattern.sub(lambda m: table[m.group()], lowered) if needs_mapping else lowered
    if "  " not in mapped:
        return BareText(mapped, OffsetMap())
    collapsed, points, shifts = _collapse_runs(mapped, lambda a, b: text[a:b])
    return BareText(collapsed, OffsetMap(tuple(points), tuple(shifts)))


def bare_vocabulary(words: Iterable[str]) -> set[str]:
    """The distinct words of a text's bare shadow, from the distinct words of the text.

    Folding maps character by character and keeps letters letters, so the words correspond; the
    few distinct words are far quicker to fold than the text.
    """
    return set(WORD_RE.findall(bare_text(" ".join(words)).text))


def _collapse_runs(mapped: str, original) -> tuple[str, list[int], list[int]]:
    """One character per whitespace run: a space, or a line break where a paragraph ends.

    A term may wrap onto the next line, never into the next paragraph; paragraph
    breaks are also where long files are cut into segments, so both agree.
    """
    points, shifts, pieces, removed, last = [], [], [], 0, 0
    for run in _RUNS_RE.finditer(mapped):
        start, end = run.span()
        pieces.append(mapped[last:start])
        pieces.append("\n" if count_line_breaks(original(start, end)) >= 2 else " ")
        points.append(start + 1 - removed)
        removed += end - start - 1
        shifts.append(removed)
        last = end
    pieces.append(mapped[last:])
    return "".join(pieces), points, shifts


def _bare_slowly(text: str) -> BareText:
    table, _, _ = _tables()
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        if unicodedata.combining(c):
            continue
        lower = c.lower()
        lower = lower if len(lower) == 1 else (strip_diacritics(c).lower() + c)[0]
        chars.append(table.get(lower) or _single(strip_diacritics(lower), lower))
        origin.append(i)
    origin.append(len(text))
    mapped = "".join(chars)
    collapsed, points, shifts = _collapse_runs(mapped, lambda a, b: text[origin[a] : origin[b]])
    offsets = OffsetMap(tuple(points), tuple(shifts))
    return BareText(collapsed, OffsetMap(explicit=tuple(origin[offsets.original(i)] for i in range(len(collapsed) + 1))))


def _single(stripped: str, fallback: str) -> str:
    return stripped if len(stripped) == 1 else fallback


def surface_key(text: str, keep_case: bool = False) -> str:
    """NFC, lower case (unless keep_case), gaps normalised: what "the same form" means."""
    _, _, gaps_only = _tables()
    key = unicodedata.normalize("NFC", text).translate(gaps_only)
    key = _RUNS_RE.sub(" ", key.strip())
    return key if keep_case else key.lower()


def valid_gap(gap: str) -> bool:
    """Between two words of one term: a space, a hyphen or an apostrophe (with spaces), nothing else."""
    return 0 < len(gap) <= 3 and gap.strip(" ") in ("", "-", "'")
