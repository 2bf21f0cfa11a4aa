"""quote-balance: a quote or bracket left open, or closed with none open."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("He said: “we will not form it.", [("“", None)]),
    ("the CSM (the Community", [("(", None)]),
    ("a) first\n1) second\nsmile :) and a stray ] here", [("]", None)]),
    ("“Yes,” he said (twice) [sic].", []),
    ("“A quote that runs on\n\n“and on,” she said.", []),  # the multi-paragraph convention
    ('He said "yes" and "no.', [('"', None)]),
])
def test_quote_balance(defects, text, expected):
    assert defects(text, "quote-balance") == expected
