"""initial-capital: a target starts in the case its source starts in, where that is an error."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("source, target, language", [
    ("house prices", "Hauspreise", "de"),  # German nouns have capitals
    ("iPhone sales", "iPhone-Verkäufe", "de"),
    ("42 items", "42 Artikel", "de"),
    ("How are you?", "¿qué tal?", "es"),  # punctuation first
    ("{0} files", "{0} fichiers", "fr"),
    ("hello", "你好", "zh"),  # no case
    ("Good day", "Добрый день", "ru"),
])
def test_passes(pair_findings, source, target, language):
    assert pair_findings("initial-capital", [(source, target)], language=language) == []


@pytest.mark.parametrize("source, target, language, letter", [
    ("And in the time since Galileo", "und in der Zeit, seit Galileo", "de", "u"),  # WMT21 TED reference
    ("open file", "Ouvrir le fichier", "fr", "O"),
    ("Good day", "добрый день", "ru", "д"),
])
def test_flagged(pair_findings, source, target, language, letter):
    assert [text for _, text, _ in pair_findings("initial-capital", [(source, target)], language=language)] == [letter]
