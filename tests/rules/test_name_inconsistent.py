"""The name-inconsistent rule: one name spelt two ways in a document; inflections of one word are not
two spellings of a name."""

from __future__ import annotations

import pytest

from mtcheck.rules.name_inconsistent import _stemming, inflected
from tests.conftest import findings


def test_name_inconsistent(checker):
    text = ("Miroslav Lajčák arrived. Lajčák spoke. Lejsac left. Thaçi resigned. Taci denied it. Thaçi spoke. "
            "Kurti met them. Corti left. Kurti stayed.")
    assert [(f.text, f.suggestion) for f in findings(checker, text, "name-inconsistent")] == [
        ("Lejsac", "Lajčák"), ("Taci", "Thaçi"), ("Corti", "Kurti")]


def test_name_inconsistent_stays_quiet_on_distinct_names(checker):
    text = ("Vjosa Osmani met Milan Radoičić in Banjska, then Jens Stoltenberg in Brussels and Zvečan. "
            "Greece, Romania, Russia and Brazil; Facebook, Twitter and Viber; Dayton and Herzegovina.")
    assert findings(checker, text, "name-inconsistent") == []


@pytest.mark.parametrize("a, b, same", [
    ("Eisberge", "Eisberg", True), ("Eisbergs", "Eisberg", True), ("Multiversums", "Multiversum", True),
    ("Kolibris", "Kolibri", True), ("Teleskops", "Teleskope", True), ("Gefällen", "Gefälles", True),
    ("Kurti", "Corti", False), ("Wurzelstock", "Wurzelstück", False),
    ("Müller", "Muller", False),  # diacritics only: a misspelling, not an inflection
])
def test_german_inflections_are_one_word(a, b, same):
    assert inflected(a, b, _stemming("de")) is same


@pytest.mark.parametrize("a, b, same", [
    ("Returnees", "Returnee", True), ("Joneses", "Jones", True), ("Serbs", "Serb", True),
    ("Bekkažs", "Bekkaz", False),  # the plural of another spelling: "Bekkaz" is "Bekkaž" misspelt
    ("Rios", "Ríos", False), ("Kurti", "Corti", False),
])
def test_english_plurals_are_one_word(a, b, same):
    assert inflected(a, b, _stemming("en")) is same


def test_a_language_without_a_stemmer_or_noun_endings_compares_spellings_only():
    assert _stemming("vi") is None and not inflected("Serbs", "Serb", None)


@pytest.mark.parametrize("text", [
    "Returnees crossed the border. Returnees waited. A Returnee spoke.",
    "Americans voted. Americans waited. An American spoke.",
    "Boeing's jets flew. Boeing's shares fell. Boeing said nothing.",
    "The Joneses came. The Joneses left. Mr. Jones stayed.",
])
def test_an_english_word_is_not_paired_with_its_plural_or_possessive(checker, text):
    assert findings(checker, text, "name-inconsistent") == []


@pytest.mark.parametrize("text", [
    "Floods hit Hunan. Hunan asked for help.\n\nHenan sent trucks.",
    "Coal from Shanxi rose. Shanxi mines reopened.\n\nShaanxi closed its mines.",
    "Austria voted. Austria waited.\n\nAustralia spoke.",
    "Iran voted. Iran waited.\n\nIraq spoke.",
])
def test_two_established_names_near_in_spelling_are_two_names(checker, text):
    assert findings(checker, text, "name-inconsistent") == []


@pytest.mark.parametrize("text, flagged", [
    ("Kahramanmaraş was hit. Kahramanmaraş mourns.\n\nRescuers reached Kahramanmarash.", ("Kahramanmarash", "Kahramanmaraş")),
    ("Ríos spoke. Ríos left.\n\nLater Rios came back.", ("Rios", "Ríos")),
    ("Ríos spoke. Ríos left, and Rios came back.", ("Rios", "Ríos")),  # one sentence: diacritics only, still one name
    ("The Yungang Grottoes are old. Yungang draws crowds.\n\nTourists visit Yonggang.", ("Yonggang", "Yungang")),
])
def test_a_rare_or_unknown_spelling_of_a_name_is_still_flagged(checker, text, flagged):
    assert [(f.text, f.suggestion) for f in findings(checker, text, "name-inconsistent")] == [flagged]


def test_two_spellings_in_one_sentence_are_two_names(checker):
    apart = "The Yungang Grottoes are old. Yungang draws crowds.\n\nTourists visit Yonggang."
    together = "The Yungang Grottoes are old. Yungang draws crowds.\n\nTourists visit Yungang and Yonggang."
    assert [f.text for f in findings(checker, apart, "name-inconsistent")] == ["Yonggang"]
    assert findings(checker, together, "name-inconsistent") == []


@pytest.mark.parametrize("text, flagged", [
    # Always beside another name, never the same one: two people.
    ("Jorunn Vestergaard spoke. Jorunn Vestergaard left.\n\nIngvild Vestergard came.", []),
    # Beside the same given name: one person, misspelt.
    ("Jorunn Vestergaard spoke. Jorunn Vestergaard left.\n\nJorunn Vestergard came.", ["Vestergard"]),
    # The company is itself one name spelt two ways: shared, so still one person.
    ("Jorunn Vestergaard spoke. Jorunn Vestergaard left.\n\nJorun Vestergard came.", ["Jorun", "Vestergard"]),
    # Written once alone: no evidence of two people.
    ("Jorunn Vestergaard spoke. Vestergaard left.\n\nIngvild Vestergard came.", ["Vestergard"]),
    # Titles are words of the language, not names: they tell two people apart no more than "the".
    ("Minister Vestergaard spoke. Minister Vestergaard left.\n\nPresident Vestergard came.", ["Vestergard"]),
])
def test_two_spellings_keeping_different_company_are_two_names(checker, text, flagged):
    assert [f.text for f in findings(checker, text, "name-inconsistent")] == flagged
