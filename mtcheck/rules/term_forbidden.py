"""term-forbidden: a rendering the glossary marks as wrong.

Fails: "the Union of Serbian Municipalities" (forbidden for "Community of Serb Municipalities").
Passes: "the Community of Serb Municipalities".
"""

from __future__ import annotations

from mtcheck.glossary.index import WRITTEN_AS_GIVEN
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, replace_with_suggestion, written_fix


def check(ctx: CheckContext):
    for match in ctx.matches:
        if match.kind in WRITTEN_AS_GIVEN and match.form.role == "forbidden":
            found = match.text
            suggestion, fixable = written_fix(ctx, match)
            yield Hit(
                Span(match.start, match.end),
                found,
                f"'{found}' is a forbidden rendering of '{match.term.canonical}'",
                term=match.term.id,
                suggestion=suggestion,
                severity=match.term.severity,
                fixable=fixable,
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
