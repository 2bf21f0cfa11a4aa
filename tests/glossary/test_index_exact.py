"""The exact pass: forms as written, differing only in diacritics, and their plurals."""

from __future__ import annotations

import pytest

from mtcheck.folding import bare_text, bare_vocabulary
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.index.exact import _plural_suffix, _plurals_of
from mtcheck.glossary.index.spans import locate
from mtcheck.lexicon import lexicon_for
from mtcheck.text import tokens


@pytest.fixture(scope="module")
def exact(small_glossaries):
    return TermIndex(small_glossaries, lexicon_for("en")).exact


def exact_matches(exact, text):
    bare = bare_text(text)
    one_word = exact.one_word_hits(bare_vocabulary(set(tokens(text))))
    located = [w for w in locate(bare.text, set(one_word)) if w[2] in one_word]
    return [(m.kind, m.term.id, m.text, m.suffix) for m in exact.find(text, bare, located, one_word)]


def test_one_word_hits_include_plurals(exact):
    assert exact.one_word_hits({"kurti", "kfors", "nothing"}) == {"kurti": [("kurti", "")], "kfors": [("kfor", "s")]}


def test_exact_diacritics_and_plural(exact):
    assert exact_matches(exact, "Zvečan, Zvecan and two KFORs") == [
        ("exact", "zvecan", "Zvečan", ""), ("diacritics", "zvecan", "Zvecan", ""), ("exact", "kfor", "KFORs", "s")]


def test_leftmost_longest_wins(exact):
    assert exact_matches(exact, "a thermal gap pad") == [("exact", "thermal-pad", "thermal gap pad", "")]


def test_case_sensitive_forms_need_their_case(exact):
    assert exact_matches(exact, "the eu and the EU") == [("exact", "eu", "EU", "")]


def test_plurals_of_keys():
    assert _plurals_of(frozenset({"box", "boxe", "kfor"})) == {
        "boxs": (("box", "s"),), "boxes": (("boxe", "s"), ("box", "es")), "kfors": (("kfor", "s"),)}


@pytest.mark.parametrize("s, end, key, expected", [
    ("kfor", 4, "kfor", ""), ("kfor x", 4, "kfor", ""), ("kfors", 4, "kfor", "s"), ("boxes", 3, "box", "es"),
    ("kfores", 4, "kfor", None), ("kforce", 4, "kfor", None),
])
def test_plural_suffix(s, end, key, expected):
    assert _plural_suffix(s, end, key) == expected
