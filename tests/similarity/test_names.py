"""Whether two spellings are one name, and the sound key behind it."""

from __future__ import annotations

import pytest

from mtcheck.similarity.names import same_name
from mtcheck.similarity.phonetic import sound_key


@pytest.mark.parametrize("a, b", [
    ("Vučić", "Vucic"),  # diacritics only
    ("Stoltenberg", "Stoltenbreg"),  # close in spelling
    ("Kurti", "Corti"),  # sound alike, fairly close
    ("Lajčák", "Lejsac"),
    ("Thaçi", "Taci"),
])
def test_same_name(a, b):
    assert same_name(a, b)
    assert same_name(b, a)


@pytest.mark.parametrize("a, b", [("Kurti", "Vulin"), ("Belgrade", "Brussels"), ("Serbia", "Kosovo")])
def test_different_names(a, b):
    assert not same_name(a, b)


def test_sound_key_merges_sibilants_and_drops_later_vowels():
    assert sound_key("Thaçi") == sound_key("Taci")
    assert sound_key("Kurti") == sound_key("Corti")
    assert sound_key("Albin") == "albn"
