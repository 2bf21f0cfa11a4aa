"""term-inconsistent: one document mixes a term's canonical form and its variants.

Fails: "the Community of Serb Municipalities ... the Association of Serb Municipalities".
Passes: either form used throughout (short forms such as "CSM" are accepted anywhere).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from mtcheck.glossary.index import WRITTEN_AS_GIVEN
from mtcheck.languages import language
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, replace_with_suggestion


def _dominant(counts: Counter, canonical: str, order: list[str]) -> str:
    return max(counts, key=lambda form: (counts[form], form == canonical, -order.index(form)))


def counted(match) -> bool:
    return _counted(match.form, match.kind)


def _counted(form, kind: str) -> bool:
    return kind in WRITTEN_AS_GIVEN and form.role in ("canonical", "variant")


def check(ctx: CheckContext):
    # Two passes over the matches, counting first: a large archive holds millions of correct
    # terms, and only the occurrences of a term's less used forms are ever reported.
    counts: dict[str, Counter] = defaultdict(Counter)
    terms = {}
    for form, kind in _forms_and_kinds(ctx.matches):
        if _counted(form, kind):
            counts[form.term.id][form.text] += 1
            terms[form.term.id] = form.term
    dominant = {
        term_id: _dominant(forms, terms[term_id].canonical, [terms[term_id].canonical, *terms[term_id].variants])
        for term_id, forms in counts.items() if len(forms) > 1
    }
    if not dominant:
        return
    # Another form written in place of an inflected language's word would need its endings: a person decides.
    fixable = not language(ctx.language).inflects
    for match in ctx.matches:
        best = dominant.get(match.term.id)
        if best is None or not counted(match) or match.form.text == best:
            continue
        used = counts[match.term.id]
        yield Hit(
            Span(match.start, match.end),
            match.text,
            f"'{match.form.text}' is used {_times(used[match.form.text])}, but this document mostly uses "
            f"'{best}' ({_times(used[best])})",
            term=match.term.id,
            suggestion=match.rendered(best) if fixable else best,
            fixable=fixable,
        )


def _forms_and_kinds(matches):
    """(form, kind) of each match: a document's MatchStore gives them without making the matches."""
    if hasattr(matches, "forms_and_kinds"):
        return matches.forms_and_kinds()
    return ((match.form, match.kind) for match in matches)


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


RULE = Rule(
    "term-inconsistent", "Terminology/Inconsistent use of terminology", Severity.MINOR,
    "A document uses two or more accepted forms of one term; the less used ones are flagged.", check,
    scope=Scope.DOCUMENT,
    needs=counted,
    fix=replace_with_suggestion,
    examples=(
        Example("The Community of Serb Municipalities met.\n\nLater the ⟦Association of Serb Municipalities⟧ "
                "said the Community of Serb Municipalities would not."),
        Example("The Association of Serb Municipalities met.\n\nLater the Association of Serb Municipalities "
                "said the CSM would not."),
    ),
)
