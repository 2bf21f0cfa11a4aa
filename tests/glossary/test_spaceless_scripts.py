"""Terms of scripts written without spaces (Chinese, Japanese, Thai) are found inside running text,
and such text counts words by a documented convention (mtcheck.text.word_count)."""

from __future__ import annotations

import pytest

from mtcheck import check_text, load_glossaries
from mtcheck.text import count_words
from tests.conftest import ROOT

ZH = str(ROOT / "tests" / "data" / "languages" / "zh.yaml")


def term_findings(text: str) -> list[tuple[str, int, str]]:
    result = check_text(text, load_glossaries([ZH]))
    return [(f.rule, f.offset, f.text) for f in result.findings if f.rule.startswith("term-")]


def test_a_forbidden_term_inside_a_chinese_sentence_is_found_at_its_place():
    text = "我们更换了刹车皮和轮胎。"
    assert term_findings(text) == [("term-forbidden", 5, "刹车皮")]


def test_the_canonical_term_inside_a_sentence_is_no_finding():
    assert term_findings("我们更换了刹车片和轮胎。") == []


def test_a_japanese_term_in_kana_is_found_between_other_kana():
    assert term_findings("わたしはとうきょうえきにいきます。") == [("term-forbidden", 4, "とうきょうえき")]


@pytest.mark.parametrize("text, words", [
    ("我们更换了刹车皮和轮胎。", 8),  # 11 Han characters / 1.5, rounded up
    ("GDP增长了", 1 + 2),  # the Latin letters glued to the run count as a word of their own
    ("ภาษาไทยง่ายนิดเดียว", 4),  # 19 Thai characters / 5, rounded up
    ("The brake pads are new.", 5),  # spaced scripts: one word per token, as before
])
def test_words_of_scripts_without_spaces_count_by_characters(text, words):
    assert count_words(text) == words


def test_the_report_counts_a_chinese_paragraph_as_more_than_three_words():
    paragraph = "今天上午，欧洲中央银行宣布加息。市场反应平稳，专家表示这一决定符合预期。"
    assert check_text(paragraph, load_glossaries([ZH])).words == 3 + 7 + 4 + 8  # four runs between the punctuation
