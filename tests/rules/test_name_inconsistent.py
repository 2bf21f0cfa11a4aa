"""name-inconsistent: inflections of one word are not two spellings of a name."""

import pytest

from mtcheck.rules.name_inconsistent import _stemming, inflected


@pytest.mark.parametrize("a, b, same", [
    ("Eisberge", "Eisberg", True), ("Eisbergs", "Eisberg", True), ("Multiversums", "Multiversum", True),
    ("Kolibris", "Kolibri", True), ("Teleskops", "Teleskope", True), ("Gefällen", "Gefälles", True),
    ("Kurti", "Corti", False), ("Wurzelstock", "Wurzelstück", False),
])
def test_german_inflections_are_one_word(a, b, same):
    assert inflected(a, b, _stemming("de")) is same


def test_a_language_without_a_stemmer_compares_spellings_only():
    assert _stemming("en") is None and not inflected("Serbs", "Serb", None)
