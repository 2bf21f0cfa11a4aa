"""The one-edit neighbourhood index the term index, garbled-word and name-inconsistent share."""

from __future__ import annotations

import pickle
import random

import pytest
from rapidfuzz.distance import OSA

from mtcheck.similarity.neighbourhood import CompactNeighbourhood, Neighbourhood, deletions, one_edit_keys

WORDS = ["stoltenberg", "kurti", "corti", "vucic", "belgrade", "government", "eleven", "even", "seven", "abc"]


def test_deletions_and_keys():
    assert deletions("abc") == {"bc", "ac", "ab"}
    assert deletions("aab") == {"ab", "aa"}
    assert one_edit_keys("abc") == {"abc", "bc", "ac", "ab"}
    assert one_edit_keys("") == {""}


@pytest.mark.parametrize("query, expected", [
    ("stoltenbreg", "stoltenberg"),  # two letters swapped
    ("goverment", "government"),  # a letter missing
    ("peleven", "eleven"),  # a letter too many
    ("kurta", "kurti"),  # a letter changed
])
def test_every_word_one_edit_away_is_near(query, expected):
    for neighbourhood in (Neighbourhood(WORDS), Neighbourhood(WORDS).compact()):
        assert expected in neighbourhood.near(query)


def test_near_is_a_superset_of_the_words_one_edit_away():
    rng = random.Random(16)
    words = sorted({"".join(rng.choice("abcde") for _ in range(rng.randint(2, 6))) for _ in range(300)})
    neighbourhood = Neighbourhood(words)
    compact = neighbourhood.compact()
    for query in words[:100] + ["abcab", "eeeee", "a"]:
        within_one = {w for w in words if OSA.distance(w, query) <= 1}
        assert within_one <= neighbourhood.near(query)
        assert within_one <= compact.near(query)
        assert neighbourhood.near(query) == compact.near(query)  # CRC-32 collisions are unlikely among these few


def test_a_shared_key_is_only_a_candidate():
    assert "bca" in Neighbourhood(["bca"]).near("abc")  # they share "bc", two edits apart


def test_keyed_as_files_a_word_under_another_spelling():
    neighbourhood = Neighbourhood()
    neighbourhood.add("Vučić", keyed_as="vucic")
    neighbourhood.add("Vucic", keyed_as="vucic")
    assert neighbourhood.near("vucic") == {"Vučić", "Vucic"}
    assert ["Vučić", "Vucic"] in list(neighbourhood.blocks())


def test_blocks_keep_each_addition():
    neighbourhood = Neighbourhood(["ab", "ab"])
    assert all(block == ["ab", "ab"] for block in neighbourhood.blocks())


def test_compact_neighbourhood_pickles_by_its_arrays():
    compact = Neighbourhood(WORDS).compact()
    assert isinstance(compact, CompactNeighbourhood)
    restored = pickle.loads(pickle.dumps(compact, protocol=pickle.HIGHEST_PROTOCOL))
    assert restored.near("kurta") == compact.near("kurta")
    assert set(vars(restored)) == {"_words", "_hashes", "_numbers", "_lookups", "_present"}
    assert restored._present is None  # a process builds its own set of hashes, when it pays


def test_compact_neighbourhood_finds_the_same_words_once_its_hashes_are_a_set(monkeypatch):
    import mtcheck.similarity.neighbourhood as module
    monkeypatch.setattr(module, "PRESENCE_AFTER", 3)
    compact = Neighbourhood(WORDS).compact()
    probes = ["kurta", "kurti", "vucic", "zzzz", "kurt"]
    by_search = [compact.near(word) for word in probes]
    assert compact._present is not None  # built after three lookups
    assert [compact.near(word) for word in probes] == by_search == [Neighbourhood(WORDS).near(w) for w in probes]
    pickled = pickle.loads(pickle.dumps(compact))
    assert pickled._present is None and pickled._lookups == 0
