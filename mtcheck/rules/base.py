"""What a rule is, and what it is given to look at."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator

from mtcheck.glossary.index import Match
from mtcheck.lexicon import Lexicon
from mtcheck.model import Document, Hit, Severity


class CheckContext:
    """One document, its glossary matches and word counts: everything a rule may read.

    Rules read the text through ``document.segments()``, so long files need not sit in memory.
    """

    def __init__(self, document: Document, matches: tuple[Match, ...], lexicon: Lexicon,
                 word_counts: Counter, source_language: str | None = None):
        self.document = document
        self.matches = matches
        self.lexicon = lexicon
        self.word_counts = word_counts
        self.source_language = source_language


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule = a stable id + a category + a default severity + a check function.

    The check yields ``Hit``s; the engine stamps id, category, severity and position.
    """

    id: str
    category: str
    severity: Severity
    summary: str
    check: Callable[[CheckContext], Iterator[Hit]]


def suggestion_for(match: Match) -> str:
    """The form to write instead: the nearest accepted form, else the canonical one."""
    form = match.form
    return match.rendered(form.text if form.role in ("canonical", "variant", "short") else form.term.canonical)
