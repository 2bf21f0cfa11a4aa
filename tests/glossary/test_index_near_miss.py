"""The near-miss pass: misspelt forms and acronyms one letter off."""

from __future__ import annotations

import pytest

from mtcheck.folding import bare_text
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.index.near_miss import MIN_FUZZY_CHARS, Coverage, _widest_window
from mtcheck.lexicon import lexicon_for


@pytest.fixture(scope="module")
def index(small_glossaries):
    return TermIndex(small_glossaries, lexicon_for("en"))


def near_misses(index, text):
    return [(m.kind, m.term.id, m.text) for m in index.find(text) if m.kind in ("fuzzy", "acronym")]


def test_a_misspelt_form_is_a_fuzzy_match(index):
    assert near_misses(index, "Jens Stoltenbreg came.") == [("fuzzy", "stoltenberg", "Jens Stoltenbreg")]


def test_exact_pass_alone_finds_no_near_miss(index):
    assert [m.kind for m in index.find("Jens Stoltenbreg came.", near_misses=False)] == []


def test_words_to_look_at(index):
    suspicious, anchoring = index.fuzzy.words_to_look_at({"stoltenbreg", "jens", "the", "b92", "came"})
    assert suspicious == {"stoltenbreg"}  # not form words, ordinary words, nor words with digits
    assert anchoring <= {"jens"}
    assert index.fuzzy.words_to_look_at({"the", "came"}) == (set(), set())


def test_an_acronym_one_letter_off(index):
    assert near_misses(index, "The KFOT troops") == [("acronym", "kfor", "KFOT")]
    kfor = next(form for form in index.forms if form.text == "KFOR")
    assert index.acronyms.spellings(["KFOT", "kfot", "KFOR", "NATO"]) == {"kfot": {"KFOT": kfor}}


def test_an_acronym_near_two_terms_is_no_match(index):
    assert near_misses(index, "The EUO said") == []  # one edit from EU and from USO/ZSO


def test_short_forms_are_not_compared_by_ratio(index):
    assert all(len(form.text) >= MIN_FUZZY_CHARS for form, _, _ in index.fuzzy._forms)


def test_coverage(index):
    text = "the Kosovo Force and KFOR"
    bare = bare_text(text)
    exact = index.find(text, near_misses=False)
    covered = Coverage(bare, exact)
    assert covered.inside(4, 10) and not covered.inside(0, 3)
    kfor = exact[0].term
    assert covered.allows(4, 16, kfor, "kosovo force")
    assert not covered.allows(8, 16, kfor, "kosovo force")  # a match straddles the window's start


def test_widest_window():
    assert _widest_window(10, 80) == 15
    assert _widest_window(10, 100) == 11  # one typo: a letter more
    assert _widest_window(10, 0) == _widest_window(10, 1)
