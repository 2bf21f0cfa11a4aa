"""What the term index finds: the forms of the glossaries' terms, and matches of them in a text."""

from __future__ import annotations

from typing import NamedTuple

from mtcheck.model import Term

ACCEPTED = frozenset({"canonical", "variant", "short", "inflection"})
# Of forms sharing a key, the one whose role comes first is tried first.
ROLE_ORDER = ("canonical", "variant", "short", "inflection", "source", "forbidden")
KINDS = ("exact", "diacritics", "fuzzy", "acronym", "inflected")
WRITTEN_AS_GIVEN = frozenset({"exact", "inflected"})  # the form itself, as the glossary gives it or inflected


class Form(NamedTuple):  # a tuple, not a dataclass: indexes hold 10^5 of them and unpickle them fast
    number: int  # its place in the index, so that matches can travel between processes as numbers
    term: Term
    text: str
    role: str  # canonical | variant | short | forbidden | source
    key: str  # surface key: NFC, lower case, normalised gaps
    cased: str  # surface key keeping case, for case-sensitive forms
    case_sensitive: bool


class Match(NamedTuple):  # a tuple, not a dataclass: a large text has 10^5 of them, made in a hot loop
    start: int
    end: int
    form: Form
    kind: str  # exact | diacritics | fuzzy | acronym | inflected
    text: str  # what the document says there
    score: float = 100.0
    suffix: str = ""  # a plural ending that followed the form ("KFORs")

    @property
    def term(self) -> Term:
        return self.form.term

    def rendered(self, base: str) -> str:
        """``base`` with the plural ending this occurrence had."""
        return base + self.suffix


def role_rank(form: Form) -> tuple[int, str]:
    """The order forms sharing a key are tried in: canonical before variants, and so on."""
    return ROLE_ORDER.index(form.role), form.text
