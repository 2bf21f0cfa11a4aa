"""Matches encoded for other processes and kept compactly."""

from __future__ import annotations

from mtcheck.glossary.index import MatchStore, TermIndex
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

