"""repeated-word: a word doubled within a sentence; deliberate doublings left alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("We met at the the meeting.", [("the", None)]),
    ("The the meeting, and of\nof course.", [("the", None), ("of", None)]),
    ("He had had enough, and that that is so. Bye bye.", []),
    ("Walla Walla is a town.\n\nTown town.", [("town", None)]),
    ("The end\n\nthe start", []),  # a paragraph break ends the sentence
])
def test_repeated_word(defects, text, expected):
    assert defects(text, "repeated-word") == expected
