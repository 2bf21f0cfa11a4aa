"""spacing: missing, doubled and stray spaces around punctuation; URLs, numbers and smileys left alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Follow us on Facebook,Twitter and Viber.", [(",", None)]),
    ("It ended.The next day began.", [(".", None)]),
    ("the  meeting", [("  ", None)]),
    ("he said , then left", [(",", None)]),
    ("Over 1,000 people; see bbc.com/news,today or mail a.b@c.org,now. Done.  Next: 3.5 p.m. (at 10:30)!", []),
    ("Well... maybe :) or not?", []),
])
def test_spacing(defects, text, expected):
    assert defects(text, "spacing") == expected
