"""number-mismatch: numbers read in each language's own notation."""

from __future__ import annotations

import pytest

from mtcheck.rules.number_mismatch import numbers


@pytest.mark.parametrize("text, language, values", [
    ("1.000,5 evra i 3 osobe, 2023. godine, 12,5%", "sr", [1000.5, 3, 2023, 12.5]),
    ("1,000.5 euros and three people, in 2023, 12.5%, 1 000 000", "en", [1000.5, 3, 2023, 12.5, 1_000_000]),
    ("Hello {0}, item %1$s, version 3.5", "en", [3.5]),
    ("tri osobe i jedan pas", "sr", [3]),  # one and two in words state no number by themselves
])
def test_numbers_read_in_each_languages_notation(text, language, values):
    assert [value for value, _, _ in numbers(text, language)] == values


def _unmatched(source, source_language, target, target_language):
    from mtcheck.rules.number_mismatch import read, unmatched

    missing, extra = unmatched(read(source, source_language), read(target, target_language))
    return [n.value for n in missing], [n.text for n in extra]


@pytest.mark.parametrize("source, source_language, target, target_language", [
    ("You have one tetrahedron and two inputs.", "en", "Sie haben ein Tetraeder und zwei Eingänge.", "de"),
    ("This one's clever. If one were to eclipse it, one of them", "en", "Dieser ist clever. Wenn man sie verdunkelte", "de"),
    ("any three-dimensional shape", "en", "jede dreidimensionale Form", "de"),
    ("Fourteen billion years", "en", "14 Milliarden Jahre", "de"),
    ("[1,1] input", "en", "Eingang [1,1]", "de"),  # copied digits say the same, however each language reads them
    ("2月11日，造成17,000人死亡，损失三千五百万元", "zh", "On February 11, 17,000 people died; 35 million yuan lost", "en"),
    ("two and a half years, 2.5 million parts", "en", "zweieinhalb Jahre, 2,5 Millionen Teile", "de"),
    ("the hundred billion stars", "en", "die hundert Milliarden Sterne", "de"),
])
def test_numbers_carried_in_another_languages_words(source, source_language, target, target_language):
    assert _unmatched(source, source_language, target, target_language) == ([], [])


def test_scales_named_on_both_sides_must_agree():
    assert _unmatched("2 billion", "en", "2 Billionen", "de") == ([2e9], ["2 Billionen"])
    assert _unmatched("2 billion", "en", "2 Milliarden", "de") == ([], [])
