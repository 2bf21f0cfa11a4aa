"""term-inconsistent: one document mixes a term's canonical form and its variants.

Fails: "the Community of Serb Municipalities ... the Association of Serb Municipalities".
Passes: either form used throughout (short forms such as "CSM" are accepted anywhere).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Rule


def _dominant(counts: Counter, canonical: str, order: list[str]) -> str:
    return max(counts, key=lambda form: (counts[form], form == canonical, -order.index(form)))


def counted(match) -> bool:
    return match.kind == "exact" and match.form.role in ("canonical", "variant")


def check(ctx: CheckContext):
    # Two passes over the matches, counting first: a large archive holds millions of correct
    # terms, and only the occurrences of a term's less used forms are ever reported.
    counts: dict[str, Counter] = defaultdict(Counter)
    terms = {}
    for match in ctx.matches:
        if counted(match):
            counts[match.term.id][match.form.text] += 1
            terms[match.term.id] = match.term
    dominant = {
        term_id: _dominant(forms, terms[term_id].canonical, [terms[term_id].canonical, *terms[term_id].variants])
        for term_id, forms in counts.items() if len(forms) > 1
    }
    if not dominant:
        return
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
            suggestion=match.rendered(best),
        )


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


RULE = Rule(
    "term-inconsistent", "Terminology/Inconsistent use of terminology", Severity.MINOR,
    "A document uses two or more accepted forms of one term; the less used ones are flagged.", check,
    needs=counted,
)
