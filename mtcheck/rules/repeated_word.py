"""repeated-word: a word written twice in a row ("the the"), also across a line break.

Doubles that English grammar allows ("had had", "that that") and reduplications ("bye bye")
pass. A paragraph break between the two words ends the sentence: it is no repetition.

Fails: "the the meeting", "of\\nof".  Passes: "that that is", "he had had enough".
"""

from __future__ import annotations

import re

from mtcheck.languages import language
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule

# A whole word, the white space after it (one line break at most), and the same word again. Word and
# gap are possessive (++, *+): cut shorter, a word is followed by a letter and a gap by white space,
# never by the word, and trying each cut took a run of n letters or spaces n^2 steps (100,000
# letters: 14 s).
_REPEAT = re.compile(r"(?<![^\W_])([^\W\d_]++)([ \t]*+(?:\r\n|\r|\n)?+[ \t]*+)(\1)(?![^\W_])", re.IGNORECASE)


def check(ctx: CheckContext):
    base, text = ctx.segment
    allowed = language(ctx.language).repeatable  # doubles grammar allows, and reduplications
    for found in _REPEAT.finditer(text):
        first, _, second = found.group(1, 2, 3)
        if first.casefold() in allowed:
            continue
        if first != second and not _same_but_capital(first, second) or first[:1].isupper() and first == second:
            continue  # "Walla Walla", "Bora Bora": names double on purpose
        yield Hit(Span(base + found.start(3), base + found.end(3)), second, f"'{second}' is repeated")


def _same_but_capital(first: str, second: str) -> bool:
    """'The the': a sentence-initial capital on the first."""
    return first[:1].isupper() and first[1:] == second[1:] and second[:1].islower()


RULE = Rule(
    "repeated-word", "Linguistic conventions/Grammar", Severity.MINOR, "A word is written twice in a row.", check,
    examples=(
        Example("the ⟦the⟧ meeting"),
        Example("The ⟦the⟧ meeting"),
        Example("a session of\n⟦of⟧ the assembly"),
        Example("that that is, he had had enough"),
        Example("Bora Bora and Walla Walla"),
        Example("the end.\n\nThe next"),
    ),
)
