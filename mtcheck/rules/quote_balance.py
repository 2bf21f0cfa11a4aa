"""quote-balance: a quotation mark or bracket that opens and never closes, or closes and never
opened, within a paragraph.

A quotation that runs over several paragraphs leaves each but the last open and opens the next
one again (the English convention): that passes. Single quotes are not counted: "’" is also the
apostrophe. Enumerations ("1)", "a)") at a line's start and smileys pass.

At most MOST_PER_PARAGRAPH marks of a paragraph are reported; the last says how many more it holds.

Fails: "He said: “we will not form it.", "(the CSM".  Passes: "“Yes,” he said (twice)."
"""

from __future__ import annotations

import re

from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, Scope
from mtcheck.text import document_paragraphs

# Opener -> closer, in every language's convention: English “…”, German „…“ and »…«, French and
# Swiss «…». A mark that closes one pair and opens another ("“", "«", "»") closes the open pair
# that expects it, else opens: so each convention balances, and none needs the document's language.
PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "„": "“", "«": "»", "»": "«"}
LABEL_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SMILEY = re.compile(r"[:;=8][-^']?$")
SMILEY_REACH = 3  # a smiley's eyes and nose, and a line break after them (where "$" also matches)
_MARKS = re.compile(r"[()\[\]{}“”«»„\"]")


def check(ctx: CheckContext):
    # Document-wide, paragraph by paragraph: whether a paragraph's open quotation goes on depends
    # on the next paragraph, which may lie in the next segment of a long document.
    held: list[tuple[int, str]] = []  # paragraphs waiting for the first character of the next text
    for offset, paragraph in document_paragraphs(ctx.document.segments()):
        first = paragraph.lstrip()[:1]
        if first:
            for at, text in held:
                yield from _hits(at, text, continued=first == "“")
            held = []
        held.append((offset, paragraph))
    for at, text in held:
        yield from _hits(at, text, continued=False)


# A paragraph with more unbalanced marks than this is not prose with a slip but markup, code or
# scraping debris: its first few are reported and the last of them says how many more there are,
# instead of one finding per mark (a run of 200,000 "(" gave 200,000 findings, burying the rest).
MOST_PER_PARAGRAPH = 10


def _hits(offset: int, paragraph: str, continued: bool):
    unbalanced = list(_unbalanced(paragraph, 0, len(paragraph), continued))
    reported = unbalanced[:MOST_PER_PARAGRAPH]
    for number, (at, mark, problem) in enumerate(reported, 1):
        if number == MOST_PER_PARAGRAPH and len(unbalanced) > number:
            problem += f" (and {len(unbalanced) - number:,} more unbalanced marks in it, not reported one by one)"
        yield Hit(Span(offset + at, offset + at + 1), mark, problem)


def _unbalanced(text: str, start: int, end: int, continued: bool):
    """(offset, mark, problem) of each mark left unmatched in text[start:end]."""
    stack: list[tuple[int, str]] = []
    straight: list[int] = []
    for found in _MARKS.finditer(text, start, end):
        mark, at = found.group(), found.start()
        if mark == '"':
            straight.append(at)
        elif stack and PAIRS[stack[-1][1]] == mark:
            stack.pop()
        elif mark in PAIRS:
            stack.append((at, mark))
        elif not (mark == ")" and (_follows_a_label(text, start, at) or _SMILEY.search(text, max(start, at - SMILEY_REACH), at))):
            yield at, mark, f"'{mark}' closes what was never opened in this paragraph"
    for at, mark in stack:
        if not (mark == "“" and continued):
            yield at, mark, f"'{mark}' is never closed in this paragraph"
    if len(straight) % 2:
        yield straight[-1], '"', "an odd number of '\"' in this paragraph"


def _follows_a_label(text: str, start: int, at: int) -> bool:
    """Whether the ")" at ``at`` closes an enumeration label ("1)", "b)"): up to three letters or
    digits alone at a line's start, maybe indented, right before it or before a line break right
    before it. Looked up backwards from ``at``, so that a paragraph of 100,000 ")" costs time in
    proportion to its length (a regex searching from the paragraph's start took minutes)."""
    ends = (at, at - 1) if at - 1 >= start and text[at - 1] == "\n" else (at,)
    return any(_label_line_ends_at(text, start, end) for end in ends)


def _label_line_ends_at(text: str, start: int, end: int) -> bool:
    label = end
    while label > start and end - label < 4 and text[label - 1] in LABEL_CHARACTERS:
        label -= 1
    if not 1 <= end - label <= 3:
        return False
    line = label
    while line > start and text[line - 1] in " \t":
        line -= 1
    return line == 0 or text[line - 1] == "\n"


RULE = Rule(
    "quote-balance", "Linguistic conventions/Punctuation", Severity.MINOR,
    "A quotation mark or bracket opens without closing, or closes without opening, in a paragraph.", check,
    scope=Scope.DOCUMENT,  # it reads the text paragraph by paragraph, no matches
    examples=(
        Example("He said: ⟦“⟧we will not form it."),
        Example("⟦(⟧the CSM"),
        Example("the CSM⟦)⟧ said"),
        Example("“Yes,” he said (twice)."),
        Example("“The first paragraph goes on.\n\n“And ends here.”"),
        Example("1) first\n2) second :)"),
        Example("Er nannte es »Schwarzes Loch« und „Urknall“.", language="de"),
        Example("Il a dit « non » (deux fois).", language="fr"),
        Example("Er sagte ⟦»⟧nein.", language="de"),
    ),
)
