"""number-mismatch: numbers read in each language's own notation."""

from __future__ import annotations

import pytest

from mtcheck.rules.number_mismatch import numbers


@pytest.mark.parametrize("text, language, values", [
    ("1.000,5 evra i 3 osobe, 2023. godine, 12,5%", "sr", [1000.5, 3, 2023, 12.5]),
    ("1,000.5 euros and three people, in 2023, 12.5%, 1 000 000", "en", [1000.5, 3, 2023, 12.5, 1_000_000]),
    ("Hello {0}, item %1$s, version 3.5", "en", [3.5]),
    ("tri osobe i jedan pas", "sr", [3, 1]),
])
def test_numbers_read_in_each_languages_notation(text, language, values):
    assert [value for value, _, _ in numbers(text, language)] == values
