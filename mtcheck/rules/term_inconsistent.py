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
    by_term = defaultdict(list)
    for match in ctx.matches:
        if counted(match):
            by_term[match.term.id].append(match)
    for matches in by_term.values():
        counts = Counter(m.form.text for m in matches)
        if len(counts) < 2:
            continue
        term = matches[0].term
        dominant = _dominant(counts, term.canonical, [term.canonical, *term.variants])
        for match in matches:
            if match.form.text == dominant:
                continue
            yield Hit(
                Span(match.start, match.end),
                match.text,
                f"'{match.form.text}' is used {_times(counts[match.form.text])}, but this document mostly uses "
                f"'{dominant}' ({_times(counts[dominant])})",
                term=term.id,
                suggestion=match.rendered(dominant),
            )


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


RULE = Rule(
    "term-inconsistent", "terminology", Severity.MINOR,
    "A document uses two or more accepted forms of one term; the less used ones are flagged.", check,
    needs=counted,
)
