"""mtcheck.languages: one place for what the rules and the term index know of each language."""

import Stemmer

from mtcheck.languages import _ENTRIES, Language, language


def test_a_tag_is_known_by_its_primary_subtag():
    assert language("sr-Latn") == language("sr") == language("SR") == language("sr_RS")
    assert language("sr").stemmer == "serbian" and language("de-CH").decimal_comma


def test_an_unknown_language_is_checked_with_the_defaults():
    assert language("xx-Yyyy") == Language("xx")
    assert language(None) == Language("")


def test_every_declared_stemmer_is_one_pystemmer_has():
    stemmers = {entry["stemmer"] for entry in _ENTRIES.values() if "stemmer" in entry}
    assert stemmers and stemmers <= set(Stemmer.algorithms())


def test_number_words_are_case_folded_and_count_from_zero():
    for code in _ENTRIES:
        words = language(code).number_words
        assert all(word == word.casefold() for word in words)
        assert not words or set(range(11)) <= set(words.values())
    assert language("de").number_words["siebzehn"] == 17 and language("hr").number_words["dvije"] == 2
