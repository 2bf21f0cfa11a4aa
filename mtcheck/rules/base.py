"""What a rule is, and what it is given to look at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from mtcheck.glossary.index import Match
from mtcheck.lexicon import Lexicon
from mtcheck.model import Document, Hit, Severity
from mtcheck.text import Token


@dataclass(frozen=True, slots=True)
class CheckContext:
    """One document, its tokens and its glossary matches: everything a rule may read."""

    document: Document
    tokens: tuple[Token, ...]
    matches: tuple[Match, ...]
    lexicon: Lexicon
    source_language: str | None = None


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
    if form.role in ("canonical", "variant", "short"):
        return form.rendered(form.text)
    return form.rendered(form.term.canonical) if form.inflected else form.term.canonical
