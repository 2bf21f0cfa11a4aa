"""Matches in compact form: to send from a worker process, and to keep by the million."""

from __future__ import annotations

import sys
from array import array
from typing import TYPE_CHECKING, NamedTuple

from mtcheck.glossary.index.forms import KINDS, Form, Match

if TYPE_CHECKING:
    from mtcheck.glossary.index.term_index import TermIndex


class EncodedMatches(NamedTuple):
    numbers: array  # start, end, form number, kind (its place in KINDS), interleaved
    scores: array
    texts: list[str]
    suffixes: list[str]


def encode(matches: list[Match]) -> EncodedMatches:
    """Matches as arrays and strings (forms by number): cheap to send from a worker process, and
    for a ``MatchStore`` to take in whole."""
    kinds = KINDS.index
    numbers = array("q", [n for m in matches for n in (m.start, m.end, m.form.number, kinds(m.kind))])
    return EncodedMatches(numbers, array("d", [m.score for m in matches]), [m.text for m in matches],
                          [m.suffix for m in matches])


class MatchStore:
    """Many matches kept in flat arrays (about 40 bytes each instead of 250), read back as Matches.

    Clean news is full of correct terms: a 500 MB archive holds millions of them.
    """

    def __init__(self, index: TermIndex):
        """``index``: the index whose ``encode`` made the matches, which name its ``forms`` by number."""
        self._forms: tuple[Form, ...] = index.forms
        self._numbers = array("q")  # start, end, form number, kind, interleaved
        self._scores = array("d")
        self._texts: list[str] = []  # interned: the same term written the same way is one string
        self._suffixes: list[str] = []

    def add_encoded(self, matches: EncodedMatches) -> None:
        """Take in the matches ``TermIndex.encode`` made (in a worker process, say)."""
        self._numbers.extend(matches.numbers)
        self._scores.extend(matches.scores)
        self._texts.extend(map(sys.intern, matches.texts))
        self._suffixes.extend(matches.suffixes)

    def __len__(self) -> int:
        return len(self._texts)

    def forms_and_kinds(self):
        """(form, kind) of each match, in order, without making the Matches: for rules that count."""
        return zip(map(self._forms.__getitem__, self._numbers[2::4]), map(KINDS.__getitem__, self._numbers[3::4]))

    def __iter__(self):
        forms, numbers = self._forms, self._numbers
        for start, end, form, kind, text, score, suffix in zip(numbers[0::4], numbers[1::4], numbers[2::4], numbers[3::4],
                                                               self._texts, self._scores, self._suffixes):
            yield Match(start, end, forms[form], KINDS[kind], text, score, suffix)
