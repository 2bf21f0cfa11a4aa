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


def test_a_few_words_compared_one_by_one_find_what_the_neighbourhood_finds(monkeypatch):
    """Few lookups compare each word with the everyday words of nearby lengths; many build a
    Neighbourhood: the two must give the same words (added, dropped, changed and swapped letters)."""
    from mtcheck.lexicon import lexicon_for
    from mtcheck.rules import garbled_word

    everyday = lexicon_for("en").everyday_words
    words = ["presidnet", "peleven", "hte", "stoltenberg", "govenrment", "wether", "tehy", "abcdefg", "sadi"]
    one_by_one = garbled_word._EverydayNear(everyday)
    compared = [sorted(one_by_one.near(word)) for word in words]
    assert one_by_one._neighbourhood is None
    monkeypatch.setattr(garbled_word, "NEIGHBOURHOOD_AFTER", 0)
    by_neighbourhood = garbled_word._EverydayNear(everyday)
    assert [sorted(by_neighbourhood.near(word)) for word in words] == compared
    assert by_neighbourhood._neighbourhood is not None
    assert "president" in compared[0] and "they" in compared[6]


def test_no_letter_below_spaceless_from_is_of_a_script_written_without_spaces():
    """Words whose letters all lie below SPACELESS_FROM are answered without the pattern."""
    from mtcheck.rules.garbled_word import SPACELESS_FROM, _spaceless, _spaceless_pattern

    below = "".join(map(chr, range(1, ord(SPACELESS_FROM))))
    assert _spaceless_pattern().search(below) is None
    assert _spaceless("ภาษาไทย") and _spaceless("政府") and _spaceless("abcかな") and not _spaceless("Vučić")
