"""Invisible format characters (soft hyphen, zero-width space, joiners, word joiner, a stray BOM) are
transparent to matching: a term written with one inside is found, its span covers them, and a fix
replaces the whole span (issue 14, item 6)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mtcheck.fixer import fix_file
from mtcheck.folding import bare_text, surface_key
from mtcheck.text import drop_invisible, tokens
from tests.conftest import findings
from tests.cli_runs import mtcheck
from tests.test_properties import PIECES

INVISIBLE = {"soft hyphen": "\u00ad", "zero-width space": "\u200b", "zero-width non-joiner": "\u200c",
             "zero-width joiner": "\u200d", "word joiner": "\u2060", "byte-order mark": "\ufeff"}
TERM_RULES = ("term-forbidden", "term-misspelled", "term-untranslated", "term-inconsistent")


def spans(checker, text: str, *rules: str) -> list[tuple[str, str, str]]:
    """(rule, the finding's text as sliced from ``text`` at its offset, suggestion) of each finding."""
    return [(f.rule, text[f.offset:f.offset + f.length], f.suggestion) for f in findings(checker, text, *rules)]


def fixed(checker, text: str) -> str:
    raw = text.encode("utf-8")
    return fix_file("t.txt", raw, list(checker.check_text(text).findings), encoding="utf-8").after.decode("utf-8")


@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_forbidden_acronym_with_an_invisible_character_inside_is_found_and_fixed(bundled_checker, mark):
    text = f"Aljbin Ku{mark}rti met the U{mark}SO."
    assert spans(bundled_checker, text, *TERM_RULES) == [
        ("term-misspelled", f"Aljbin Ku{mark}rti", "Albin Kurti"), ("term-forbidden", f"U{mark}SO", "CSM")]
    assert fixed(bundled_checker, text) == "Albin Kurti met the CSM."


def test_a_soft_hyphen_inside_a_misspelt_name_is_replaced_with_the_name(bundled_checker):
    # Before: the fuzzy match ended at the soft hyphen, and the fix left "ti" behind: "Albin Kurti\xadti".
    assert fixed(bundled_checker, "Aljbin Kur\u00adti met the delegation.") == "Albin Kurti met the delegation."


def test_a_correct_name_with_a_soft_hyphen_is_no_misspelling(bundled_checker):
    # Before: "Vuči" was a misspelling of "Vučić", fixed to "Vučić\u00adć".
    assert findings(bundled_checker, "President Vuči\u00adć spoke.") == []


def test_the_canonical_form_with_a_soft_hyphen_is_an_exact_match(bundled_checker):
    text = "Albin Kur\u00adti met Kurti's ministers."
    assert spans(bundled_checker, text, *TERM_RULES) == []
    found = bundled_checker.index.find(text)
    assert [(m.text, m.kind, m.form.text) for m in found] == [
        ("Albin Kur\u00adti", "exact", "Albin Kurti"), ("Kurti", "exact", "Kurti")]


def test_an_acronym_misspelling_with_a_zero_width_space_is_found(bundled_checker):
    assert spans(bundled_checker, "Then the W\u200bSO met.", "term-misspelled") == [
        ("term-misspelled", "W\u200bSO", "CSM")]


def test_invisible_characters_around_a_term_stay_outside_its_span_and_the_fix_keeps_them(bundled_checker):
    text = "Talks on the \ufeffUSO\u200b/\u200bZSO\u00ad today."
    assert [found[1] for found in spans(bundled_checker, text, "term-forbidden", "term-untranslated")] == ["USO", "ZSO"]
    assert fixed(bundled_checker, text) == "Talks on the \ufeffCSM\u200b/\u200bCSM\u00ad today."


def test_a_multi_word_term_with_invisible_characters_in_its_gaps_is_found(bundled_checker):
    text = "The Union of\u200b Serbian\u2060 \u00adMunicipalities met."
    assert spans(bundled_checker, text, "term-forbidden") == [
        ("term-forbidden", "Union of\u200b Serbian\u2060 \u00adMunicipalities", "Community of Serb Municipalities")]


def test_words_split_by_a_soft_hyphen_are_no_garbled_words(bundled_checker):
    # Before: "secu" + "rity" and "municipa" + "lities" were two words each, and "rity", "municipa" garbled.
    text = "The secu\u00adrity of the municipa\u00adlities was discussed."
    assert findings(bundled_checker, text) == []
    assert tokens(text) == ["The", "security", "of", "the", "municipalities", "was", "discussed"]
    assert bundled_checker.check_text(text).words == 7


def test_the_bare_text_drops_invisible_characters_and_maps_spans_back():
    text = "Ku\u00adrti \u200b met\u200d\u200dthe\ufeff"
    bare = bare_text(text)
    assert bare.text == "kurti metthe"
    assert text[slice(*bare.span(0, 5))] == "Ku\u00adrti"
    assert text[slice(*bare.span(6, 9))] == "met"  # the joiners after it are left out
    assert text[slice(*bare.span(9, 12))] == "the"
    assert text[slice(*bare.span(0, 12))] == "Ku\u00adrti \u200b met\u200d\u200dthe"


def test_the_slow_path_drops_them_too_and_keeps_combining_marks_in_spans():
    text = "Vuc\u030ci\u00adc\u0301 \u200b\u200b  met"  # NFD: the slow path with explicit positions
    bare = bare_text(text)
    assert bare.text == "vucic met"
    assert text[slice(*bare.span(0, 5))] == "Vuc\u030ci\u00adc\u0301"
    assert text[slice(*bare.span(6, 9))] == "met"


def test_a_paragraph_break_with_invisible_characters_in_it_stays_a_paragraph_break():
    assert bare_text("Albin\n\u200b\nKurti").text == "albin\nkurti"
    assert bare_text("Albin\u200b\u200b\nKurti").text == "albin kurti"


def test_surface_keys_ignore_invisible_characters():
    assert surface_key("Albin Kur\u00adti") == surface_key("Albin Kurti") == "albin kurti"
    assert surface_key("U\u200bSO", keep_case=True) == "USO"


def test_normal_text_folds_as_before():
    text = "Vučić  met\n\n Kurti\u2014today"
    bare = bare_text(text)
    assert bare.text == "vucic met\nkurti-today"
    assert bare.offsets.points == (6, 10) and bare.offsets.explicit is None


def test_fix_write_on_a_file_with_invisible_characters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Aljbin Kur\u00adti met the U\u200bSO.\n", encoding="utf-8")
    result = mtcheck("fix", "--no-cache", "--write", article)
    assert result.returncode == 0, result.stderr
    assert article.read_text(encoding="utf-8") == "Albin Kurti met the CSM.\n"


@st.composite
def texts_with_invisible_characters(draw) -> tuple[str, str]:
    """A text of terms, names and gaps, and the same text with invisible characters put anywhere."""
    clean = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=20)))
    # between characters, not inside one: never before a combining mark (an accent belongs to the
    # letter before it; a soft hyphen there is no break point, and splits what the reader sees)
    between = [at for at in range(len(clean) + 1) if at == len(clean) or not unicodedata.combining(clean[at])]
    places = draw(st.lists(st.tuples(st.sampled_from(between), st.sampled_from(list(INVISIBLE.values()))), max_size=6))
    marked = clean
    for at, mark in sorted(places, reverse=True):
        marked = marked[:at] + mark + marked[at:]
    return clean, marked


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=texts_with_invisible_characters())
# Found by this test: a soft hyphen split "s\u00adUnion" into a listed lower-case word and a form word,
# so the near miss passed for a word of the language in the marked text only.
@example(texts=("Aljbin Kurti%sUnion of Serbian Municipalities", "Aljbin Kurti%s\u00adUnion of Serbian Municipalities"))
@example(texts=("USO“Vucic", "USO“V\u00aducic"))  # "V" alone is a word of the language, "Vučić" none
def test_invisible_characters_anywhere_change_no_term_finding_and_no_fix(checker, texts):
    clean, marked = texts

    def term_findings(text: str) -> list[tuple[str, str, str | None, str | None]]:
        found = findings(checker, text, *TERM_RULES)
        assert all(text[f.offset:f.offset + f.length] == f.text for f in found)
        assert all(f.text[:1] not in INVISIBLE.values() and f.text[-1:] not in INVISIBLE.values() for f in found)
        return [(f.rule, drop_invisible(f.text), f.suggestion, f.term) for f in found]

    assert term_findings(marked) == term_findings(clean)
    assert drop_invisible(fixed(checker, marked)) == fixed(checker, clean)  # those outside the spans kept
