"""The searchable shadow of a text: lower case, no diacritics, normalised gaps.

Matching runs on this "bare" text with C-speed tools (an Aho-Corasick automaton,
regular expressions) instead of a Python loop over tokens. For NFC text the bare
text has the same length as the original except where whitespace runs are
collapsed, so mapping a position back is a bisect over those runs; other texts
(NFD, stray combining marks) take a slower path with an explicit position list.
Invisible format characters (soft hyphen, zero-width space, ...) are dropped the way
whitespace runs are collapsed, so that "Ku\u00adrti" is searched as "kurti".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.text import INVISIBLE, count_line_breaks

WORD_RE = re.compile(r"[^\W_]+")  # a word of the bare text (it has no combining marks)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_APOSTROPHES = "\u2019\u2018\u02bc"
# Letters that Unicode does not decompose but that readers treat as a base letter plus a mark.
_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ħ": "h", "ı": "i"})
_UNDECOMPOSED_LETTERS = frozenset(map(chr, _UNDECOMPOSED))
_RUNS_RE = re.compile(r" {2,}")
# In a text with invisible characters: two or more spaces and invisible characters together, or
# invisible characters alone. A run with a space keeps one; one without vanishes.
_INVISIBLE_RUNS_RE = re.compile(f"[ {INVISIBLE}]{{2,}}|[{INVISIBLE}]")
_ASCII_SPACE_RE = re.compile(r"[\t\n\r\x0b\x0c]")
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARK_RE = re.compile(f"[{_MARKS}]")
_MARK_OR_INVISIBLE_RE = re.compile(f"[{_MARKS}{INVISIBLE}]")


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
        if unicodedata.is_normalized("NFD", c) and c not in _UNDECOMPOSED_LETTERS:
            continue  # no mark to strip: it stays itself (a quick test: this table is built in every run)
        if c.lower() != c or unicodedata.combining(c):
            continue
        stripped = strip_diacritics(c)
        if len(stripped) == 1 and stripped != c:
            bare[c] = stripped
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(bare)) + "]")
    surface = {ord(c): g for c, g in bare.items() if _gap_char(c)} | dict.fromkeys(map(ord, INVISIBLE))
    return bare, pattern, surface


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps a position of the bare text back to the original text."""

    points: tuple[int, ...] = ()  # bare positions where a collapsed run ends
    shifts: tuple[int, ...] = ()  # characters removed before each point
    explicit: tuple[int, ...] | None = None  # per-character positions, for the slow path
    # Bare positions where invisible characters were dropped -> where they start in the original: a
    # span ending there ends before them, while one starting there starts after them (``original``).
    joins: dict[int, int] | None = None

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
        """The original span of bare[start:end] (trailing combining marks included, invisible
        characters just before or after it left out)."""
        offsets = self.offsets
        joins = offsets.joins
        return offsets.original(start), joins[end] if joins and end in joins else offsets.original(end)


def bare_text(text: str) -> BareText:
    lowered = text.lower()
    unusual = None if lowered.isascii() else _MARK_OR_INVISIBLE_RE.search(text)
    if (len(lowered) != len(text) or not unicodedata.is_normalized("NFC", text)
            or unusual and _MARK_RE.search(text, unusual.start())):
        return _bare_slowly(text)
    table, pattern, _ = _tables()
    needs_mapping = not lowered.isascii() or _ASCII_SPACE_RE.search(lowered)
    mapped = pattern.sub(lambda m: table[m.group()], lowered) if needs_mapping else lowered
    if unusual:  # invisible characters (a combining mark takes the slow path)
        collapsed, points, shifts, joins = _collapse_runs(mapped, lambda a, b: text[a:b], _INVISIBLE_RUNS_RE)
        return BareText(collapsed, OffsetMap(tuple(points), tuple(shifts), joins=joins))
    if "  " not in mapped:
        return BareText(mapped, OffsetMap())
    collapsed, points, shifts, _ = _collapse_runs(mapped, lambda a, b: text[a:b])
    return BareText(collapsed, OffsetMap(tuple(points), tuple(shifts)))


def bare_vocabulary(words: Iterable[str]) -> set[str]:
    """The distinct words of a text's bare shadow, from the distinct words of the text.

    Folding maps character by character and keeps letters letters, so the words correspond; the
    few distinct words are far quicker to fold than the text.
    """
    return set(WORD_RE.findall(bare_text(" ".join(words)).text))


def _collapse_runs(mapped: str, original, runs: re.Pattern = _RUNS_RE) -> tuple[str, list[int], list[int], dict[int, int]]:
    """One character per whitespace run: a space, or a line break where a paragraph ends.

    A term may wrap onto the next line, never into the next paragraph; paragraph
    breaks are also where long files are cut into segments, so both agree.
    With ``_INVISIBLE_RUNS_RE``, invisible characters go too: a run of them alone leaves
    nothing, and where it was is returned (bare position -> position in ``mapped``).
    """
    points, shifts, joins, pieces, removed, last = [], [], {}, [], 0, 0
    spaces_only = runs is _RUNS_RE
    for run in runs.finditer(mapped):
        start, end = run.span()
        pieces.append(mapped[last:start])
        if spaces_only or " " in mapped[start:end]:
            pieces.append("\n" if count_line_breaks(original(start, end)) >= 2 else " ")
            kept = 1
        else:
            joins[start - removed] = start
            kept = 0
        points.append(start + kept - removed)
        removed += end - start - kept
        shifts.append(removed)
        last = end
    pieces.append(mapped[last:])
    return "".join(pieces), points, shifts, joins


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
    collapsed, points, shifts, joins = _collapse_runs(mapped, lambda a, b: text[origin[a] : origin[b]], _INVISIBLE_RUNS_RE)
    offsets = OffsetMap(tuple(points), tuple(shifts))
    explicit = tuple(origin[offsets.original(i)] for i in range(len(collapsed) + 1))
    return BareText(collapsed, OffsetMap(explicit=explicit, joins={at: origin[i] for at, i in joins.items()} or None))


def _single(stripped: str, fallback: str) -> str:
    return stripped if len(stripped) == 1 else fallback


def surface_key(text: str, keep_case: bool = False) -> str:
    """NFC, lower case (unless keep_case), gaps normalised, invisible characters dropped: what "the
    same form" means."""
    _, _, surface = _tables()
    key = unicodedata.normalize("NFC", text).translate(surface)
    key = _RUNS_RE.sub(" ", key.strip())
    return key if keep_case else key.lower()


def valid_gap(gap: str) -> bool:
    """Between two words of one term: a space, a hyphen or an apostrophe (with spaces), nothing else."""
    return 0 < len(gap) <= 3 and gap.strip(" ") in ("", "-", "'")
