"""Forms and matches: the order forms sharing a key are tried in, and plural renderings."""

from __future__ import annotations

from mtcheck.glossary.index.forms import ROLE_ORDER, Form, Match, role_rank
from mtcheck.model import Term


def form(role: str, text: str) -> Form:
    return Form(0, Term(id="t", canonical="Kosovo Force", glossary="g"), text, role, text.lower(), text, False)


def test_forms_sharing_a_key_are_tried_canonical_first_then_by_text():
    forms = [form("forbidden", "a"), form("variant", "b"), form("canonical", "c"), form("variant", "a")]
    assert [(f.role, f.text) for f in sorted(forms, key=role_rank)] == [
        ("canonical", "c"), ("variant", "a"), ("variant", "b"), ("forbidden", "a")]
    assert ROLE_ORDER[0] == "canonical"


def test_a_match_renders_its_plural_ending():
    match = Match(0, 5, form("canonical", "KFOR"), "exact", "KFORs", suffix="s")
    assert match.term.id == "t"
    assert match.rendered("Kosovo Force") == "Kosovo Forces"
    assert match.score == 100.0
