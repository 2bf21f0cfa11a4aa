"""The term-forbidden rule: a form the glossary forbids, and the form to use instead."""

from __future__ import annotations

from mtcheck.model import Severity
from tests.conftest import findings


def test_term_forbidden(checker):
    [f] = findings(checker, "the Union of Serbian Municipalities (CSM)", "term-forbidden")
    assert (f.term, f.suggestion, f.category, f.severity) == ("csm", "Community of Serb Municipalities", "terminology", Severity.MAJOR)
    assert findings(checker, "the Community of Serb Municipalities", "term-forbidden") == []
