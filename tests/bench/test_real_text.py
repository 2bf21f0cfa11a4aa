"""bench/real_text.py's planting into real text: items go in after a word, before the punctuation
that follows it, the truth points at them, nothing else changes, and a seed gives one planting."""

from __future__ import annotations

import re

from tests.bench import bench_module

for _name in ("generate", "accuracy", "measure", "mqm_precision"):
    bench_module(_name)  # real_text imports them by plain name
real_text = bench_module("real_text")

TEXTS = ["So we said, and it was (mostly) true: the day's news don't travel far. " * 40,
         "Another talk, with well-known words – and a dash. " * 30]


def terms():
    import generate
    return generate.build_terms(60, 5)


def test_items_go_in_after_words_and_the_truth_points_at_them():
    text, truth = real_text.plant(TEXTS, terms(), seed=5, rounds=2)
    assert len(truth) * 20 <= len(real_text.WORD_RE.findall(text)) <= len(truth) * 70
    pieces, at = [], 0
    for item in truth:
        start, end = item["offset"], item["offset"] + item["length"]
        assert text[start:end] == item["text"]
        assert text[start - 1] == " " and re.match(r"\w", text[start - 2])  # after a word and a space
        assert end == len(text) or not re.match(r"\w", text[end])  # never glued to the next word
        pieces.append(text[at:start - 1])
        at = end
    assert "".join(pieces) + text[at:] == "".join(t + "\n\n" for t in TEXTS * 2)


def test_same_seed_same_planting():
    assert real_text.plant(TEXTS, terms(), seed=5, rounds=1) == real_text.plant(TEXTS, terms(), seed=5, rounds=1)
    assert real_text.plant(TEXTS, terms(), seed=6, rounds=1) != real_text.plant(TEXTS, terms(), seed=5, rounds=1)
