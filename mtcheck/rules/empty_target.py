"""empty-target: a segment whose source has text and whose target has none (bilingual files).

Fails: source "The meeting ended." with target "".  Passes: both empty, or both filled.
"""

from __future__ import annotations

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span


def check(ctx: CheckContext):
    for index, pair in enumerate(ctx.pairs):
        if pair.source.strip() and not (pair.target or "").strip():
            span = target_span(ctx, index)
            yield Hit(span, "", "the source has text, the target has none" + (" (no target)" if pair.target is None else ""))


RULE = Rule(
    "empty-target", "Accuracy/Omission", Severity.MAJOR, "A segment with a source and no target.", check,
    scope=Scope.PAIRS,
    examples=(
        Example("⟦⟧\nHello.", source="The meeting ended.\nZdravo."),
        Example("\nHello.", source="\nZdravo."),
        Example("Sastanak je završen.\nHello.", source="The meeting ended.\nZdravo."),
    ),
)
