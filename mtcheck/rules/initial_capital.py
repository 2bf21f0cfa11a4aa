"""initial-capital: a target that starts in lower case where its source starts with a capital, or
the reverse (bilingual files).

Only letters of scripts with case are compared (Latin, Greek, Cyrillic, ...), and only when both
source and target start with a letter: a digit, punctuation ("¿", "«", "(") or a placeholder first
says nothing of the sentence's case.

Which direction is an error depends on the target language. A source that starts a sentence (a
capital) wants a target that starts one. A source in lower case is a fragment, a label or a word
like "iPhone", and its target may still rightly start with a capital where the language writes its
nouns so (German "house prices" → "Hauspreise"), so that direction is flagged only in other languages.

Fails: "Hello" → "hallo", "open file" → "Ouvrir le fichier" (French). Passes: "house prices" →
"Hauspreise" (German), "iPhone" → "iPhone", "42 items" → "42 Artikel".
"""

from __future__ import annotations

from mtcheck.languages import language
from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span


def first_letter(text: str) -> tuple[int, str] | None:
    """(where, which) of the first character of ``text`` after its whitespace, when it is a letter
    with case; None when it is anything else."""
    start = len(text) - len(text.lstrip())
    if start == len(text):
        return None
    char = text[start]
    return (start, char) if char.isupper() or char.islower() else None


def check(ctx: CheckContext):
    nouns_capitalised = language(ctx.language).capitalises_nouns
    for index, pair in enumerate(ctx.pairs):
        source_first, target_first = first_letter(pair.source), first_letter(pair.target or "")
        if source_first is None or target_first is None:
            continue
        at, letter = target_first
        if source_first[1].isupper() and letter.islower():
            yield Hit(target_span(ctx, index, at, at + 1), letter,
                      "the source starts with a capital letter, the target in lower case")
        elif source_first[1].islower() and letter.isupper() and not nouns_capitalised:
            yield Hit(target_span(ctx, index, at, at + 1), letter,
                      "the source starts in lower case, the target with a capital letter")


RULE = Rule(
    "initial-capital", "Linguistic conventions/Spelling", Severity.MINOR,
    "A target that starts in lower case where its source starts with a capital, or the reverse.", check,
    scope=Scope.PAIRS,
    examples=(
        Example("⟦h⟧allo", source="Hello", language="de", source_language="en"),
        Example("⟦O⟧uvrir le fichier", source="open file", language="fr", source_language="en"),
        Example("Hauspreise\niPhone\n42 Artikel\n¿qué tal?\n{0} Dateien\nДобрый день",
                source="house prices\niPhone\n42 items\nHow are you?\n{0} files\nGood afternoon",
                language="de", source_language="en"),
        Example("你好", source="hello", language="zh", source_language="en"),
    ),
)
