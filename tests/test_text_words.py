"""Finding a set of words in a text (mtcheck.text.words_among), as the document-wide rules do."""

from __future__ import annotations

import re

import pytest

from mtcheck.text import words_among


def alternation(text: str, words: set[str]) -> list[tuple[int, str]]:
    """The places an alternation of the words, each whole, finds: what words_among replaces."""
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![^\W_])")
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Kurti met Corti; Corti2 and xCorti are other words, Corti's is Corti.",
    "Vučić i Vucic, Vučićem, „Vučić“, Vučić-Kurti.",
    "Кургин и Кургина. Hunan, Henan\nHenan_x",
])
def test_words_among_finds_what_an_alternation_finds(text):
    words = {"Corti", "Kurti", "Vučić", "Vucic", "Кургин", "Henan", "Hunan"}
    assert [(m.start(), m.group()) for m in words_among(text, words)] == alternation(text, words)


def test_words_among_reads_words_with_combining_marks_whole():
    text = "Vuc\u030cic\u0301 and Vucic"  # decomposed accents: one word, not "Vuc" and "ic"
    assert [m.group() for m in words_among(text, {"Vuc\u030cic\u0301", "Vuc"})] == ["Vuc\u030cic\u0301"]
