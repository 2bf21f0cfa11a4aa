"""end-punctuation: a source that ends a sentence with ". ! ? : …" and a target that does not, or
the reverse, or a question made a statement (bilingual files).

Each language's marks are its own (``languages.Language.end_marks``): "。！？" in Chinese and
Japanese, "؟" in Arabic, ";" as the Greek question mark; Spanish "¿¡" open a sentence and are not
read here. Closing quotes and brackets after the mark do not count ("He said “Hi.”", "„Hallo“.").

What is compared is what a reader sees: whether the segment ends as a sentence, as a question and
with a colon (a label or the lead-in to a list). A full stop for an exclamation mark or an ellipsis
is the translator's choice of tone and passes.

Fails: "Hello." → "Hallo", "Name" → "Name:", "Ready?" → "Bereit.". Passes: "Thank you." → "Danke!",
"Introduction" → "Einführung", "你好。" for "Hello.".
"""

from __future__ import annotations

from mtcheck.languages import language
from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span, translated_pairs

# Closing quotes and brackets that may follow a sentence's mark, or stand before it.
CLOSERS = "\"'”’»«›‹“)]}」』）"
SENTENCE_ENDS = frozenset({"stop", "question", "exclamation", "ellipsis"})


def ending(text: str, marks) -> tuple[int, str, bool]:
    """(where the final marks start, the marks, whether a quote or bracket closes after them) of
    ``text`` without its trailing whitespace and closers."""
    end = len(text.rstrip())
    closed = False
    while end and text[end - 1] in CLOSERS:
        end, closed = len(text[: end - 1].rstrip()), True
    start = end
    while start and text[start - 1] in marks:
        start -= 1
    return start, text[start:end], closed


def what_it_says(final: str, closed: bool, marks) -> frozenset[str]:
    """What a segment's final marks say: a sentence ends, a question, a colon; "..." is an ellipsis.
    Marks inside a closing quote or bracket are the quotation's: they end a sentence, but the
    question ('You ask: "Why?"') is not the segment's."""
    kinds = {marks[char] for char in final}
    if "..." in final:
        kinds.add("ellipsis")
    said = set()
    if kinds & SENTENCE_ENDS:
        said.add("sentence")
    if not closed:
        said.update(kinds & {"question", "colon"})
    return frozenset(said)


def described(said: frozenset[str]) -> str:
    if "question" in said:
        return "a question mark"
    if "colon" in said:
        return "a colon"
    return "a sentence end" if said else "no end punctuation"


def check(ctx: CheckContext):
    source_marks, target_marks = language(ctx.source_language).end_marks, language(ctx.language).end_marks
    for index, pair, target in translated_pairs(ctx, with_source=True):
        _, source_final, source_closed = ending(pair.source, source_marks)
        source_said = what_it_says(source_final, source_closed, source_marks)
        start, final, closed = ending(target, target_marks)
        target_said = what_it_says(final, closed, target_marks)
        if source_said != target_said:
            yield Hit(target_span(ctx, index, start, start + len(final)), final,
                      f"the source ends with {described(source_said)}, the target with {described(target_said)}")


RULE = Rule(
    "end-punctuation", "Linguistic conventions/Punctuation", Severity.MINOR,
    "A target that ends with other punctuation than its source: a full stop, question mark or colon.", check,
    scope=Scope.PAIRS,
    examples=(
        # A mark the target lacks is flagged where it would stand, one it adds or changes where it stands.
        Example("Hallo⟦⟧\nName⟦:⟧\nBereit⟦.⟧", source="Hello.\nName\nReady?"),
        Example("Danke!\nEinführung\nEr sagte: „Hallo“.\nWas nun...\nFertig:", source="Thank you.\nIntroduction\n"
                'He said: "Hello."\nWhat now…\nDone:'),
        # The question is the quotation's (WMT21 TED, the human reference).
        Example('Sie fragen sich: "Warum tut er das?"', source="Now why does it do this, I hear you ask."),
        Example("你好。\n你好吗？", source="Hello.\nHow are you?", language="zh", source_language="en"),
        Example("Τι κάνεις;", source="How are you?", language="el", source_language="en"),
        Example("Τι κάνεις⟦.⟧", source="How are you?", language="el", source_language="en"),
        Example("¿Qué tal?", source="How are you?", language="es", source_language="en"),
    ),
)
