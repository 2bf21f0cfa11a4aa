"""number-mismatch: numbers of the source that the target lacks, or adds (bilingual files).

Numbers compare by value in each language's own notation: "1.000,5" in Serbian or German is
"1,000.5" in English, "1 000" (a space, narrow or not, between groups) is 1000 anywhere. Small
numbers written as words count as numbers in the languages that list them (``Language.number_words``: "three" for
"3", "tri" for "3"). Years, percentages and ordinals are numbers like any other.

Fails: "Umrlo je 12 ljudi." → "13 people died."  Passes: "1.000,5 evra" → "1,000.5 euros",
"3 osobe" → "three people".
"""

from __future__ import annotations

import re
from collections import Counter

from mtcheck import languages
from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span
from mtcheck.rules.placeholder_mismatch import PLACEHOLDER

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:(?:[.,]|[ \u00a0\u202f])\d{3})+(?:[.,]\d+)?(?![\w]|[.,]\d)"
                     r"|(?<![\w.,])\d+(?:[.,]\d+)?(?!\w|[.,]\d)")
_WORD = re.compile(r"[^\W\d_]+")


def numbers(text: str, language: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of each number in ``text``, read in ``language``'s notation."""
    known = languages.language(language)
    decimal = "," if known.decimal_comma else "."
    text = PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)  # "{0}" is a placeholder, not a zero
    found = [(_value(m.group(), decimal), m.start(), m.end()) for m in _NUMBER.finditer(text)]
    words = {w: n for n, w in enumerate(known.number_words)}
    found += [(float(words[m.group().casefold()]), m.start(), m.end())
              for m in _WORD.finditer(text) if m.group().casefold() in words]
    return sorted(found, key=lambda item: item[1])


def _value(raw: str, decimal: str) -> float:
    group = "." if decimal == "," else ","
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    whole, separator, fraction = digits.rpartition(decimal)
    if not separator:
        return float(digits.replace(group, ""))
    if len(fraction) == 3 and group not in whole:
        return float(whole + fraction)  # "1.000" in English: read as a thousands group, as people mostly mean it
    return float(whole.replace(group, "") + "." + fraction)


def check(ctx: CheckContext):
    source_language = ctx.source_language or ctx.language
    for index, pair in enumerate(ctx.pairs):
        target = pair.target or ""
        if not target.strip():
            continue
        wanted = Counter(value for value, _, _ in numbers(pair.source, source_language))
        found = numbers(target, ctx.language)
        have = Counter(value for value, _, _ in found)
        for value in sorted((wanted - have).elements()):
            yield Hit(target_span(ctx, index, 0, 0), "", f"the source's number {_shown(value)} is not in the target")
        extra = have - wanted
        for value, start, end in found:
            if extra[value] > 0:
                extra[value] -= 1
                yield Hit(target_span(ctx, index, start, end), target[start:end],
                          f"{target[start:end]!r} is not among the source's numbers")


def _shown(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


RULE = Rule(
    "number-mismatch", "Accuracy/Mistranslation", Severity.MAJOR, "The numbers of source and target differ.", check,
    scope=Scope.PAIRS,
    examples=(
        # A number the target lacks is flagged at the target's start, one it adds where it stands.
        Example("⟦⟧⟦13⟧ people died.", source="Umrlo je 12 ljudi."),
        Example("The price is 1,000.5 euros.", source="Cena je 1.000,5 evra."),
        Example("Three people were injured.", source="Povređene su 3 osobe."),
    ),
)
