"""edge-whitespace: a target that starts or ends with other whitespace than its source (bilingual
files).

User-interface strings are joined to others by the program: "Total: " followed by a number needs
its space in every language, and a line break at the end of a source is the layout's. The
whitespace before the first and after the last visible character of source and target must be the
same characters: a finding where the target's differs (or, where it has none, at its edge).

Fails: "Total: " → "Gesamt:", "Name" → " Name". Passes: "Total: " → "Gesamt: ".
"""

from __future__ import annotations

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span, translated_pairs

_NAMES = {" ": "a space", "\u00a0": "a no-break space", "\t": "a tab", "\n": "a line break", "\r": "a carriage return"}


def described(whitespace: str) -> str:
    """``whitespace`` in words: "nothing", "a space", "a line break, a space" ..."""
    if not whitespace:
        return "nothing"
    return ", ".join(_NAMES.get(char, f"U+{ord(char):04X}") for char in whitespace)


def edges(text: str) -> tuple[str, str]:
    """The whitespace at the start and at the end of ``text`` (all of it when it is only whitespace)."""
    stripped = text.lstrip()
    return text[: len(text) - len(stripped)], stripped[len(stripped.rstrip()):]


def check(ctx: CheckContext):
    for index, pair, target in translated_pairs(ctx, with_source=True):
        (source_start, source_end), (target_start, target_end) = edges(pair.source), edges(target)
        if source_start != target_start:
            yield Hit(target_span(ctx, index, 0, len(target_start)), target_start,
                      f"the source starts with {described(source_start)}, the target with {described(target_start)}")
        if source_end != target_end:
            yield Hit(target_span(ctx, index, len(target) - len(target_end), len(target)), target_end,
                      f"the source ends with {described(source_end)}, the target with {described(target_end)}")


RULE = Rule(
    "edge-whitespace", "Design and markup/Layout", Severity.MINOR,
    "Whitespace at the start or end of a target differs from its source's.", check,
    scope=Scope.PAIRS,
    examples=(
        Example("Gesamt:⟦⟧", source="Total: "),
        Example("⟦ ⟧Name", source="Name"),
        Example("Gesamt: \n\tName", source="Total: \n\tName"),
    ),
)
