"""garbled-word: a mangled word and its likely repair; names and rare real words left alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Peleven years after the declaration of independence.", [("Peleven", "Eleven")]),
    ("The presidnet said so.", [("presidnet", "president")]),
    ("Stoltenberg said that Banjska was calm.", []),  # names, and a capital inside a sentence
    ("The anther whops it on the back.", []),  # an inflection of a rare real word
    ("Peleven years later. Peleven more.", []),  # twice: a name, not a garble
])
def test_garbled_word(defects, text, expected):
    assert defects(text, "garbled-word") == expected
