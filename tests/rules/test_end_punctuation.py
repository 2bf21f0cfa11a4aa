"""end-punctuation: a target ends as its source does, in each language's marks."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("source, target, language", [
    ("Thank you.", "Danke!", "de"),
    ("Introduction", "Einführung", "de"),
    ("Now why does it do this, I hear you ask.", 'Sie fragen sich: "Warum tut er das?"', "de"),
    ("How are you?", "你好吗？", "zh"),
    ("How are you?", "Τι κάνεις;", "el"),
    ("How are you?", "كيف حالك؟", "ar"),
    ("What now...", "Was nun…", "de"),
])
def test_the_same_ending_in_each_language_s_marks_passes(pair_findings, source, target, language):
    assert pair_findings("end-punctuation", [(source, target)], language=language) == []


@pytest.mark.parametrize("source, target, language, message", [
    ("The file was saved.", "Die Datei wurde gespeichert", "de", "a sentence end, the target with no end punctuation"),
    ("Name", "Name:", "de", "no end punctuation, the target with a colon"),
    ("Ready?", "Bereit.", "de", "a question mark, the target with a sentence end"),
    ("How are you?", "Τι κάνεις.", "el", "a question mark, the target with a sentence end"),
    ("Are you ready?", "Sind Sie bereit;", "de", "a question mark, the target with no end punctuation"),  # ";" is Greek's
])
def test_a_different_ending_is_flagged(pair_findings, source, target, language, message):
    [(_, _, found)] = pair_findings("end-punctuation", [(source, target)], language=language)
    assert found == f"the source ends with {message}"
