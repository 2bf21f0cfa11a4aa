"""Termbases with one column per language, as CAT tools export them to CSV and XLSX: read into a
version-1 glossary (one target language, and optionally the source language's forms), and written
from one (``glossary export --columns phrase|memoq``).

The shapes, and what their documentation confirms (read in stored copies of the pages):

- Phrase TMS (formerly Memsource). Confirmed (support.phrase.com, "Modify Term Bases (TMS)" and
  "Edit Term Attributes and Concept Fields (TMS)"): term bases are imported and exported as XLSX or
  TBX (not CSV); every term has the attributes Status (New, Approved), Preferred, Forbidden, case
  sensitivity, exact match, usage, note...; the flags "forbidden, preferred, case or exact" are
  boolean TRUE/FALSE cells, in the user's locale (WAHR/FALSCH); one export holds every language.
  TermWeb's Memsource mapping (termweb.atlassian.net) names the term fields Status, Preferred,
  Forbidden, Case sensitive, Match type, Usage, Note and the concept fields Definition, Concept note,
  Domain/Subdomain, URL. Not confirmed: the exact spelling of the header cells. This module reads
  concept columns ``CID``/``Concept ID``, ``concept_domain``/``Domain``, ``concept_definition``,
  ``concept_note``; a column per language named by its code (``en``, ``sr_latn``: "-" or "_"), each
  followed by that term's attributes as ``{code}_{attribute}`` in any spelling that compacts to a
  known name (``en_forbidden``, ``en_Forbidden``, ``en_caseSensitive``, ``en_Case sensitive``,
  ``en_case``, ``en_status``, ``en_usage``, ``en_note``); a concept with synonyms takes several rows
  with the same concept id. It writes ``CID``, ``concept_domain``, ``concept_note``, the source
  language's column, the target language's column and ``{code}_preferred``, ``{code}_forbidden``,
  ``{code}_caseSensitive`` (booleans in XLSX, TRUE/FALSE in CSV): the names the previous import code
  used, which compact to the documented attribute names but whose exact spelling Phrase's pages do
  not show.
- memoQ. Confirmed (docs.memoq.com, WS API "Term base in CSV format"): UTF-8, semicolons, a header
  row, one entry per row; the entry columns ``Entry_ID``, ``Entry_Subject``, ``Entry_Domain``,
  ``Entry_ClientID``, ``Entry_ProjectID``, ``Entry_Created``, ``Entry_Creator``,
  ``Entry_LastModified``, ``Entry_Modifier``, ``Entry_Note`` in that order; then per language its
  language-level fields (``English_Def``) and per term the language's name (``English``) followed
  by the term-level fields (``Term_Info``, ``Term_Example``); a language with two terms has two
  ``German`` columns. Not confirmed: how ``Term_Info`` codes a term's matching, case sensitivity
  and forbidden mark. The stored copy of that page ends before its term-level table, and no public
  code that parses the coding was found. So import reads only the plainest reading: a ``Term_Info``
  whose parts (cut at "|", ";", "," or spaces) include ``forbidden`` (or ``forbidden=true``) marks
  the term forbidden; other values are named in the imported file's header comment as not
  interpreted, and case sensitivity is not read from memoQ files. Export writes no ``Term_Info``, so
  it cannot mark a term forbidden for memoQ: forbidden forms go into ``Entry_Note``
  ("Forbidden: X; Y") instead of term columns, where memoQ would take them as allowed terms.

How they become a glossary: the column of the target language (``--language``; it may be named by
code, ``de``/``de_de``, or by English name, ``German``) gives the forms: the first preferred term
is canonical (else the first term not marked forbidden), the other terms are variants, and terms
marked forbidden (a true ``forbidden`` flag, a status such as deprecated or forbidden, or memoQ's
``Term_Info`` as above) are ``forbidden``. The source-language column (``--source-language``, else
the only other language) gives ``source``. The concept id is the term id when it is a valid one;
the domain or subject is the type; definitions, notes and usage notes of the concept and of the
target language are the note; a true case-sensitivity flag on the canonical term makes the term
case-sensitive. Other columns (dates, creators, Term_Example) are listed as ignored.

How a glossary is written: one concept per term, its id the concept id, its type the domain
(Phrase) or subject (memoQ), its note the concept note (Phrase) or entry note (memoQ). Phrase: the
canonical form (preferred), then variants and short forms, then forbidden forms (forbidden), one
per row, the source forms beside them in the source language's column; memoQ: one row per term, as
many term columns per language as the term with most forms needs. Not carried: short forms (they
come back as variants), severity, fuzzy, examples, the glossary's name (import takes the file's);
memoQ also loses case sensitivity, and forbidden forms come back as part of the note.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from mtcheck.errors import GlossaryError, InputError, Problem
from mtcheck.glossary.exchange import (
    FORBIDDEN, HAS_WORD_CHARACTER, LANGUAGE, PREFERRED, STATUS_WORDS, _Candidate, _formula_text, _Read,
    _same_language, _source_language, joined_notes,
)
from mtcheck.model import Glossary, Term

CONCEPT_ID = {"cid", "entryid", "conceptid", "id"}
CONCEPT_TYPE = {"conceptdomain", "conceptsubdomain", "entrysubject", "entrydomain", "domain", "subject"}
CONCEPT_NOTE = {"conceptdefinition", "conceptnote", "entrynote", "definition", "note"}
NOTE_ATTRIBUTES = {"def", "definition", "note", "usage"}  # of a language, or of one term
FLAG_ATTRIBUTES = {"forbidden", "preferred", "casesensitive", "status"}  # of one term
ATTRIBUTE_ALIASES = {"case": "casesensitive"}  # Phrase's pages call the flag "case"
TRUE_WORDS = {"true", "yes", "1", "y", "x", "wahr", "vrai"}  # Phrase writes TRUE/FALSE in the user's locale
TERM_INFO_PARTS = re.compile(r"[|;,\s]+")
TERM_INFO_FORBIDDEN = re.compile(r"forbidden(?:\s*[=:]\s*(?:true|yes|1))?", re.I)
SHAPES = ("phrase", "memoq")
MEMOQ_ENTRY_COLUMNS = ("Entry_ID", "Entry_Subject", "Entry_Domain", "Entry_ClientID", "Entry_ProjectID",
                       "Entry_Created", "Entry_Creator", "Entry_LastModified", "Entry_Modifier", "Entry_Note")
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class _Column:
    kind: str  # "id", "type", "note", "term", "term-attribute", "language-attribute", "other"
    language: str = ""  # of a term column or a language attribute
    attribute: str = ""  # compacted: "forbidden", "def", "casesensitive"


def _compact(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).lower()


def _attribute_name(name: str) -> str:
    compact = _compact(name)
    return ATTRIBUTE_ALIASES.get(compact, compact)


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
    if prefix and _attribute_name(suffix) in NOTE_ATTRIBUTES | FLAG_ATTRIBUTES and (language := _language(prefix)):
        return _Column("language-attribute", language, _attribute_name(suffix))
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
    unread_info: str = ""  # a memoQ Term_Info value this module does not interpret

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
                     | {cell.strip() for cell, column in zip(header, columns) if column.attribute == "example"})
    remarks.insert(0, f"read as a termbase with a column per language ({', '.join(languages)}), as Phrase and memoQ export them")
    if ignored:
        remarks.append(f"ignored {kind} columns: {', '.join(ignored)}")
    unread = sorted({term.unread_info for concept in concepts.values() for term in concept.terms if term.unread_info})
    if unread:
        shown = ", ".join(repr(value) for value in unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
        remarks.append(f"Term_Info values not interpreted (only a 'forbidden' part is read; memoQ's coding is not "
                       f"documented where mtcheck could check it): {shown}")
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
    if attribute == "info":  # memoQ's Term_Info: only a plain "forbidden" part is read (see above)
        if any(TERM_INFO_FORBIDDEN.fullmatch(part) for part in TERM_INFO_PARTS.split(cell)):
            term.flags["forbidden"] = "true"
        else:
            term.unread_info = cell
    elif attribute in FLAG_ATTRIBUTES:
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
    candidate.fields = {"type": concept.type, "note": joined_notes(notes),
                        "case_sensitive": True if canonical.flagged("casesensitive") else None}
    return candidate


# --- writing ------------------------------------------------------------------------------------

def table(glossaries: list[Glossary], shape: str, typed: bool) -> tuple[list[str], list[list]]:
    """The header and rows of ``glossaries`` in Phrase's or memoQ's shape; flags are booleans when
    ``typed`` (a workbook), else TRUE/FALSE text. Cells are as the glossary has them: the caller
    keeps them from running as formulas."""
    language, source_language = _one_pair(glossaries)
    terms = [(glossary, term) for glossary in glossaries for term in glossary.terms]
    _check_ids(terms)
    for glossary, term in terms:
        if term.source and not source_language:
            message = (f"term {term.id!r} has source forms, but the glossary names no source_language: "
                       f"a {shape} termbase puts them in that language's column")
            raise GlossaryError(Problem(glossary.path, message))
    if shape == "phrase":
        return _phrase_table([term for _, term in terms], language, source_language, typed)
    return _memoq_table(glossaries, [term for _, term in terms], language, source_language)


def forbidden_in_notes(glossaries: list[Glossary], shape: str) -> int:
    """How many forbidden forms a memoQ export writes into the entry note instead of a term column."""
    return sum(len(term.forbidden) for glossary in glossaries for term in glossary.terms) if shape == "memoq" else 0


def _one_pair(glossaries: list[Glossary]) -> tuple[str, str | None]:
    pairs = list(dict.fromkeys((glossary.language, glossary.source_language) for glossary in glossaries))
    if len(pairs) != 1:
        described = ", ".join(f"{g.name} ({g.language} from {g.source_language or 'no source language'})" for g in glossaries)
        path = glossaries[-1].path if glossaries else "glossary"
        raise GlossaryError(Problem(path, f"a termbase export holds glossaries of one language pair, not {described or 'none'}"))
    return pairs[0]


def _check_ids(terms: list[tuple[Glossary, Term]]) -> None:
    """Rows sharing a concept id are one concept on import: two glossaries may not share an id."""
    seen: dict[str, Glossary] = {}
    for glossary, term in terms:
        if term.id in seen:
            message = f"term id {term.id!r} is also in {seen[term.id].path}: a termbase export needs ids unique across the glossaries"
            raise GlossaryError(Problem(glossary.path, message))
        seen[term.id] = glossary


def _flag(value: bool, typed: bool) -> bool | str:
    return value if typed else ("TRUE" if value else "FALSE")


def _phrase_code(tag: str) -> str:
    return tag.replace("-", "_")  # Phrase's locale codes: en, en_us, sr_latn


def _phrase_table(terms: list[Term], language: str, source_language: str | None, typed: bool):
    target = _phrase_code(language)
    header = ["CID", "concept_domain", "concept_note"]
    header += [_phrase_code(source_language)] if source_language else []
    header += [target, f"{target}_preferred", f"{target}_forbidden", f"{target}_caseSensitive"]
    rows = []
    for term in terms:
        forms = [(term.canonical, True, False)] + [(form, False, False) for form in (*term.variants, *term.short)]
        forms += [(form, False, True) for form in term.forbidden]
        for index in range(max(len(forms), len(term.source))):
            row = [term.id, (term.type or "") if index == 0 else "", (term.note or "") if index == 0 else ""]
            if source_language:
                row.append(term.source[index] if index < len(term.source) else "")
            if index < len(forms):
                form, preferred, forbidden = forms[index]
                row += [form, _flag(preferred, typed), _flag(forbidden, typed), _flag(term.case_sensitive, typed)]
            else:
                row += ["", "", "", ""]
            rows.append(row)
    return header, rows


def _memoq_name(glossary: Glossary, tag: str) -> str:
    """memoQ names a language's columns by its English name: "German" (the region is not kept)."""
    from babel import Locale

    name = Locale("en").languages.get(tag.split("-")[0].lower())
    if not name or name.lower().startswith("unknown"):
        raise GlossaryError(Problem(glossary.path, f"no English name is known for language {tag!r}, which memoQ's columns need"))
    return name


def _memoq_table(glossaries: list[Glossary], terms: list[Term], language: str, source_language: str | None):
    target = _memoq_name(glossaries[0], language)
    source = _memoq_name(glossaries[0], source_language) if source_language else None
    if source == target:
        message = f"{language} and {source_language} are both {target} to memoQ, which names columns by language"
        raise GlossaryError(Problem(glossaries[0].path, message))
    source_slots = max((len(term.source) for term in terms), default=0) if source else 0
    target_slots = max((1 + len(term.variants) + len(term.short) for term in terms), default=1)
    header = list(MEMOQ_ENTRY_COLUMNS)
    if source:
        header += [f"{source}_Def"] + [cell for _ in range(source_slots) for cell in (source, "Term_Info", "Term_Example")]
    header += [f"{target}_Def"] + [cell for _ in range(target_slots) for cell in (target, "Term_Info", "Term_Example")]
    rows = []
    for term in terms:
        note = " ".join(part for part in (term.note or "", _forbidden_note(term)) if part)
        row = [term.id, term.type or "", "", "", "", "", "", "", "", note]
        if source:
            row += [""] + _slots(term.source, source_slots)
        row += [""] + _slots((term.canonical, *term.variants, *term.short), target_slots)
        rows.append(row)
    return header, rows


def _forbidden_note(term: Term) -> str:
    return f"Forbidden: {'; '.join(term.forbidden)}" if term.forbidden else ""


def _slots(forms, slots: int) -> list[str]:
    cells: list[str] = []
    for index in range(slots):
        cells += [forms[index] if index < len(forms) else "", "", ""]
    return cells


__all__ = ["LANGUAGE", "SHAPES", "forbidden_in_notes", "read", "shaped_so", "table"]
