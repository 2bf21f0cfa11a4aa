"""untranslated-text: a sentence left in the source language, in either script."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Vučić met Stoltenberg in Belgrade on Tuesday.", []),
    ("Vučić je rekao da Srbija neće priznati nezavisnost Kosova. He left.",
     [("Vučić je rekao da Srbija neće priznati nezavisnost Kosova.", None)]),
    ("Председник Србије је рекао да неће бити признања.", [("Председник Србије је рекао да неће бити признања.", None)]),
    ("The Zajednica srpskih opština was discussed.", []),  # a glossary source form: term-untranslated's business
])
def test_untranslated_text(defects, text, expected):
    assert defects(text, "untranslated-text") == expected
