"""bench/generate.py's realistic family: a tiny corpus, deterministic, with rare words at the real
rate, truth offsets that point at their text, and names that no glossary form is near."""

from __future__ import annotations

import re

import pytest
from rapidfuzz.distance import Indel, Levenshtein

from tests.bench import bench_module


generate = bench_module("generate")

SEED = 7
WORDS = 20_000


@pytest.fixture(scope="module")
def terms():
    return generate.build_terms(200, SEED)


@pytest.fixture(scope="module")
def names(terms):
    return generate.name_pool(terms, SEED, count=300)


@pytest.fixture(scope="module")
def corpus(terms, names):
    return generate.write_corpus(terms, WORDS, f"{SEED}-corpus-test", "realistic", names)


def test_same_seed_same_bytes(terms, names, corpus):
    assert generate.name_pool(terms, SEED, count=300) == names
    again = generate.write_corpus(terms, WORDS, f"{SEED}-corpus-test", "realistic", names)
    assert again[0].encode("utf-8") == corpus[0].encode("utf-8")
    assert again[1] == corpus[1]
    other = generate.write_corpus(terms, WORDS, f"{SEED + 1}-corpus-test", "realistic", names)
    assert other[0] != corpus[0]


def test_rare_words_and_names_at_their_rates(corpus, names):
    text, truth = corpus
    stats = generate._corpus_stats(text, truth, set(names))
    assert 0.015 <= stats["filler_zipf_lt3_share"] <= 0.045  # wordfreq's list: 2.7% of tokens have Zipf < 3
    assert 0.012 <= stats["name_share"] <= 0.03
    assert stats["zipf_lt3_share"] > stats["filler_zipf_lt3_share"]  # planted items and names are rare words


def test_truth_points_at_its_text(corpus):
    text, truth = corpus
    assert {item["kind"] for item in truth} == set(generate.KIND_WEIGHTS)
    for item in truth:
        assert text[item["offset"]:item["offset"] + item["length"]] == item["text"]


def test_names_are_far_from_every_glossary_form(terms, names):
    keys = {generate.bare(f) for t in terms for f in t.forms()}
    words = {w for key in keys for w in re.findall(r"[^\W_]+", key)} - generate.CONNECTOR_WORDS
    assert len(names) == 300
    for name in names:
        key = name.lower()
        assert name[0].isupper() and not generate._names_one_of(key, keys | words)
        for other in keys | words:
            assert Levenshtein.distance(key, other) > 1 and Indel.distance(key, other) > 2, (name, other)
    skeletons = [generate._skeleton(n) for n in names]
    assert len(set(skeletons)) == len(names) and not set(skeletons) & {generate._skeleton(w) for w in words}
    lowered = sorted(n.lower() for n in names)
    assert all(Levenshtein.distance(a, b) > 1 for i, a in enumerate(lowered) for b in lowered[i + 1:])


def test_filler_holds_no_glossary_name_word(terms, corpus):
    text, truth = corpus
    filler = generate._without_planted(text, truth)
    planter_words = {w for t in terms for f in t.forms() for w in re.findall(r"[^\W_]+", generate.bare(f))}
    clashing = planter_words - generate.CONNECTOR_WORDS
    assert not clashing & {w.lower() for w in re.findall(r"[^\W_]+", filler)}
