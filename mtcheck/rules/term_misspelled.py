"""term-misspelled: a near miss of a term: similar to one of its forms, but none of them.

Fails: "Aljbin Kurti" (for "Albin Kurti"), "Vucic" (for "Vučić"), "WSO" (one letter from "ZSO").
Passes: "Albin Kurti", "Vučić", and ordinary words such as "Kurt".
"""

from __future__ import annotations

from mtcheck.glossary.index import WRITTEN_AS_GIVEN, Match
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, replace_with_suggestion, written_fix


def _message(found: str, match: Match) -> str:
    near = match.rendered(match.form.text)
    what = f"'{near}'" if near == match.term.canonical else f"'{near}' ({match.term.canonical})"
    if match.kind == "diacritics":
        return f"'{found}' is {what} without its diacritics"
    if match.kind == "acronym":
        return f"'{found}' is one letter away from {what}"
    return f"'{found}' looks like a misspelling of {what} ({match.score:g}% similar)"


def check(ctx: CheckContext):
    for match in ctx.matches:
        if match.kind not in WRITTEN_AS_GIVEN:
            found = match.text
            suggestion, fixable = written_fix(ctx, match)
            yield Hit(
                Span(match.start, match.end),
                found,
                _message(found, match),
                term=match.term.id,
                suggestion=suggestion,
                severity=match.term.severity,
                fixable=fixable,
            )


RULE = Rule(
    "term-misspelled", "Terminology/Inconsistent with terminology resource", Severity.MAJOR,
    "A misspelled or diacritic-less form of a glossary term.", check,
    fix=replace_with_suggestion,
    examples=(
        Example("⟦Aljbin Kurti⟧ said so"),
        Example("President ⟦Vucic⟧ said so"),
        Example("there is nothing from the ⟦WSO⟧"),  # one letter from the acronym ZSO
        Example("Albin Kurti said so"),
        Example("President Vučić said so"),
        Example("Kurt said so"),
    ),
)
