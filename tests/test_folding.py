"""The bare text's character table (mtcheck.folding)."""

from __future__ import annotations

import unicodedata

from mtcheck.folding import _UNDECOMPOSED_LETTERS, _tables, strip_diacritics


def test_the_quick_test_of_the_table_skips_only_characters_that_stay_themselves():
    """The table skips a character already in NFD (and not đ, ł, ø...) without stripping it: each
    such character must come out of ``strip_diacritics`` as it went in."""
    for code in range(0x80, 0x2100):
        c = chr(code)
        if unicodedata.is_normalized("NFD", c) and c not in _UNDECOMPOSED_LETTERS and not unicodedata.combining(c):
            assert strip_diacritics(c) == c, hex(code)
    bare, _, _ = _tables()
    assert bare["é"] == "e" and bare["đ"] == "d" and bare["\u2013"] == "-" and "a" not in bare
