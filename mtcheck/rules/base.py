"""What a rule is, and what it is given to look at."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterator

from mtcheck.glossary.index import Match
from mtcheck.lexicon import Lexicon
from mtcheck.model import Document, Hit, Severity
from mtcheck.text import TOKEN_RE


class CheckContext:
    """One document and its glossary matches: everything a rule may read.

    Word counts are computed on first use, so documents whose rules never ask pay nothing.
    """

    def __init__(self, document: Document, matches: tuple[Match, ...], lexicon: Lexicon,
                 source_language: str | None = None):
        self.document = document
        self.matches = matches
        self.lexicon = lexicon
        self.source_language = source_language

    @cached_property
    def word_counts(self) -> Counter:
        return Counter(TOKEN_RE.findall(self.document.text))


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
