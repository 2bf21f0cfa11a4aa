"""Where words are in a bare text, and sets of spans: what both passes of the term index use."""

from __future__ import annotations

import bisect
import re

import ahocorasick


def locate(s: str, words: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every occurrence of ``words`` as a whole word of ``s``, in text order.

    An automaton of just these words, each between spaces, runs over a copy of the text whose
    non-word characters are spaces: every hit is a whole word, and the words a wanted word is part
    of ("national" for a misspelt "nationa") cost nothing.
    """
    if not words:
        return []
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(f" {word} ", len(word))
    automaton.make_automaton()
    spaced = s.translate(_ASCII_NON_WORD)
    if not spaced.isascii():
        spaced = _OTHER_NON_WORD.sub(" ", spaced)
    return [(last - length - 1, last - 1, s[last - length - 1:last - 1])
            for last, length in automaton.iter(f" {spaced} ")]


_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
_OTHER_NON_WORD = re.compile(r"[^\w\x00-\x7f]")  # beyond ASCII, what isalnum() refuses ("_" is ASCII)


class Intervals:
    """Disjoint half-open intervals, kept sorted: overlap and containment tests in O(log n)."""

    def __init__(self, intervals=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(intervals):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # intervals starting before ``end``
        return i > 0 and self._ends[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._ends[i - 1] >= end
