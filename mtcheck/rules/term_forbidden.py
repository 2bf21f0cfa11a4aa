"""term-forbidden: a rendering the glossary marks as wrong.

Fails: "the Union of Serbian Municipalities" (forbidden for "Community of Serb Municipalities").
Passes: "the Community of Serb Municipalities".
"""

from __future__ import annotations

from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, replace_with_suggestion, suggestion_for


def check(ctx: CheckContext):
    for match in ctx.matches:
        if match.kind == "exact" and match.form.role == "forbidden":
            found = match.text
            yield Hit(
                Span(match.start, match.end),
                found,
                f"'{found}' is a forbidden rendering of '{match.term.canonical}'",
                term=match.term.id,
                suggestion=suggestion_for(match),
                severity=match.term.severity,
            )


RULE = Rule(
    "term-forbidden", "Terminology/Inconsistent with terminology resource", Severity.MAJOR,
    "A forbidden rendering of a glossary term occurs.", check,
    fix=replace_with_suggestion,
    examples=(
        Example("the ⟦Union of Serbian Municipalities⟧ met on Monday"),
        Example("the ⟦Serbian List⟧ and the ⟦Serbian Republic⟧"),
        Example("the Community of Serb Municipalities met on Monday"),
        Example("the Serb List and Republika Srpska"),
    ),
)
