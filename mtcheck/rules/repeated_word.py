"""repeated-word: a word written twice in a row ("the the"), also across a line break.

Doubles that the language's grammar allows pass, from the language's data (``Language.repeatable``):
English "had had", "that that" and reduplications ("bye bye"), German "die die" (a relative
pronoun before an article) and "Sie sie", French "nous nous", Dutch "dat dat", Serbian "je je".
A paragraph break between the two words ends the sentence: it is no repetition.

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
        # Each language's grammar: a relative pronoun before an article, a pronoun before a pronoun, a reflexive.
        Example("Eine Pflanze, die die erste nachahmt. Programmieren Sie sie, dann rollt es es weg.", language="de"),
        Example("Das ist ⟦ist⟧ unsere Vorstellung, ein Ball von ⟦von⟧ sechs Kilometern.", language="de"),
        Example("Nous nous sommes levés, vous vous êtes assis.", language="fr"),
        Example("Nous avons ⟦avons⟧ vu le ⟦le⟧ film.", language="fr"),
        Example("Het boek dat dat kind las.", language="nl"),
        Example("Vidio je je juče.", language="sr"),
        Example("Я знаю, что что-то не так.", language="ru"),
        Example("the die ⟦die⟧ is cast"),  # English has no "die die"
    ),
)
