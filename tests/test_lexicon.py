"""The lexicon's word-list lookups: a binary search of sorted lines, then a set once lookups are many."""

from __future__ import annotations

import pickle

import pytest

import mtcheck.lexicon as lexicon_module
from mtcheck.lexicon import ESTABLISHED_ZIPF, Lexicon, _has_line, _sorted_lines

# Frequencies as wordfreq gives them (a share of all words): Zipf = log10(frequency) + 9.
WORDS = {"the": 5e-2, "hunan": 6e-7, "henan": 4e-7, "kurti": 9e-8, "mimosa": 3e-7, "ärger": 2e-6, "ça": 1e-5,
         "zebra": 1e-6, "a": 2e-2, "éte": 1e-9}


@pytest.mark.parametrize("words", [[], ["only"], ["b", "a"], list(WORDS)])
def test_a_binary_search_finds_each_line_and_nothing_else(words):
    lines = _sorted_lines(words)
    assert all(_has_line(lines, word) for word in words)
    probes = ["", "aa", "z", "zz", "zebras", "onl", "onlyy", "ärge", "c", "\uffff", *(w + "x" for w in words)]
    assert not any(_has_line(lines, probe) for probe in probes if probe not in words)


def test_listed_and_established_words_by_search_and_by_set(monkeypatch):
    monkeypatch.setattr(lexicon_module, "LISTED_SEARCHES", 3)
    lexicon = Lexicon(WORDS)
    probes = ["Mimosa", "mimosas", "Ärger", "ÇA", "unlisted", "Kurti", "the", "Hunan"]
    by_search = [lexicon.is_listed(word) for word in probes]  # the later ones by the set, built after three
    assert lexicon._listed_set is not None
    assert by_search == [True, False, True, True, False, True, True, True] == [lexicon.is_listed(w) for w in probes]
    established = {w for w, f in WORDS.items() if f >= 10 ** (ESTABLISHED_ZIPF - 9)}
    assert {w for w in WORDS if lexicon.is_established(w.upper())} == established
    assert "hunan" in established and "kurti" not in established


def test_a_lexicon_pickles_without_its_set():
    lexicon = Lexicon(WORDS)
    lexicon._listed_set = frozenset(WORDS)
    restored = pickle.loads(pickle.dumps(lexicon))
    assert restored._listed_set is None and restored.is_listed("zebra") and not restored.is_listed("zebr")


def test_a_language_without_a_list_calls_no_word_unlisted_and_none_established():
    empty = Lexicon({})
    assert empty.is_listed("anything") and not empty.is_established("anything")
    assert not empty.has_word_list and Lexicon(WORDS).has_word_list


@pytest.mark.parametrize("searches", [1, 100])
def test_listed_among_agrees_with_is_listed(monkeypatch, searches):
    monkeypatch.setattr(lexicon_module, "LISTED_SEARCHES", searches)
    probes = ["Mimosa", "mimosas", "Ärger", "unlisted", "kurti", "the"]
    lexicon = Lexicon(WORDS)
    assert lexicon.listed_among(probes) == {"Mimosa", "Ärger", "kurti", "the"}
    assert (lexicon._listed_set is not None) is (searches < len(probes))  # many at once: the set at once
    assert Lexicon({}).listed_among(probes) == set(probes)
