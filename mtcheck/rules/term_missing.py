"""term-missing: a glossary term in a segment's source that its target does not render
(bilingual files).

A term counts as named in the source when one of its ``source`` forms occurs there. The target
renders it with any of the term's accepted forms: canonical, variants, short forms, and their
inflections and near misses that the term index finds ("Kurtija" for "Kurti"). A target that
renders the term wrongly (a forbidden or misspelled form) is left to the rules that report those.

Fails: "Zajednica srpskih opština je ..." → "The association is ...".
Passes: "Zajednica srpskih opština je ..." → "The Community of Serb Municipalities is ...".
"""

from __future__ import annotations

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span, translated_pairs


def check(ctx: CheckContext):
    if ctx.index is None:
        return
    for index, pair, target in translated_pairs(ctx):
        named = {}
        for match in ctx.index.find(pair.source):
            if match.form.role == "source" and match.kind in ("exact", "diacritics", "inflected"):
                named.setdefault(match.term.id, match)
        if not named:
            continue
        rendered = {match.term.id for match in ctx.index.find(target)}
        for term_id, match in named.items():
            if term_id not in rendered:
                yield Hit(target_span(ctx, index), target,
                          f"the source names '{match.text}', but the target has no form of '{match.term.canonical}'",
                          term=term_id, severity=match.term.severity)


RULE = Rule(
    "term-missing", "Terminology/Inconsistent with terminology resource", Severity.MAJOR,
    "A glossary term in the source that the target does not render.", check,
    scope=Scope.PAIRS,
    examples=(
        Example("⟦The association is the topic of the meeting.⟧",
                source="Zajednica srpskih opština je tema sastanka."),
        Example("The Community of Serb Municipalities is the topic of the meeting.",
                source="Zajednica srpskih opština je tema sastanka."),
        Example("The CSM is the topic of the meeting.", source="Zajednica srpskih opština je tema sastanka."),
    ),
)
