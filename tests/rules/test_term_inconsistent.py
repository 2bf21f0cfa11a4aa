"""The term-inconsistent rule: one term written in two of its accepted forms in a document."""

from __future__ import annotations

from mtcheck.model import Severity
from tests.conftest import findings


def test_term_inconsistent_flags_the_less_used_form(checker):
    text = ("The Community of Serb Municipalities ... the Community of Serb Municipalities ... "
            "the Association of Serb Municipalities ... the CSM")
    [f] = findings(checker, text, "term-inconsistent")
    assert (f.text, f.suggestion, f.severity) == ("Association of Serb Municipalities", "Community of Serb Municipalities", Severity.MINOR)


def test_term_inconsistent_prefers_canonical_on_ties_and_ignores_short_forms(checker):
    [f] = findings(checker, "the Kosovo Force and KFOR", "term-inconsistent")
    assert (f.text, f.suggestion) == ("Kosovo Force", "KFOR")
    assert findings(checker, "Albin Kurti ... Kurti ... Kurti", "term-inconsistent") == []
    assert findings(checker, "the Kosovo Force, the Kosovo Force", "term-inconsistent") == []
