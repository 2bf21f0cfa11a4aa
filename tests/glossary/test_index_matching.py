"""Exact, diacritic, fuzzy and acronym detection, positives and negatives."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.folding import WORD_RE, bare_text, bare_vocabulary
from mtcheck.text import tokens

from tests.conftest import findings, texts


def matched(checker, text):
    return [(m.kind, m.form.role, m.term.id, text[m.start:m.end]) for m in checker.index.find(text)]


def test_exact_forms_case_insensitive_on_word_boundaries(checker):
    text = "The union of serbian municipalities met; KFOR and the kosovo force watched."
    assert matched(checker, text) == [
        ("exact", "forbidden", "csm", "union of serbian municipalities"),
        ("exact", "canonical", "kfor", "KFOR"),
        ("exact", "variant", "kfor", "kosovo force"),
    ]
    assert matched(checker, "KFORce and preKFOR are other words") == []


def test_acronym_forms_match_in_capitals_only(checker):
    assert matched(checker, "Let us go to the EU.") == [("exact", "short", "eu", "EU")]


def test_possessives_and_plurals_count_as_the_form(checker):
    text = "Kurti's office and KFOR's troops; two KFORs; Kurti’s aide."
    assert [m[3] for m in matched(checker, text)] == ["Kurti", "KFOR", "KFORs", "Kurti"]
    assert all(kind == "exact" for kind, *_ in matched(checker, text))


def test_line_breaks_and_dashes_inside_a_form(checker):
    assert matched(checker, "the Union of\nSerbian   Municipalities")[0][3] == "Union of\nSerbian   Municipalities"
    assert matched(checker, "Union of Serbian. Municipalities") == []


def test_nfd_text_matches_nfc_form_and_offsets_stay_in_the_original(checker):
    text = "Minister " + unicodedata.normalize("NFD", "Vučić") + " spoke."
    [(kind, role, term, found)] = matched(checker, text)
    assert (kind, term) == ("exact", "vucic") and unicodedata.normalize("NFC", found) == "Vučić"


def test_cyrillic_source_forms(checker):
    assert matched(checker, "Рекао је Александар Вучић.") == [("exact", "source", "vucic", "Александар Вучић")]


def test_longest_match_wins_and_nested_forms_are_deterministic(checker):
    text = "Use a thermal gap pad, or a gap pad."
    assert [(m[2], m[3]) for m in matched(checker, text)] == [("thermal-pad", "thermal gap pad"), ("gap-pad", "gap pad")]


def test_diacritics_missing_is_a_misspelling_with_the_glossary_form_as_suggestion(checker):
    [f] = findings(checker, "President Vucic said so.", "term-misspelled")
    assert (f.text, f.term, f.suggestion) == ("Vucic", "vucic", "Vučić")
    [f] = findings(checker, "in Zvecan today", "term-misspelled")
    assert (f.suggestion, f.severity.label) == ("Zvečan", "minor")
    [f] = findings(checker, "Aleksandar Vucic arrived", "term-misspelled")
    assert (f.text, f.suggestion) == ("Aleksandar Vucic", "Aleksandar Vučić")


@pytest.mark.parametrize("text, found, suggestion", [
    ("Prime Minister Aljbin Kurti said", "Aljbin Kurti", "Albin Kurti"),
    ("Prime Minister Aljbina Kurti said", "Aljbina Kurti", "Albin Kurti"),
    ("the Association of Serbian Municipalities", "Association of Serbian Municipalities", "Association of Serb Municipalities"),
    ("NATO chief Stoltenber said", "Stoltenber", "Stoltenberg"),
    ("since Aljbin Kurti's election", "Aljbin Kurti", "Albin Kurti"),
    ("Jens Stoltenbreg said", "Jens Stoltenbreg", "Jens Stoltenberg"),
    ("NATO chief Stotlenberg said", "Stotlenberg", "Stoltenberg"),  # two letters swapped
    ("clashes in Zvečen today", "Zvečen", "Zvečan"),  # one letter substituted in a six-letter word
])
def test_fuzzy_positives(checker, text, found, suggestion):
    [f] = findings(checker, text, "term-misspelled")
    assert (f.text, f.suggestion) == (found, suggestion)


@pytest.mark.parametrize("text", [
    "Kurt Vonnegut wrote novels.",  # an ordinary name one letter from a short form
    "The Serbian municipalities held elections.",  # ordinary words
    "He joined the community of scholars.",
    "The Minister of Foreign Affairs and the Ministry of Foreign Affairs.",
    "Albin Kurti met Jens Stoltenberg and Aleksandar Vučić in the EU.",  # correct forms
    "A thermal gap pad and a gap pad.",
    "Stoltenberg’s visit and Kurti's office",  # a possessive is the form, not a near miss
])
def test_fuzzy_negatives(checker, text):
    assert findings(checker, text, "term-misspelled") == []


def test_acronyms_one_edit_from_a_glossary_acronym(checker):
    assert [(f.text, f.term) for f in findings(checker, "the WSO key and the ZSA", "term-misspelled")] == [
        ("WSO", "csm"), ("ZSA", "csm")]


@pytest.mark.parametrize("text", [
    "NATO, the IMF and the BBC",  # known English acronyms
    "the EC and the UN",  # two-letter acronyms are never compared
    "the CSM, the ZSO and the USO",  # glossary acronyms themselves are exact matches
])
def test_acronym_negatives(checker, text):
    assert findings(checker, text, "term-misspelled") == []


def test_fuzzy_can_be_switched_off_per_term(tmp_path):
    from mtcheck import Checker, load_glossaries

    path = tmp_path / "g.yaml"
    path.write_text("version: 1\nname: g\nlanguage: en\ndefaults: {fuzzy: false}\nterms:\n"
                    "  - {id: s, canonical: Jens Stoltenberg}\n  - {id: k, canonical: Albin Kurti, fuzzy: 80}\n")
    checker = Checker(load_glossaries([path]))
    assert texts(checker, "Jens Stoltenber and Aljbin Kurti") == ["Aljbin Kurti"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_the_bare_vocabulary_of_a_texts_words_is_that_of_its_bare_text(text):
    """The scan folds a text's distinct words instead of the text: both must give the same words."""
    assert bare_vocabulary(Counter(tokens(text))) == set(WORD_RE.findall(bare_text(text).text))


def test_matches_are_the_same_whether_or_not_the_scan_gives_the_words(checker):
    text = "Aljbina Kurti met the USO and the Union of Serbian Municipalities. Stoltenbreg's KFORs."
    index = checker.index
    assert index.find(text, words=Counter(tokens(text))) == index.find(text)
