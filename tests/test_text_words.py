"""Finding a set of words in a text (mtcheck.text.words_among), as the document-wide rules do."""

from __future__ import annotations

import re

import pytest

from mtcheck.text import TOKEN_RE, words_among


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


@pytest.mark.parametrize("text", [
    "Kurti, Kurtin und 😀Kurti Kurti.Kurti x Kurti_ _Kurti Kurti2 2Kurti KURTI Kurti",
    "Ku\u0301rti Kurti",  # combining marks: read token by token
    "Kur\u00adti Kurti",  # an invisible character inside a word
    "",
])
def test_words_among_finds_the_tokens_a_scan_finds(text):
    wanted = {"Kurti", "Kurtin", "KURTI", "x", ""}
    scanned = [(m.span(), m.group()) for m in TOKEN_RE.finditer(text) if m.group() in wanted]
    assert [(m.span(), m.group()) for m in words_among(text, wanted)] == scanned
    assert list(words_among(text, {""})) == list(words_among(text, set())) == []
