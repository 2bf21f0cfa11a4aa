"""mtcheck.language_id: which language a sentence reads as, from the languages' frequent words."""

import json

import pytest

from mtcheck.language_id import _DATA, _written, foreign_language, regenerate
from mtcheck.lexicon import lexicon_version


@pytest.mark.parametrize("sentence, target, wanted", [
    ("This is just one example of what we saw", "de", "en"),
    ("Die Rede war kurz und das Publikum war still", "en", "de"),
    ("Vučić je rekao da Srbija neće priznati nezavisnost Kosova", "en", "sh"),
    ("Il faut absolument éviter une nouvelle guerre", "en", "fr"),
    ("Die Rede war kurz und das Publikum war still", "de", None),
    ("In John Donnes No man is an island scheint etwas Wahres zu sein", "de", None),  # a quoted title
    ("Vučić met Stoltenberg in Belgrade on Tuesday", "en", None),
])
def test_a_sentence_reads_as_the_language_of_its_frequent_words(sentence, target, wanted):
    assert foreign_language(sentence.split(), target) == wanted


def test_the_shipped_frequent_words_are_what_the_installed_wordfreq_gives():
    shipped = json.loads(_DATA.read_text(encoding="utf-8"))
    if shipped["wordfreq"] != lexicon_version():
        pytest.skip("another wordfreq version: regenerate with python -m mtcheck.language_id")
    assert _DATA.read_text(encoding="utf-8") == _written(regenerate())


def test_fragments_and_single_shared_words_make_no_language():
    # "t" of "don't" is French and Catalan, "most" Hungarian: one such word is no Hungarian sentence.
    assert foreign_language("Most bees don t perceive red".split(), "en") is None
