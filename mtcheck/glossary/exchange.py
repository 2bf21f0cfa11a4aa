"""Glossary exchange: export loaded glossaries as CSV, TBX or JSON; import CSV, TBX and JSON files as
the text of a version-1 glossary (YAML) that ``load_glossaries`` accepts.

Exports work on loaded ``Glossary``/``Term`` records, in which ``defaults`` are already expanded
into every term, so nothing is lost by not writing a ``defaults`` section. Per-term settings are
written only where they differ from what the loader assumes when a setting is absent (no severity,
fuzzy 88, case-insensitive), which keeps files small and imports lossless. Every output is
deterministic: no dates, stable order. Every export carries the glossary's name, language and
source_language, and import reads them back without options; options given to import win over what
the file says.

CSV (one language pair per file, UTF-8 without BOM, ``csv`` module, minimal quoting, header row)
---------------------------------------------------------------------------------------------

=================  ==========================================================================
column             term field
=================  ==========================================================================
id                 id (required column; a value that is not a valid id is derived from canonical)
canonical (en)     canonical (required column and value)
variants (en)      variants, joined with " | " (a form containing "|" cannot be exported)
short (en)         short, likewise
forbidden (en)     forbidden, likewise
source (sr)        source, likewise
type               type
note               note (trimmed on import; an empty note reads as none)
severity           severity; empty: unset
fuzzy              0-100 or ``false``; empty: the default (88)
case_sensitive     ``true``/``false``; empty: the default (false)
morphology         ``inflect``/``exact``; empty: the default (inflect); a file without the column reads as inflect
glossary           the name of the glossary the term belongs to
=================  ==========================================================================

Glossary-level fields live in the header row, as Phrase and memoQ name columns by language: the
form columns carry the language of their forms in parentheses, ``canonical (en)`` (the glossary's
language) and ``source (sr)`` (its source_language; plain ``source`` when it has none), and the
``glossary`` column names each term's glossary. No comment line: every CSV reader and spreadsheet
takes the file as it is. Glossaries of different language pairs cannot share a file (export them
one at a time, or as TBX or JSON). Import takes the language from the form columns and the name
from the ``glossary`` column (several names are joined, as TBX titles are); a file written by
another tool, with plain ``canonical`` columns, needs the language option. Not carried: the
examples and the reviews. Columns are matched by name, case-insensitively, in any order, with or without a
language; unknown columns are ignored and named in the imported file's header comment.

Spreadsheets run a cell that starts with =, +, -, @, a tab or a CR as a formula ("=HYPERLINK(...)",
"-2+3+cmd|..."): CSV injection. As OWASP recommends, export puts a single quote in front of such a
cell (a variants cell "-5 °C | +381" is written "'-5 °C | +381"), and also in front of a cell that
starts with one or more quotes and then such a character ("'=x" is written "''=x"). Import removes
one quote from a cell that starts with quotes and then such a character, and from no other cell
("'t Hooft" stays), so every exported cell reads back as it was; a quote a spreadsheet user typed
to protect a cell ("'+381") goes too.

TBX (ISO 30042:2019, TBX v3, dialect TBX-Basic, DCA style; namespace urn:iso:std:iso:30042:ed-2)
----------------------------------------------------------------------------------------------

=========================  =====================================================================
glossary / term field      TBX
=========================  =====================================================================
name                       ``tbxHeader/fileDesc/titleStmt/title`` (a title that is a valid name
                           is the name; another is made into one)
language                   ``tbx/@xml:lang`` and the ``langSec`` of the target-language forms
source_language            ``titleStmt/note`` ``mtcheck:source_language=sr``, and ``xml:lang`` of
                           the ``langSec`` holding the source forms (``und`` if unset)
id                         ``conceptEntry/@id`` (``_`` put in front of an id that does not start
                           with a letter, as an XML ID must; removed on import)
canonical                  ``termSec``, ``administrativeStatus`` ``preferredTerm-admn-sts``
variants                   ``termSec``, ``admittedTerm-admn-sts``
short                      ``termSec``, ``admittedTerm-admn-sts`` and ``termType`` ``shortForm``
forbidden                  ``termSec``, ``deprecatedTerm-admn-sts``
source                     ``termSec`` with ``preferredTerm-admn-sts`` in the source ``langSec``
note                       concept-level ``<note>``
type, severity, fuzzy,     concept-level ``<note>mtcheck:KEY=VALUE</note>``, KEY one of type,
case_sensitive, examples,  severity, fuzzy, case_sensitive, flag, pass (one note per example),
reviewed                   reviewed (``mtcheck:reviewed=CODE: REASON``, one note per code)
=========================  =====================================================================

TBX-Basic has no data category for a free concept tag, a severity, a fuzzy threshold or
case-sensitivity, and its schematron rejects invented ``admin``/``descrip`` types, so these go into
prefixed notes: every TBX tool keeps and shows notes, and the file stays valid TBX-Basic.
So TBX carries every field; only the glossary path is not kept, and a file holding several
glossaries comes back as one.

Importing a TBX file written by another tool (TBX v3 ``tbx``/``conceptEntry``/``langSec``/
``termSec``, and TBX v2 / TBX-Basic 2008 ``martif``/``termEntry``/``langSet``/``tig``/``ntig``):

- the target language is the ``language`` option, else the file's ``xml:lang``; the source language
  is the ``source_language`` option, else the ``mtcheck:source_language`` note of the title (when
  the file's glossaries agree on one), else the file's only other language (none if there are more).
  ``de`` matches ``de-DE`` and the other way round;
- in the target language: the first preferred term is canonical (else the first admitted one);
  preferred, admitted or unmarked terms are ``short`` when their ``termType`` is abbreviation,
  acronym, shortForm, initialism or clippedTerm and ``variants`` otherwise; deprecated,
  superseded, obsolete and forbidden terms are ``forbidden``. Every source-language term is
  ``source``. Status values are read with or without the ``-admn-sts`` suffix and also from
  ``normativeAuthorization`` (TBX v2);
- note: the concept's and the target ``langSec``'s ``note`` and ``definition``, in file order;
  type: an ``mtcheck:type`` note, else the concept's ``subjectField``;
- a concept id that is not a valid glossary id ([a-z0-9._-]+) is replaced by one derived from the
  canonical form (``bremse``, then ``bremse-2``...);
- what the glossary format would refuse is left out and listed in the header comment: concepts
  without a target-language term, forms without a letter or digit, a form claimed by an earlier
  term (a concept whose canonical form is taken is left out whole). A form repeated within a
  concept is kept once, in its first role (canonical, variants, short, forbidden, source).

XML is parsed without entity expansion, DTD loading or network access; a file declaring entities
(``<!ENTITY``: billion laughs, XXE) is refused before parsing.

JSON: ``{"version": 1, "glossaries": [...]}``, each glossary a version-1 glossary object (valid
against schema.json) with every term setting written out. Carries every field. Import checks the
file against that shape (schema.json for each glossary) and merges the glossaries in the target
language (the ``language`` option, else the first glossary's) into one, as TBX import does; the
source language is the option, else the one those glossaries share.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mtcheck import safexml
from mtcheck.documents import decode
from mtcheck.errors import GlossaryError, InputError, Problem
from mtcheck.glossary.loader import DEFAULT_FUZZY
from mtcheck.model import MORPHOLOGIES, SEVERITY_NAMES, Glossary, Term
from mtcheck.text import fold

EXPORT_FORMATS = ("csv", "json", "tbx", "xlsx")
IMPORT_FORMATS = ("csv", "json", "tbx", "xlsx")
BINARY_FORMATS = ("xlsx",)  # written to a file only, never to standard output
COLUMN_SHAPES = ("mtcheck", "phrase", "memoq")  # of a CSV or XLSX export; the CAT tools' in language_columns
LIST_FIELDS = ("variants", "short", "forbidden", "source")
CSV_COLUMNS = ("id", "canonical", *LIST_FIELDS, "type", "note", "severity", "fuzzy", "case_sensitive", "morphology",
               "glossary")
REQUIRED_CSV_COLUMNS = ("id", "canonical")
TARGET_FORM_COLUMNS = ("canonical", "variants", "short", "forbidden")  # their header names the glossary's language
CSV_HEADER_CELL = re.compile(r"\s*(?P<name>.*?)\s*(?:\(\s*(?P<language>[^()]*?)\s*\))?\s*", re.S)  # "canonical (en)"
FORM_SEPARATOR = "|"
IDENTIFIER = re.compile(r"[a-z0-9._-]+")
LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
HAS_WORD_CHARACTER = re.compile(r"[^\W_]")  # what the schema asks of a form
# A CSV cell a spreadsheet would run as a formula, after any quotes put in front to stop that.
FORMULA_AFTER_QUOTES = re.compile("'*[=+\\-@\t\r]")

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UNDETERMINED = "und"  # BCP 47 for "language not known": source forms of a glossary without source_language
NOTE_KEYS = ("type", "severity", "fuzzy", "case_sensitive", "morphology", "flag", "pass", "reviewed")
MTCHECK_NOTE = re.compile(r"mtcheck:(" + "|".join(NOTE_KEYS) + r")=(.*)", re.S)
SOURCE_LANGUAGE_NOTE = re.compile(r"mtcheck:source_language=(.*)", re.S)  # in the title statement
PREFERRED, ADMITTED, FORBIDDEN = "preferred", "admitted", "forbidden"
STATUS_WORDS = {
    "preferred": PREFERRED, "legal": PREFERRED, "regulated": PREFERRED, "standardized": PREFERRED,
    "admitted": ADMITTED,
    "deprecated": FORBIDDEN, "superseded": FORBIDDEN, "obsolete": FORBIDDEN, "forbidden": FORBIDDEN,
}
SHORT_TERM_TYPES = {"abbreviation", "acronym", "shortform", "initialism", "clippedterm"}


# --- export --------------------------------------------------------------------------------------

def exchange_format(path: str | None, given: str | None, option: str, default: str | None = None) -> str:
    """The termbase format: ``given`` (--from, --to), else the one the file's suffix names
    ("terms.tbx" is TBX), else ``default``; without one, or given one unknown, an error."""
    formats = IMPORT_FORMATS if option == "--from" else EXPORT_FORMATS
    if given is None:
        suffix = Path(path).suffix.lower().lstrip(".") if path else ""
        if suffix in formats:
            return suffix
        if default is not None:
            return default
        raise InputError(Problem(str(path), f"cannot tell its format from its suffix: give {option} ({', '.join(formats)})"))
    if given not in formats:
        raise InputError(f"unknown {option} {given!r} (choose from {', '.join(formats)})")
    return given


def export_glossaries(glossaries: list[Glossary], to: str, columns: str = "mtcheck") -> str | bytes:
    """The whole text of a CSV, TBX or JSON file holding ``glossaries``, or the bytes of an XLSX
    workbook (deterministic). ``columns`` "phrase" or "memoq" writes a CSV or XLSX in that CAT
    tool's termbase shape (``mtcheck.glossary.language_columns``) instead of mtcheck's columns."""
    writers = {"csv": _export_csv, "json": _export_json, "tbx": _export_tbx, "xlsx": _export_xlsx}
    if to not in writers:
        raise InputError(f"unknown export format {to!r} (choose from {', '.join(EXPORT_FORMATS)})")
    if columns not in COLUMN_SHAPES:
        raise InputError(f"unknown --columns {columns!r} (choose from {', '.join(COLUMN_SHAPES)})")
    if columns != "mtcheck":
        if to not in ("csv", "xlsx"):
            raise InputError(f"--columns {columns} shapes a csv or xlsx export, not {to}")
        return _export_termbase(list(glossaries), to, columns)
    return writers[to](list(glossaries))


def _export_termbase(glossaries: list[Glossary], to: str, shape: str) -> str | bytes:
    """A CSV (Phrase: commas; memoQ: semicolons, as its documented export) or a worksheet with a
    column per language, each text cell kept from running as a formula."""
    from mtcheck.glossary import language_columns

    header, rows = language_columns.table(glossaries, shape, typed=to == "xlsx")
    rows = [[_no_formula(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]
    if to == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";" if shape == "memoq" else ",", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()
    from mtcheck.spreadsheet import Sheet, workbook_bytes

    title = _sheet_title(", ".join(glossary.name for glossary in glossaries))
    try:
        return workbook_bytes([Sheet(title, header, rows, filtered=True)])
    except ValueError as exc:
        raise GlossaryError(Problem(glossaries[-1].path if glossaries else "glossary", str(exc))) from None


def term_settings(term) -> dict:
    """The settings of a term (a version-1 ``Term`` or a version-2 ``Concept``) that differ from
    what the loader assumes when they are absent."""
    settings: dict = {}
    if term.severity is not None:
        settings["severity"] = term.severity.label
    if term.fuzzy != DEFAULT_FUZZY:
        settings["fuzzy"] = False if term.fuzzy is None else term.fuzzy
    if term.case_sensitive:
        settings["case_sensitive"] = True
    if term.morphology != "inflect":
        settings["morphology"] = term.morphology
    return settings


def _setting_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _export_csv(glossaries: list[Glossary]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")  # QUOTE_MINIMAL: only cells that need it
    writer.writerow(_csv_header(glossaries))
    writer.writerows(_table_rows(glossaries))
    return buffer.getvalue()


def _table_rows(glossaries: list[Glossary]) -> list[list[str]]:
    """The rows under the header, in CSV and XLSX alike, each cell kept from running as a formula."""
    return [[_no_formula(cell) for cell in _csv_row(glossary, term)] for glossary in glossaries for term in glossary.terms]


def _export_xlsx(glossaries: list[Glossary]) -> bytes:
    """The CSV columns and cells in a worksheet named after the glossaries."""
    from mtcheck.spreadsheet import Sheet, workbook_bytes

    header = _csv_header(glossaries)
    title = _sheet_title(", ".join(glossary.name for glossary in glossaries))
    widths = [max(12, min(60, max((len(row[i]) for row in [header, *_table_rows(glossaries)]), default=0) + 2))
              for i in range(len(header))]
    sheet = Sheet(title, header, _table_rows(glossaries), widths, filtered=True)
    try:
        return workbook_bytes([sheet])
    except ValueError as exc:
        raise GlossaryError(Problem(glossaries[-1].path if glossaries else "glossary", str(exc))) from None


def _sheet_title(names: str) -> str:
    """A worksheet title Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", names)[:31] or "glossary"


def _csv_header(glossaries: list[Glossary]) -> list[str]:
    """The column names, the form columns with the language of their forms: "canonical (en)"."""
    pairs = list(dict.fromkeys((glossary.language, glossary.source_language) for glossary in glossaries))
    if len(pairs) > 1:
        described = ", ".join(_description(glossary) for glossary in glossaries)
        message = (f"a CSV file holds glossaries of one language pair, not {described}: export them one at a "
                   "time, or as TBX or JSON")
        raise GlossaryError(Problem(glossaries[-1].path, message))
    language, source_language = pairs[0] if pairs else (None, None)
    languages = dict.fromkeys(TARGET_FORM_COLUMNS, language) | {"source": source_language}
    return [f"{column} ({languages[column]})" if languages.get(column) else column for column in CSV_COLUMNS]


def _no_formula(cell: str) -> str:
    """The cell as text to a spreadsheet: a quote in front when it starts like a formula, after
    any quotes of its own (so that import, which removes one, gives it back)."""
    return "'" + cell if FORMULA_AFTER_QUOTES.match(cell) else cell


def _formula_text(cell: str) -> str:
    """The cell without the quote ``_no_formula`` (or a spreadsheet user) put in front of it."""
    return cell[1:] if cell.startswith("'") and FORMULA_AFTER_QUOTES.match(cell) else cell


def _csv_row(glossary: Glossary, term: Term) -> list[str]:
    settings = term_settings(term)
    lists = [_csv_cell(glossary, term, getattr(term, name)) for name in LIST_FIELDS]
    tail = [_setting_text(settings.get(key)) for key in ("severity", "fuzzy", "case_sensitive", "morphology")]
    return [term.id, term.canonical, *lists, term.type or "", term.note or "", *tail, glossary.name]


def _csv_cell(glossary: Glossary, term: Term, forms: tuple[str, ...]) -> str:
    for form in forms:
        if FORM_SEPARATOR in form:  # it would come back as two forms
            message = f"term {term.id!r}: form {form!r} contains '|', which separates forms in a CSV cell"
            raise GlossaryError(Problem(glossary.path, message))
    return f" {FORM_SEPARATOR} ".join(forms)


def _export_json(glossaries: list[Glossary]) -> str:
    data = {"version": 1, "glossaries": [_glossary_dict(glossary) for glossary in glossaries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _glossary_dict(glossary: Glossary) -> dict:
    data = {"version": 1, "name": glossary.name, "language": glossary.language}
    if glossary.source_language:
        data["source_language"] = glossary.source_language
    data["terms"] = [_json_term(term) for term in glossary.terms]
    return data


def _json_term(term: Term) -> dict:
    """Every field written out, so a JSON reader needs no knowledge of mtcheck's defaults."""
    data: dict = {"id": term.id, "canonical": term.canonical}
    data.update({name: list(getattr(term, name)) for name in LIST_FIELDS if getattr(term, name)})
    data.update({name: getattr(term, name) for name in ("type", "note") if getattr(term, name) is not None})
    if term.severity is not None:
        data["severity"] = term.severity.label
    data["fuzzy"] = False if term.fuzzy is None else term.fuzzy
    data["case_sensitive"] = term.case_sensitive
    if term.morphology != "inflect":
        data["morphology"] = term.morphology
    if term.inflections:
        data["inflections"] = list(term.inflections)
    examples = _examples(term)
    if examples:
        data["examples"] = examples
    if term.reviewed:
        data["reviewed"] = dict(term.reviewed)
    return data


def _examples(term: Term) -> dict:
    pairs = (("flag", term.flag_examples), ("pass", term.pass_examples))
    return {key: list(sentences) for key, sentences in pairs if sentences}


def _export_tbx(glossaries: list[Glossary]) -> str:
    from lxml import etree

    root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap={None: TBX_NS})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, glossaries[0].language if glossaries else UNDETERMINED)
    _tbx_header(root, glossaries)
    body = _sub(_sub(root, "text"), "body")
    for glossary in glossaries:
        for term in glossary.terms:
            _checked_concept(body, glossary, term)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode", pretty_print=True)


def _sub(parent, tag: str, text: str | None = None, **attributes):
    from lxml import etree

    element = etree.SubElement(parent, f"{{{TBX_NS}}}{tag}", attributes)
    element.text = text
    return element


def _tbx_header(root, glossaries: list[Glossary]) -> None:
    names = ", ".join(glossary.name for glossary in glossaries)
    file_desc = _sub(_sub(root, "tbxHeader"), "fileDesc")
    title_statement = _sub(file_desc, "titleStmt")
    _sub(title_statement, "title", names)
    # Source forms' langSec says the source language only when a term has some: this says it always.
    for source_language in dict.fromkeys(g.source_language for g in glossaries if g.source_language):
        _sub(title_statement, "note", f"mtcheck:source_language={source_language}")
    described = "; ".join(_description(glossary) for glossary in glossaries)
    _sub(_sub(file_desc, "sourceDesc"), "p", f"Exported by mtcheck from glossary {described}")


def _description(glossary: Glossary) -> str:
    source = f", source language {glossary.source_language}" if glossary.source_language else ""
    return f"{glossary.name} (language {glossary.language}{source})"


def _checked_concept(body, glossary: Glossary, term: Term) -> None:
    try:
        _concept(body, glossary, term)
    except ValueError as exc:  # lxml refuses text XML cannot hold (control characters)
        raise GlossaryError(Problem(glossary.path, f"term {term.id!r} cannot be written as TBX: {exc}")) from None


def _concept(body, glossary: Glossary, term: Term) -> None:
    concept = _sub(body, "conceptEntry", id=_xml_id(term.id))
    if term.note:  # an empty note reads back as none, as in CSV
        _sub(concept, "note", term.note)
    for key, value in _mtcheck_notes(term):
        _sub(concept, "note", f"mtcheck:{key}={value}")
    target = _sub(concept, "langSec", **{XML_LANG: glossary.language})
    term_secs(target, term.canonical, term.variants, term.short, term.forbidden)
    if term.source:
        source = _sub(concept, "langSec", **{XML_LANG: glossary.source_language or UNDETERMINED})
        for form in term.source:
            _term_sec(source, form, "preferredTerm-admn-sts")


def _xml_id(term_id: str) -> str:
    """An XML ID (NCName) must start with a letter or "_"; glossary ids may start with a digit.
    "_" is put in front of any id not starting with a letter, so import can always remove it."""
    return term_id if term_id[0].isalpha() else "_" + term_id


def _mtcheck_notes(term: Term) -> list[tuple[str, str]]:
    notes = [("type", term.type)] if term.type is not None else []
    notes += [(key, _setting_text(value)) for key, value in term_settings(term).items()]
    notes += [("flag", sentence) for sentence in term.flag_examples]
    notes += [("pass", sentence) for sentence in term.pass_examples]
    return notes + [("reviewed", f"{code}: {reason}") for code, reason in term.reviewed]


def term_secs(lang_sec, canonical: str, variants, short, forbidden) -> None:
    """A language's forms as termSecs, each with the administrative status of its role: canonical
    preferred, variants and short forms admitted (short forms also termType shortForm), forbidden
    forms deprecated."""
    _term_sec(lang_sec, canonical, "preferredTerm-admn-sts")
    for form in variants:
        _term_sec(lang_sec, form, "admittedTerm-admn-sts")
    for form in short:
        _term_sec(lang_sec, form, "admittedTerm-admn-sts", "shortForm")
    for form in forbidden:
        _term_sec(lang_sec, form, "deprecatedTerm-admn-sts")


def _term_sec(lang_sec, form: str, status: str, term_type: str | None = None) -> None:
    section = _sub(lang_sec, "termSec")
    _sub(section, "term", form)
    if term_type:
        _sub(section, "termNote", term_type, type="termType")
    _sub(section, "termNote", status, type="administrativeStatus")


# --- import: shared -----------------------------------------------------------------------------

@dataclass
class _Candidate:
    """A term as read from the file, before ids are made unique and clashing forms left out."""

    where: str  # "line 4", "concept 'c1' (line 12)": for the header comment
    raw_id: str | None
    canonical: str
    forms: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in LIST_FIELDS})
    fields: dict = field(default_factory=dict)  # type, note, severity, fuzzy, case_sensitive, examples


@dataclass
class _Read:
    language: str
    source_language: str | None
    title: str | None
    candidates: list[_Candidate]
    remarks: list[str]


def import_glossary(path: str, from_format: str, name: str | None = None, language: str | None = None,
                    source_language: str | None = None) -> str:
    """The YAML text of a version-1 glossary made from a CSV, TBX, JSON or XLSX file (deterministic)."""
    readers = {"csv": _read_csv, "json": _read_json, "tbx": _read_tbx, "xlsx": _read_xlsx}
    if from_format not in readers:
        raise InputError(f"unknown import format {from_format!r} (choose from {', '.join(IMPORT_FORMATS)})")
    _check_options(name, language, source_language)
    read = readers[from_format](str(path), language, source_language)
    terms, dropped = _finish(read.candidates)
    glossary_name = name or _glossary_name(read.title, path)
    header = _header(str(path), from_format, read, len(terms)) + read.remarks + dropped
    return _yaml_text(header, glossary_name, read.language, read.source_language, terms)


def _check_options(name, language, source_language) -> None:
    if name is not None and not IDENTIFIER.fullmatch(name):
        raise InputError(f"glossary name {name!r} is not valid: use a-z, 0-9, '.', '_' and '-'")
    for option, value in (("language", language), ("source_language", source_language)):
        if value is not None and not LANGUAGE.fullmatch(value):
            raise InputError(f"{option} {value!r} is not a BCP 47 language tag such as 'en' or 'pt-BR'")


def _header(path: str, from_format: str, read: _Read, count: int) -> list[str]:
    source = f", source language {read.source_language}" if read.source_language else ""
    return [
        f"mtcheck glossary imported from {from_format.upper()} file {path}",
        f"(language {read.language}{source}; {count} term{'' if count == 1 else 's'}). Review before use.",
    ]




def _glossary_name(title: str | None, path: str) -> str:
    """The name the file gives (a glossary's own name comes back as it was), else one made of its
    title or file name."""
    if title and IDENTIFIER.fullmatch(title):
        return title
    return _slug(title or "") or _slug(Path(path).stem) or "imported"


def _slug(text: str) -> str:
    """A glossary id made from a form: ASCII letters and digits joined by "-" ("Zvečan" -> "zvecan")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")


def _usable_id(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"_[0-9._-].*", raw):  # undo _xml_id
        raw = raw[1:]
    return raw if raw and IDENTIFIER.fullmatch(raw) else None


def _finish(candidates: list[_Candidate]) -> tuple[list[dict], list[str]]:
    """Term mappings with unique ids and no form claimed twice, and what was left out."""
    used: set[str] = set()
    claimed: dict[str, tuple[str, str | bool]] = {}
    terms, dropped = [], []
    for candidate in candidates:
        forms = _own_forms(candidate, dropped)
        owner = _taken(candidate.canonical, candidate, claimed)
        if owner is not None:
            dropped.append(f"left out {candidate.where}: {candidate.canonical!r} is a form of term {owner!r}")
            continue
        term_id = _unique_id(_usable_id(candidate.raw_id) or _slug(candidate.canonical) or "term", used)
        forms = _unclaimed(candidate, forms, claimed, dropped)
        _claim(term_id, candidate, forms, claimed)
        terms.append(_term_mapping(term_id, candidate, forms))
    return terms, dropped


def _own_forms(candidate: _Candidate, dropped: list[str]) -> dict[str, list[str]]:
    """Each form once (its first role), and only forms with a letter or digit."""
    seen = {fold(candidate.canonical)}
    forms: dict[str, list[str]] = {}
    for role in LIST_FIELDS:
        forms[role] = []
        for form in candidate.forms[role]:
            if not HAS_WORD_CHARACTER.search(form):
                dropped.append(f"left out {role} form {form!r} of {candidate.where}: no letter or digit")
            elif fold(form) not in seen:
                seen.add(fold(form))
                forms[role].append(form)
    return forms


def _taken(form: str, candidate: _Candidate, claimed: dict) -> str | None:
    """The earlier term that owns ``form``, by the loader's rule (two case-sensitive terms may
    share a folded form when they spell it differently)."""
    owner = claimed.get(fold(form))
    case_sensitive = bool(candidate.fields.get("case_sensitive"))
    if owner is None or (owner[1] and case_sensitive and owner[1] != form):
        return None
    return owner[0]


def _unclaimed(candidate: _Candidate, forms: dict, claimed: dict, dropped: list[str]) -> dict:
    kept: dict[str, list[str]] = {}
    for role, role_forms in forms.items():
        kept[role] = []
        for form in role_forms:
            owner = _taken(form, candidate, claimed)
            if owner is None:
                kept[role].append(form)
            else:
                dropped.append(f"left out {role} form {form!r} of {candidate.where}: a form of term {owner!r}")
    return kept


def _claim(term_id: str, candidate: _Candidate, forms: dict, claimed: dict) -> None:
    case_sensitive = bool(candidate.fields.get("case_sensitive"))
    for form in [candidate.canonical, *(f for role in LIST_FIELDS for f in forms[role])]:
        claimed.setdefault(fold(form), (term_id, case_sensitive and form))


def _unique_id(base: str, used: set[str]) -> str:
    term_id, number = base, 2
    while term_id in used:
        term_id, number = f"{base}-{number}", number + 1
    used.add(term_id)
    return term_id


def _term_mapping(term_id: str, candidate: _Candidate, forms: dict) -> dict:
    term: dict = {"id": term_id, "canonical": candidate.canonical}
    term.update({role: _Flow(forms[role]) for role in LIST_FIELDS if forms[role]})
    for key in ("type", "note", "severity", "fuzzy", "case_sensitive", "morphology"):
        if candidate.fields.get(key) is not None:
            term[key] = candidate.fields[key]
    examples = candidate.fields.get("examples") or {}
    if examples:
        term["examples"] = {key: _Flow(examples[key]) for key in ("flag", "pass") if key in examples}
    if candidate.fields.get("reviewed"):
        term["reviewed"] = candidate.fields["reviewed"]
    return term


class _Flow(list):
    """A list written inline ("[CSM, ASM]"), as glossaries usually keep form lists."""


class _Dumper(yaml.SafeDumper):
    """PyYAML, whose YAML 1.1 quoting the loader (also PyYAML) reads back exactly."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)  # "  - id:" under "terms:", as in the README


def _represent_str(dumper, value: str):
    # Double quotes keep a multi-line note on one physical line ("\n" escapes): in PyYAML's
    # single-quoted style line breaks are folded and indented, which is harder to read.
    style = '"' if "\n" in value or "\r" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_Flow, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))
_Dumper.add_representer(str, _represent_str)


def _yaml_text(header: list[str], name: str, language: str, source_language: str | None, terms: list[dict]) -> str:
    data: dict = {"version": 1, "name": name, "language": language}
    if source_language:
        data["source_language"] = source_language
    data["terms"] = terms
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)
    # a blank line before "terms:" and between terms, as in hand-written glossaries
    body = body.replace("\n  - id: ", "\n\n  - id: ").replace("\nterms:\n\n", "\n\nterms:\n", 1)
    comments = "".join(f"# {' '.join(line.split())}\n" for line in header)  # one physical line each
    return comments + "\n" + body


# --- settings read from CSV cells and TBX notes -------------------------------------------------

def _severity(value: str, path: str, line: int | None) -> str | None:
    value = value.strip().lower()
    if value and value not in SEVERITY_NAMES:
        raise InputError(Problem(path, f"unknown severity {value!r} (choose from {', '.join(SEVERITY_NAMES)})", line))
    return value or None


def _morphology(value: str, path: str, line: int | None) -> str | None:
    value = value.strip().lower()
    if value and value not in MORPHOLOGIES:
        raise InputError(Problem(path, f"unknown morphology {value!r} (choose from {', '.join(MORPHOLOGIES)})", line))
    return value or None


def _fuzzy(value: str, path: str, line: int | None) -> int | bool | None:
    value = value.strip().lower()
    if value in ("false", "no", "off"):
        return False
    # ASCII digits only, and few: str.isdigit() also takes "²" and 5,000-digit runs, which int() refuses.
    if value and not (re.fullmatch("[0-9]{1,3}", value) and int(value) <= 100):
        raise InputError(Problem(path, f"fuzzy must be a number from 0 to 100 or false, not {value!r}", line))
    return int(value) if value else None


def _boolean(value: str, path: str, line: int | None) -> bool | None:
    value = value.strip().lower()
    choices = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False, "": None}
    if value not in choices:
        raise InputError(Problem(path, f"case_sensitive must be true or false, not {value!r}", line))
    return choices[value]


# --- import: CSV --------------------------------------------------------------------------------

def _read_csv(path: str, language: str | None, source_language: str | None) -> _Read:
    text = decode(_read_bytes(path), path)
    return _read_table(path, _csv_rows(path, text), language, source_language, "CSV")


def _read_xlsx(path: str, language: str | None, source_language: str | None) -> _Read:
    from mtcheck.spreadsheet import first_sheet

    sheet = first_sheet(path)
    return _read_table(sheet.label, iter(sheet.rows), language, source_language, "XLSX")


def _csv_rows(path: str, text: str):
    """(first line, cells) of each row of a CSV file, its delimiter a comma, or the semicolon or
    tab its header is cut by (memoQ writes semicolons)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(";\t", key=first_line.count) if first_line.count(",") < max(map(first_line.count, ";\t")) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    while (row := _next_row(reader, path)) is not None:
        line, start = start, reader.line_num + 1  # a quoted cell may span lines: report the first
        yield line, row


def _read_table(path: str, rows, language: str | None, source_language: str | None, kind: str) -> _Read:
    """A CSV file's or a worksheet's rows: mtcheck's columns, or one column per language as CAT
    tools export termbases."""
    from mtcheck.glossary import language_columns

    header = next(rows, (1, None))[1]
    if header is not None and language_columns.shaped_so(header):
        return language_columns.read(path, header, rows, language, source_language, kind)
    columns, languages = _csv_columns(path, header)
    language = language or _csv_language(path, languages)
    candidates: list[_Candidate] = []
    names: dict[str, None] = {}  # the glossary column's names, in order
    for line, row in rows:
        if any(cell.strip() for cell in row):
            candidates.append(_csv_candidate(path, line, columns, row))
            names.setdefault(_formula_text(dict(zip(columns, row)).get("glossary", "")).strip(), None)
    ignored = sorted(set(columns) - set(CSV_COLUMNS) - {""})
    remarks = [f"ignored {kind} columns: {', '.join(ignored)}"] if ignored else []
    title = ", ".join(name for name in names if name) or None
    return _Read(language, source_language or languages.get("source"), title, candidates, remarks)


def _next_row(reader, path: str) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as exc:
        raise InputError(Problem(path, f"malformed CSV: {exc}", reader.line_num or None)) from None


def _csv_columns(path: str, header: list[str] | None) -> tuple[list[str], dict[str, str]]:
    """The column names (lower case, without a language) and the languages that form columns name."""
    if header is None:
        raise InputError(Problem(path, f"empty file: expected a header row ({','.join(CSV_COLUMNS)})", 1))
    cells = [CSV_HEADER_CELL.fullmatch(cell) for cell in header]
    columns = [cell["name"].lower() for cell in cells]
    languages = {column: cell["language"] for column, cell in zip(columns, cells)
                 if cell["language"] and column in (*TARGET_FORM_COLUMNS, "source")}
    for column, tag in languages.items():
        if not LANGUAGE.fullmatch(tag):
            message = f"column {column!r} names the language {tag!r}, which is not a BCP 47 tag such as 'en' or 'pt-BR'"
            raise InputError(Problem(path, message, 1))
    missing = [column for column in REQUIRED_CSV_COLUMNS if column not in columns]
    if missing:
        message = f"the header row lacks the required column(s) {', '.join(missing)} (it has: {', '.join(columns)})"
        raise InputError(Problem(path, message, 1))
    doubled = sorted({column for column in columns if column and columns.count(column) > 1})
    if doubled:
        raise InputError(Problem(path, f"the header row names column(s) twice: {', '.join(doubled)}", 1))
    return columns, languages


def _csv_language(path: str, languages: dict[str, str]) -> str:
    """The one language the target form columns name ("canonical (en)")."""
    named = list(dict.fromkeys(tag for column, tag in languages.items() if column in TARGET_FORM_COLUMNS))
    if not named:
        message = "the header row names no language (as in 'canonical (en)'): give the language option"
        raise InputError(Problem(path, message, 1))
    if len(named) > 1:
        raise InputError(Problem(path, f"the CSV form columns name different languages: {', '.join(named)}", 1))
    return named[0]


def _csv_candidate(path: str, line: int, columns: list[str], row: list[str]) -> _Candidate:
    cells = {column: _formula_text(cell) for column, cell in zip(columns, row)}
    canonical = cells.get("canonical", "").strip()
    if not HAS_WORD_CHARACTER.search(canonical):
        raise InputError(Problem(path, f"canonical form {canonical!r} needs a letter or digit", line))
    candidate = _Candidate(f"line {line}", cells.get("id", "").strip() or None, canonical)
    for role in LIST_FIELDS:
        candidate.forms[role] = [f.strip() for f in cells.get(role, "").split(FORM_SEPARATOR) if f.strip()]
    candidate.fields = {
        "type": cells.get("type", "").strip() or None,
        "note": cells.get("note", "").strip() or None,
        "severity": _severity(cells.get("severity", ""), path, line),
        "fuzzy": _fuzzy(cells.get("fuzzy", ""), path, line),
        "case_sensitive": _boolean(cells.get("case_sensitive", ""), path, line),
        "morphology": _morphology(cells.get("morphology", ""), path, line),
    }
    return candidate


# --- import: JSON -------------------------------------------------------------------------------

def _read_json(path: str, language: str | None, source_language: str | None) -> _Read:
    glossaries = _json_glossaries(path)
    target = language or (glossaries[0].language if glossaries else "")
    if not target:
        raise InputError(Problem(path, "the file holds no glossary to take the language from: give the language option"))
    kept = [glossary for glossary in glossaries if _same_language(glossary.language, target)]
    remarks = [f"glossary {glossary.name!r} was not imported: its language is {glossary.language}, not {target}"
               for glossary in glossaries if not _same_language(glossary.language, target)]
    sources = list(dict.fromkeys(glossary.source_language for glossary in kept if glossary.source_language))
    if source_language is None and len(sources) > 1:
        remarks.append(f"the glossaries name different source languages ({', '.join(sources)}): none is kept")
    source = source_language or (sources[0] if len(sources) == 1 else None)
    candidates = [_json_candidate(glossary, term) for glossary in kept for term in glossary.terms]
    title = ", ".join(glossary.name for glossary in kept) or None
    return _Read(target, source, title, candidates, remarks)


def _json_glossaries(path: str) -> list[Glossary]:
    """The glossaries of a JSON export, checked as the loader checks a glossary file."""
    from mtcheck import jsoninput
    from mtcheck.glossary.loader import build_glossary
    from mtcheck.located import Located
    from mtcheck.validation import schema_problems

    try:
        data = jsoninput.loads(decode(_read_bytes(path), path))
    except json.JSONDecodeError as exc:
        raise InputError(Problem(path, f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)) from None
    try:  # a "\ud800" escape gives a lone surrogate, which no glossary file can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        message = f"a string holds a lone surrogate U+{ord(exc.object[exc.start]):04X}, which is no character"
        raise InputError(Problem(path, message)) from None
    problems = schema_problems(_json_export_schema(), Located(data), path)
    if problems:
        raise InputError(problems)
    return [build_glossary(glossary, path) for glossary in data["glossaries"]]


def _json_export_schema() -> dict:
    """What ``_export_json`` writes: schema.json's glossary object, in a list."""
    from mtcheck.glossary.loader import glossary_schema

    schema = glossary_schema()
    glossary = {key: value for key, value in schema.items() if not key.startswith("$")}
    return {"$defs": schema["$defs"], "type": "object", "required": ["version", "glossaries"],
            "additionalProperties": False,
            "properties": {"version": {"const": 1}, "glossaries": {"type": "array", "items": glossary}}}


def _json_candidate(glossary: Glossary, term: Term) -> _Candidate:
    candidate = _Candidate(f"term {term.id!r} of glossary {glossary.name!r}", term.id, term.canonical)
    candidate.forms = {role: list(getattr(term, role)) for role in LIST_FIELDS}
    candidate.fields = {"type": term.type, "note": term.note, **term_settings(term), "examples": _examples(term),
                        "reviewed": dict(term.reviewed)}
    return candidate


# --- import: TBX --------------------------------------------------------------------------------

def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(Problem(path, f"cannot read: {exc.strerror}")) from None


def _parse_xml(path: str):
    """The root element of a safely parsed XML file (no entities, no DTD, no network)."""
    return safexml.parse(path, _read_bytes(path))


def _local(element) -> str:
    """The tag without its namespace: TBX v3 has one, TBX v2 none."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _children(element, *names: str) -> list:
    return [child for child in element if _local(child) in names]


def _text(element) -> str:
    return "".join(element.itertext()).strip()


def _language(tag: str | None) -> str:
    return (tag or "").strip().replace("_", "-")


def _same_language(tag: str, wanted: str) -> bool:
    """BCP 47 tags match when equal or one is a prefix of the other ("de" and "de-DE")."""
    a, b = tag.lower(), wanted.lower()
    return bool(a and b) and (a == b or a.startswith(b + "-") or b.startswith(a + "-"))


def _read_tbx(path: str, language: str | None, source_language: str | None) -> _Read:
    root = _parse_xml(path)
    if _local(root) not in ("tbx", "martif"):
        message = f"not a TBX file: the root element is <{_local(root)}>, not <tbx> (TBX v3) or <martif> (TBX v2)"
        raise InputError(Problem(path, message, root.sourceline))
    concepts = [element for element in root.iter() if _local(element) in ("conceptEntry", "termEntry")]
    languages = _file_languages(concepts)
    target = language or _language(root.get(XML_LANG)) or (languages[0] if languages else "")
    if not LANGUAGE.fullmatch(target):
        raise InputError(Problem(path, f"no usable target language ({target!r}): give the language option"))
    headers = _children(root, "tbxHeader", "martifHeader")
    source, remarks = _source_language(target, source_language or _noted_source_language(headers), languages)
    candidates = []
    for concept in concepts:
        candidate = _tbx_candidate(path, concept, target, source, remarks)
        if candidate is not None:
            candidates.append(candidate)
    title = next((_text(e) for h in headers for e in h.iter() if _local(e) == "title" and _text(e)), None)
    named_source = None if source == UNDETERMINED else source
    return _Read(target, named_source, title, candidates, remarks)


def _noted_source_language(headers: list) -> str | None:
    """The source language the header's ``mtcheck:source_language`` notes agree on, if any."""
    noted = {match.group(1).strip() for header in headers for element in header.iter()
             if _local(element) == "note" and (match := SOURCE_LANGUAGE_NOTE.fullmatch(_text(element)))}
    return noted.pop() if len(noted) == 1 else None


def _lang_secs(concept) -> list:
    return _children(concept, "langSec", "langSet")


def _section_language(section) -> str:
    return _language(section.get(XML_LANG) or section.get("lang"))


def _file_languages(concepts: list) -> list[str]:
    found: dict[str, None] = {}
    for concept in concepts:
        for section in _lang_secs(concept):
            found.setdefault(_section_language(section), None)
    return [tag for tag in found if tag]


def _source_language(target: str, given: str | None, languages: list[str]) -> tuple[str | None, list[str]]:
    """The given source language, else the file's only language besides the target."""
    others = [tag for tag in languages if not _same_language(tag, target)]
    if given:
        unused = [tag for tag in others if not _same_language(tag, given)]
    else:
        given, unused = (others[0], []) if len(others) == 1 else (None, others)
    if given and not LANGUAGE.fullmatch(given):
        return None, [f"source language {given!r} is not a BCP 47 tag: its terms were not imported"]
    return given, ([f"terms in {', '.join(unused)} were not imported"] if unused else [])


def _sections_in(concept, language: str | None, exclude: str | None = None) -> list:
    if not language:
        return []
    return [section for section in _lang_secs(concept)
            if _same_language(_section_language(section), language)
            and not (exclude and _same_language(_section_language(section), exclude))]


def _tbx_candidate(path: str, concept, target: str, source: str | None, remarks: list[str]) -> _Candidate | None:
    where = f"concept {concept.get('id')!r} (line {concept.sourceline})" if concept.get("id") else \
        f"the concept at line {concept.sourceline}"
    targets = _sections_in(concept, target)
    entries = [entry for section in targets for entry in _entries(section, path, where, remarks)]
    canonical = _canonical(entries)
    if canonical is None:
        remarks.append(f"left out {where}: no usable {target} term")
        return None
    candidate = _Candidate(where, concept.get("id"), entries[canonical][0])
    for index, (form, status, short) in enumerate(entries):
        if index != canonical:
            role = "forbidden" if status == FORBIDDEN else "short" if short else "variants"
            candidate.forms[role].append(form)
    for section in _sections_in(concept, source, exclude=target):
        candidate.forms["source"] += [form for form, _, _ in _entries(section, path, where, remarks)]
    candidate.fields = _concept_fields(path, concept, targets)
    return candidate


def _entries(lang_sec, path: str, where: str, remarks: list[str]) -> list[tuple[str, str, bool]]:
    """(form, status, is a short form) for each term of a language section."""
    entries = []
    for section in _children(lang_sec, "termSec", "tig", "ntig"):
        term = next((e for e in section.iter() if _local(e) == "term"), None)
        form = _text(term) if term is not None else ""
        if not HAS_WORD_CHARACTER.search(form):
            remarks.append(f"left out term {form!r} of {where}: no letter or digit")
            continue
        categories = _categories(section)
        status = _status(categories.get("administrativeStatus") or categories.get("normativeAuthorization"))
        short = _compact(categories.get("termType", "")) in SHORT_TERM_TYPES
        entries.append((form, status, short))
    return entries


def _categories(section) -> dict[str, str]:
    """The first value of each termNote type in a term section (tig, ntig/termGrp, termNoteGrp)."""
    found: dict[str, str] = {}
    for element in section.iter():
        if _local(element) == "termNote" and element.get("type"):
            found.setdefault(element.get("type"), _text(element))
    return found


def _compact(value: str) -> str:
    return re.sub(r"[\s_-]", "", value).lower()


def _status(value: str | None) -> str:
    word = _compact(re.sub(r"-admn-sts$", "", (value or "").strip()))
    word = word[:-4] if word.endswith("term") else word
    return STATUS_WORDS.get(word, ADMITTED)


def _canonical(entries: list[tuple[str, str, bool]]) -> int | None:
    """The first preferred term, else the first admitted full form, else the first admitted one."""
    for wanted in ((PREFERRED, None), (ADMITTED, False), (ADMITTED, None)):
        for index, (_, status, short) in enumerate(entries):
            if status == wanted[0] and wanted[1] in (None, short):
                return index
    return None


def _concept_fields(path: str, concept, targets: list) -> dict:
    notes, fields, examples = [], {}, {}
    subject = None
    for element in _descriptive(concept, targets):
        kind = element.get("type") if _local(element) == "descrip" else "note"
        text = _text(element)
        if kind == "subjectField":
            subject = subject or text or None
        elif kind in ("note", "definition") and text:
            match = MTCHECK_NOTE.fullmatch(text) if kind == "note" else None
            if match is None:
                notes.append(text)
            else:
                _mtcheck_field(path, element.sourceline, match, fields, examples)
    fields.setdefault("type", subject)
    fields["note"] = joined_notes(notes)
    fields["examples"] = examples
    return fields


def _descriptive(concept, targets: list) -> list:
    """Notes and descrips of the concept and of its target language sections, in file order
    (also inside descripGrp), not those of single terms."""
    found = []
    for holder in [concept, *targets]:
        for child in holder:
            if _local(child) == "descripGrp":
                found += _children(child, "descrip", "note")
            elif _local(child) in ("descrip", "note"):
                found.append(child)
    return sorted(found, key=lambda element: element.sourceline or 0)


def _mtcheck_field(path: str, line: int | None, match, fields: dict, examples: dict) -> None:
    key, value = match.group(1), match.group(2)
    if key in ("flag", "pass"):
        if value:  # the schema wants no empty example
            examples.setdefault(key, []).append(value)
    elif key == "reviewed":
        code, _, reason = value.partition(": ")
        fields.setdefault("reviewed", {})[code] = reason
    elif key == "type":
        fields["type"] = value
    elif key == "severity":
        fields["severity"] = _severity(value, path, line)
    elif key == "fuzzy":
        fields["fuzzy"] = _fuzzy(value, path, line)
    elif key == "morphology":
        fields["morphology"] = _morphology(value, path, line)
    else:
        fields["case_sensitive"] = _boolean(value, path, line)


def joined_notes(notes: list[str]) -> str | None:
    """Several notes of a concept (a definition, an entry note, a usage note) as one, each ended as a
    sentence so that one does not run into the next ("Braking system part. Part that slows the
    wheel"); a note read twice is kept once. None when there is none."""
    kept = [note.strip() for note in dict.fromkeys(notes) if note.strip()]
    return " ".join(note if index == len(kept) - 1 or note[-1] in ".!?;:" else note + "."
                    for index, note in enumerate(kept)) or None
