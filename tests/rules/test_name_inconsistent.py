"""The name-inconsistent rule: one name spelt two ways in a document; inflections of one word are not
two spellings of a name."""

from __future__ import annotations

import pytest

from mtcheck.rules.name_inconsistent import _stemming, inflected
from tests.conftest import findings


def test_name_inconsistent(checker):
    text = ("Miroslav Lajčák arrived. Lajčák spoke. Lejsac left. Thaçi resigned; Taci denied it; Thaçi spoke. "
            "Kurti met Corti. Kurti left.")
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
])
def test_german_inflections_are_one_word(a, b, same):
    assert inflected(a, b, _stemming("de")) is same


def test_a_language_without_a_stemmer_compares_spellings_only():
    assert _stemming("en") is None and not inflected("Serbs", "Serb", None)
