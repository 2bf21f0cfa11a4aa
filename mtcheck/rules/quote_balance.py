"""quote-balance: a quotation mark or bracket that opens and never closes, or closes and never
opened, within a paragraph.

A quotation that runs over several paragraphs leaves each but the last open and opens the next
one again (the English convention): that passes. Single quotes are not counted: "’" is also the
apostrophe. Enumerations ("1)", "a)") at a line's start and smileys pass.

Fails: "He said: “we will not form it.", "(the CSM".  Passes: "“Yes,” he said (twice)."
"""

from __future__ import annotations

import re

from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Rule

PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "„": "“"}
CLOSERS = {closer: opener for opener, closer in PAIRS.items() if opener != "„"}
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_ENUMERATION = re.compile(r"(?<![^\n])[ \t]*[0-9A-Za-z]{1,3}$")  # "1)", "b)" at a line start
_SMILEY = re.compile(r"[:;=8][-^']?$")
_MARKS = re.compile(r"[()\[\]{}“”«»„\"]")


def check(ctx: CheckContext):
    base, text = ctx.segment
    paragraphs = _paragraphs(text)
    for number, (start, end) in enumerate(paragraphs):
        following = text[paragraphs[number + 1][0]:].lstrip()[:1] if number + 1 < len(paragraphs) else ""
        for at, mark, problem in _unbalanced(text, start, end, continued=following == "“"):
            yield Hit(Span(base + at, base + at + 1), mark, problem)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, at = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((at, brk.start()))
        at = brk.end()
    bounds.append((at, len(text)))
    return bounds


def _unbalanced(text: str, start: int, end: int, continued: bool):
    """(offset, mark, problem) of each mark left unmatched in text[start:end]."""
    stack: list[tuple[int, str]] = []
    straight: list[int] = []
    for found in _MARKS.finditer(text, start, end):
        mark, at = found.group(), found.start()
        if mark == '"':
            straight.append(at)
        elif mark == "“" and stack and stack[-1][1] == "„":
            stack.pop()  # German „…“
        elif mark in PAIRS:
            stack.append((at, mark))
        elif stack and stack[-1][1] == CLOSERS[mark]:
            stack.pop()
        elif not (mark == ")" and (_ENUMERATION.search(text, start, at) or _SMILEY.search(text, start, at))):
            yield at, mark, f"'{mark}' closes what was never opened in this paragraph"
    for at, mark in stack:
        if not (mark == "“" and continued):
            yield at, mark, f"'{mark}' is never closed in this paragraph"
    if len(straight) % 2:
        yield straight[-1], '"', "an odd number of '\"' in this paragraph"


RULE = Rule("quote-balance", "Linguistic conventions/Punctuation", Severity.MINOR,
            "A quotation mark or bracket opens without closing, or closes without opening, in a paragraph.", check)
