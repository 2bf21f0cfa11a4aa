"""repeated-word: a word doubled within a sentence; deliberate doublings left alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("We met at the the meeting.", [("the", None)]),
    ("The the meeting, and of\nof course.", [("the", None), ("of", None)]),
    ("He had had enough, and that that is so. Bye bye.", []),
    ("Walla Walla is a town.\n\nTown town.", [("town", None)]),
    ("The end\n\nthe start", []),  # a paragraph break ends the sentence
])
def test_repeated_word(defects, text, expected):
    assert defects(text, "repeated-word") == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Eine Pflanze, die die erste nachahmt; programmieren Sie sie; der der Meinung ist.", "de", []),
    ("Das ist ist unsere Idee, ein Ball von von sechs Kilometern.", "de", ["ist", "von"]),
    ("Nous nous sommes levés et vous vous êtes assis.", "fr", []),
    ("Nous avons avons vu.", "fr", ["avons"]),
    ("the die die is cast", "en", ["die"]),  # German's doubles are not English ones
])
def test_each_languages_grammatical_doubles(text, language, expected):
    from types import SimpleNamespace

    from mtcheck.rules.repeated_word import check

    assert [hit.text for hit in check(SimpleNamespace(segment=(0, text), language=language))] == expected
