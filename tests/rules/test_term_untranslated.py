"""The term-untranslated rule: a source-language form left in the translation."""

from __future__ import annotations

from tests.conftest import findings


def test_term_untranslated(checker):
    [f] = findings(checker, "nothing from the ZSO", "term-untranslated")
    assert (f.text, f.term, f.category, f.suggestion) == ("ZSO", "csm", "accuracy", "CSM")  # acronym for acronym
    assert "(sr)" in f.message
    [f] = findings(checker, "nothing from the Zajednica srpskih opština", "term-untranslated")
    assert f.suggestion == "Community of Serb Municipalities"
    assert findings(checker, "nothing from the CSM", "term-untranslated") == []
