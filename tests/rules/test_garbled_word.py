"""garbled-word: a mangled word and its likely repair; names and rare real words left alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Peleven years after the declaration of independence.", [("Peleven", "Eleven")]),
    ("The presidnet said so.", [("presidnet", "president")]),
    ("Stoltenberg said that Banjska was calm.", []),  # names, and a capital inside a sentence
    ("The anther whops it on the back.", []),  # an inflection of a rare real word
    ("Peleven years later. Peleven more.", []),  # twice: a name, not a garble
])
def test_garbled_word(defects, text, expected):
    assert defects(text, "garbled-word") == expected


def test_german_nouns_and_words_without_capitals_are_looked_at_and_chinese_is_not():
    from mtcheck.lexicon import lexicon_for
    from mtcheck.rules.garbled_word import may_be_garbled

    assert may_be_garbled("Regeirung", lexicon_for("de"))
    assert may_be_garbled("المدرشة", lexicon_for("ar"))
    assert not may_be_garbled("政府昨天决定学校明天", lexicon_for("zh"))
