"""Termbases with one column per language, as CAT tools export them to CSV and XLSX, read into a
version-1 glossary (one target language, and optionally the source language's forms).

The shapes, from the tools' documentation:

- Phrase TMS (formerly Memsource), XLSX term base export: concept columns ``CID``,
  ``concept_domain``, ``concept_subdomain``, ``concept_url``, ``concept_definition``,
  ``concept_note``; a column per language named by its code (``en``, ``de``, ``sr_latn``: "-" or
  "_"), each followed by that term's attributes as ``{code}_{attribute}`` columns (``en_forbidden``,
  ``en_preferred``, ``en_caseSensitive``, ``en_status``, ``en_usage``, ``en_note``...). Flags are
  TRUE/FALSE cells. A concept with synonyms takes several rows with the same ``CID``.
- memoQ, CSV term base export (semicolon-delimited through the server API, comma by default on the
  desktop; header row): entry columns ``Entry_ID``, ``Entry_Subject``, ``Entry_Domain``...,
  ``Entry_Note``; then for each language its language-level fields (``English_Def``) and, for each
  term, a column named after the language (``English``) followed by its term-level fields
  (``Term_Info``, ``Term_Example``); a language with two terms has two ``German`` columns.

How they become a glossary: the column of the target language (``--language``; it may be named by
code, ``de``/``de_de``, or by English name, ``German``) gives the forms: the first preferred term
is canonical (else the first term not marked forbidden), the other terms are variants, and terms
marked forbidden (a true ``forbidden`` flag, or a status such as deprecated or forbidden) are
``forbidden``. The source-language column (``--source-language``, else the only other language)
gives ``source``. The concept id is the term id when it is a valid one; the domain or subject is
the type; definitions, notes and usage notes of the concept and of the target language are the
note; a true ``caseSensitive`` flag on the canonical term makes the term case-sensitive. Other
columns (dates, creators, Term_Info's coded settings) are listed as ignored.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from mtcheck.errors import InputError, Problem
from mtcheck.glossary.exchange import (
    FORBIDDEN, HAS_WORD_CHARACTER, LANGUAGE, PREFERRED, STATUS_WORDS, _Candidate, _formula_text, _Read,
    _same_language, _source_language,
)

CONCEPT_ID = {"cid", "entryid", "conceptid", "id"}
CONCEPT_TYPE = {"conceptdomain", "conceptsubdomain", "entrysubject", "entrydomain", "domain", "subject"}
CONCEPT_NOTE = {"conceptdefinition", "conceptnote", "entrynote", "definition", "note"}
NOTE_ATTRIBUTES = {"def", "definition", "note", "usage"}  # of a language, or of one term
FLAG_ATTRIBUTES = {"forbidden", "preferred", "casesensitive", "status"}  # of one term
TRUE_WORDS = {"true", "yes", "1", "y", "x", "wahr", "vrai"}  # Phrase writes TRUE/FALSE in the user's locale
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class _Column:
    kind: str  # "id", "type", "note", "term", "term-attribute", "language-attribute", "other"
    language: str = ""  # of a term column or a language attribute
    attribute: str = ""  # compacted: "forbidden", "def", "casesensitive"


def _compact(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).lower()


@functools.cache
def _language_names() -> dict[str, str]:
    """English language names, compacted ("german"), to their codes (CLDR, by Babel): memoQ names
    columns so."""
    from babel import Locale

    return {_compact(name): code for code, name in Locale("en").languages.items() if "_" not in code}


def _language(name: str) -> str | None:
    """The language a column's name is, by code ("de", "sr_latn") or English name ("German"); a
    code's language must be one CLDR knows ("TID", Phrase's term id, is none)."""
    name = name.strip()
    if LANGUAGE_CODE.fullmatch(name):
        known = name.split("_")[0].split("-")[0].lower() in _language_names().values()
        return name.replace("_", "-") if known else None
    return _language_names().get(_compact(name))


def _column(name: str) -> _Column:
    compact = _compact(name)
    for kind, names in (("id", CONCEPT_ID), ("type", CONCEPT_TYPE), ("note", CONCEPT_NOTE)):
        if compact in names:
            return _Column(kind)
    if compact.startswith("term") and compact[4:] in NOTE_ATTRIBUTES | FLAG_ATTRIBUTES | {"info", "example"}:
        return _Column("term-attribute", attribute=compact[4:])  # memoQ: Term_Info after its term
    prefix, _, suffix = name.strip().rpartition("_")
    if prefix and _compact(suffix) in NOTE_ATTRIBUTES | FLAG_ATTRIBUTES and (language := _language(prefix)):
        return _Column("language-attribute", language, _compact(suffix))
    language = _language(name)
    return _Column("term", language) if language else _Column("other")


def shaped_so(header: list[str]) -> bool:
    """Whether a header is a termbase's with a column per language, not mtcheck's own columns."""
    columns = [_column(cell) for cell in header]
    return "canonical" not in {_compact(cell) for cell in header} and any(c.kind == "term" for c in columns)


@dataclass
class _Term:
    form: str
    language: str
    flags: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def flagged(self, name: str) -> bool:
        return self.flags.get(name, "").strip().lower() in TRUE_WORDS

    @property
    def forbidden(self) -> bool:
        return self.flagged("forbidden") or STATUS_WORDS.get(self.flags.get("status", "").strip().lower()) == FORBIDDEN

    @property
    def preferred(self) -> bool:
        return self.flagged("preferred") or STATUS_WORDS.get(self.flags.get("status", "").strip().lower()) == PREFERRED


@dataclass
class _Concept:
    where: str
    raw_id: str | None
    type: str | None = None
    notes: list[str] = field(default_factory=list)  # the concept's own
    language_notes: dict[str, list[str]] = field(default_factory=dict)
    terms: list[_Term] = field(default_factory=list)


def read(path: str, header: list[str], rows, language: str | None, source_language: str | None, kind: str) -> _Read:
    columns = [_column(cell) for cell in header]
    languages = list(dict.fromkeys(c.language for c in columns if c.kind == "term"))
    target = _target(path, language, languages)
    source, remarks = _source_language(target, source_language, languages)
    if source and not any(_same_language(code, source) for code in languages):
        remarks.append(f"no column holds source language {source}: no source forms")
    concepts: dict[str, _Concept] = {}
    for line, row in rows:
        cells = [_formula_text(cell).strip() for cell in row]
        if any(cells):
            _add_row(concepts, line, columns, cells)
    candidates = [c for concept in concepts.values() if (c := _candidate(concept, target, source, remarks))]
    ignored = sorted({cell.strip() for cell, column in zip(header, columns) if column.kind == "other" and cell.strip()}
                     | {cell.strip() for cell, column in zip(header, columns)
                        if column.attribute in ("info", "example")})
    remarks.insert(0, f"read as a termbase with a column per language ({', '.join(languages)}), as Phrase and memoQ export them")
    if ignored:
        remarks.append(f"ignored {kind} columns: {', '.join(ignored)}")
    return _Read(target, source, None, candidates, remarks)


def _target(path: str, language: str | None, languages: list[str]) -> str:
    if language:
        if not any(_same_language(code, language) for code in languages):
            raise InputError(Problem(path, f"no column holds language {language} (the columns hold {', '.join(languages)})", 1))
        return language
    if len(languages) == 1:
        return languages[0]
    message = f"the columns hold {', '.join(languages)}: give the target language option (and the source language's)"
    raise InputError(Problem(path, message, 1))


def _add_row(concepts: dict[str, _Concept], line: int, columns: list[_Column], cells: list[str]) -> None:
    """One row's terms and fields, added to its concept (rows sharing a concept id are one concept)."""
    raw_id = next((cell for column, cell in zip(columns, cells) if column.kind == "id" and cell), None)
    key = f"id {raw_id}" if raw_id else f"line {line}"
    concept = concepts.setdefault(key, _Concept(f"the concept at line {line}" if not raw_id else
                                                f"concept {raw_id!r} (line {line})", raw_id))
    last_term: dict[str, _Term] = {}  # by language: the term a following attribute belongs to
    latest: _Term | None = None
    for column, cell in zip(columns, cells):
        if column.kind == "term":
            latest = _Term(cell, column.language) if cell else None
            if latest is not None:
                concept.terms.append(latest)
                last_term[column.language] = latest
        elif not cell:
            continue
        elif column.kind == "type":
            concept.type = concept.type or cell
        elif column.kind == "note":
            concept.notes.append(cell)
        elif column.kind == "term-attribute" and latest is not None:
            _attribute(latest, column.attribute, cell)
        elif column.kind == "language-attribute":
            term = last_term.get(column.language)
            if term is not None and column.attribute != "def":  # Phrase: the attributes of the term before
                _attribute(term, column.attribute, cell)
            elif column.attribute in NOTE_ATTRIBUTES:  # memoQ's English_Def: the language's
                concept.language_notes.setdefault(column.language, []).append(cell)


def _attribute(term: _Term, attribute: str, cell: str) -> None:
    if attribute in FLAG_ATTRIBUTES:
        term.flags[attribute] = cell
    elif attribute in NOTE_ATTRIBUTES:
        term.notes.append(cell)


def _candidate(concept: _Concept, target: str, source: str | None, remarks: list[str]) -> _Candidate | None:
    targets = [term for term in concept.terms if _same_language(term.language, target)]
    for term in targets:
        if not HAS_WORD_CHARACTER.search(term.form):
            remarks.append(f"left out term {term.form!r} of {concept.where}: no letter or digit")
    targets = [term for term in targets if HAS_WORD_CHARACTER.search(term.form)]
    allowed = [term for term in targets if not term.forbidden]
    canonical = next((term for term in allowed if term.preferred), allowed[0] if allowed else None)
    if canonical is None:
        remarks.append(f"left out {concept.where}: no {target} term that is not forbidden")
        return None
    candidate = _Candidate(concept.where, concept.raw_id, canonical.form)
    for term in targets:
        if term is not canonical:
            candidate.forms["forbidden" if term.forbidden else "variants"].append(term.form)
    if source:
        candidate.forms["source"] = [term.form for term in concept.terms
                                     if _same_language(term.language, source) and not _same_language(term.language, target)]
    notes = concept.notes + [note for code, found in concept.language_notes.items()
                             if _same_language(code, target) for note in found] + canonical.notes
    candidate.fields = {"type": concept.type, "note": " ".join(dict.fromkeys(notes)) or None,
                        "case_sensitive": True if canonical.flagged("casesensitive") else None}
    return candidate


__all__ = ["LANGUAGE", "read", "shaped_so"]
