"""The near-miss pass: misspelt forms and acronyms one letter off."""

from __future__ import annotations

import pytest

from mtcheck import load_glossaries
from mtcheck.folding import bare_text
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.index.near_miss import MIN_FUZZY_CHARS, Coverage, _widest_window
from mtcheck.lexicon import lexicon_for
from tests.conftest import BUNDLED_GLOSSARY


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
    assert covered.allows(0, 16, kfor, "tha kosovo force")  # its own accepted form inside the window
    assert not covered.allows(0, 16, kfor, "kosovo force")  # the form written right, and a word beside it
    assert not covered.allows(8, 16, kfor, "kosovo force")  # a match straddles the window's start


def test_widest_window():
    assert _widest_window(10, 80) == 15
    assert _widest_window(10, 100) == 11  # one typo: a letter more
    assert _widest_window(10, 0) == _widest_window(10, 1)


@pytest.fixture(scope="module")
def bundled_index():
    return TermIndex(load_glossaries([BUNDLED_GLOSSARY]), lexicon_for("en"))


@pytest.mark.parametrize("text, found", [
    ("The WSO met.", [("acronym", "csm", "WSO")]),  # a letter wrong in three
    ("Shares of ASML rose; the ASMM met.", []),  # a letter more than ASM makes another acronym
])
def test_an_acronym_of_three_letters_is_near_missed_by_a_wrong_letter_only(bundled_index, text, found):
    assert near_misses(bundled_index, text) == found


def test_a_misspelling_never_extends_a_form_written_right_with_the_next_word(bundled_index):
    text = "Director of the Serbian Office for Kosovo and Metohija Marko Djuric said."
    assert near_misses(bundled_index, text) == []
    assert near_misses(bundled_index, "The Office for Kosovo and Metohja said.") == [
        ("fuzzy", "office-for-kosovo", "Office for Kosovo and Metohja")]


def test_a_listed_word_in_lower_case_is_no_misspelling_of_a_name(tmp_path):
    (tmp_path / "names.yaml").write_text(
        "version: 1\nname: names\nlanguage: en\nterms:\n"
        "  - id: cimosa\n    canonical: Cimosa\n  - id: caribu\n    canonical: Caribu\n", encoding="utf-8")
    index = TermIndex(load_glossaries([tmp_path]), lexicon_for("en"))
    assert near_misses(index, "the mimosa and a caribou grazed") == []  # rare English words
    assert [m[2] for m in near_misses(index, "Cimossa and Carribu signed.")] == ["Cimossa", "Carribu"]


def test_a_listed_word_capitalised_to_open_a_sentence_is_no_misspelling_of_a_name(tmp_path):
    (tmp_path / "names.yaml").write_text(
        "version: 1\nname: names\nlanguage: en\nterms:\n  - id: damber\n    canonical: Đamber\n", encoding="utf-8")
    index = TermIndex(load_glossaries([tmp_path]), lexicon_for("en"))
    assert near_misses(index, "It rained. Damper weather came.") == []
    assert near_misses(index, "It rained, and Damper signed.") == [("fuzzy", "damber", "Damper")]  # a name inside a sentence


def test_a_word_written_only_in_lower_case_is_not_looked_at_where_every_form_is_a_name(tmp_path):
    (tmp_path / "names.yaml").write_text(
        "version: 1\nname: names\nlanguage: en\nterms:\n"
        "  - id: fund\n    canonical: Fund for Nasoklas Dripe\n  - id: kelan\n    canonical: Kelan\n", encoding="utf-8")
    index = TermIndex(load_glossaries([tmp_path]), lexicon_for("en"))
    vocabulary = {"elan", "perp", "kelon"}
    assert index.fuzzy.words_to_look_at(vocabulary, {"elan", "perp", "Kelon"})[0] == {"kelon"}
    assert index.fuzzy.words_to_look_at(vocabulary, {"elan", "Elan", "perp", "Kelon"})[0] == {"elan", "kelon"}
