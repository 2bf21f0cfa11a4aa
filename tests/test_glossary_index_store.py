"""Matches encoded for other processes and kept compactly, and the spans both passes use."""

from __future__ import annotations

from mtcheck.glossary.index import MatchStore, TermIndex
from mtcheck.glossary.index.spans import Intervals, locate
from mtcheck.lexicon import lexicon_for


def test_encoded_matches_come_back_from_the_store(small_glossaries):
    index = TermIndex(small_glossaries, lexicon_for("en"))
    text = "KFORs and Jens Stoltenbreg, the KFOT and Zvecan."
    matches = index.find(text, base=100)
    assert {m.kind for m in matches} == {"exact", "fuzzy", "acronym", "diacritics"}
    store = MatchStore(index)
    store.add_encoded(index.encode(matches[:2]))
    store.add_encoded(index.encode(matches[2:]))
    assert len(store) == len(matches)
    assert list(store) == matches
    assert list(store.forms_and_kinds()) == [(m.form, m.kind) for m in matches]


def test_locate_finds_whole_words_only():
    assert locate("nation national nation-state", {"nation"}) == [(0, 6, "nation"), (16, 22, "nation")]
    assert locate("zvečan zvecan", {"zvečan"}) == [(0, 6, "zvečan")]
    assert locate("anything", set()) == []


def test_intervals():
    intervals = Intervals([(10, 20), (0, 5)])
    assert intervals.overlaps(4, 6) and intervals.overlaps(19, 30) and not intervals.overlaps(5, 10)
    assert intervals.contains(10, 20) and not intervals.contains(9, 12)
    intervals.add(30, 40)
    assert intervals.contains(31, 39)
