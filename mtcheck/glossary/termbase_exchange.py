"""Exchange of multilingual glossaries (version 2): every language in one file, both ways.

``glossary export`` of a version-2 glossary and ``glossary import --multilingual`` use these; the
one-language exchange of ``mtcheck.glossary.exchange`` stays as it is (its helpers are shared). An
export imports back as the same glossary, and that glossary exports to the same bytes.

TBX (TBX-Basic, DCA, as ``exchange`` writes it): one ``conceptEntry`` per term and a ``langSec`` per
language. Per language: canonical ``preferredTerm-admn-sts``; variants ``admittedTerm-admn-sts``;
short forms admitted with ``termType`` ``shortForm``; forbidden ``deprecatedTerm-admn-sts``; the
language's note a ``<note>`` of its ``langSec``, and its examples and inflections notes
``mtcheck:flag=``, ``mtcheck:pass=``, ``mtcheck:inflection=``. Per concept: its note a ``<note>``,
its settings ``mtcheck:type|severity|fuzzy|case_sensitive|morphology=VALUE`` notes, each review a
``mtcheck:reviewed=CODE: REASON`` note. The title is
the name; title notes ``mtcheck:languages=en de sr-Latn`` (their order) and
``mtcheck:source_language=sr-Latn``. A TBX file of another tool: the languages in the order its
concepts use them, the source language only when given; per language, terms are read as
``exchange`` reads the target language's (the first preferred is canonical, and so on).

CSV and XLSX: a row per term; the columns ``id, type, note, severity, fuzzy, case_sensitive,
morphology, reviewed`` (``CODE: REASON`` entries), then for each language ``L`` (in order) ``L`` (canonical), ``L_variants``,
``L_short``, ``L_forbidden``, ``L_inflections``, ``L_note``, ``L_flag``, ``L_pass`` (lists joined
with " | "), then ``glossary`` (the name) and ``source_language``. A cell that would run as a
formula gets a quote in front, as in ``exchange``.

What the format would refuse is left out and named in the imported file's header comment: terms
with no usable language, a language block without a canonical form, forms without a letter or
digit, a form another term already has in that language.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import yaml

from mtcheck.errors import GlossaryError, InputError, Problem
from mtcheck.glossary.concepts import BLOCK_LISTS, Concept, LanguageForms, Termbase, checked_text
from mtcheck.glossary.exchange import (
    FORBIDDEN, FORM_SEPARATOR, HAS_WORD_CHARACTER, LANGUAGE, TBX_NS, XML_LANG, _boolean, _canonical, _children,
    _Dumper, _entries, _Flow, _formula_text, _fuzzy, _glossary_name, _lang_secs, _local, _no_formula, _parse_xml,
    _section_language, _severity, _sheet_title, _slug, _sub, _text, _unique_id, _usable_id, _xml_id,
    joined_notes, term_secs, term_settings,
)
from mtcheck.text import fold

SETTINGS = ("type", "severity", "fuzzy", "case_sensitive", "morphology")
CONCEPT_COLUMNS = ("id", "type", "note", "severity", "fuzzy", "case_sensitive", "morphology", "reviewed")
LANGUAGE_COLUMNS = ("variants", "short", "forbidden", "inflections", "note", "flag", "pass")  # "L_variants"...
MTCHECK_NOTE = re.compile(r"mtcheck:(type|severity|fuzzy|case_sensitive|morphology|reviewed|flag|pass|inflection"
                          r"|languages|source_language)=(.*)", re.S)
REVIEW_SEPARATOR = ": "  # "no-note: the name says it all", as version-1 exchange writes a review


# --- the glossary as plain data ---------------------------------------------------------------

def termbase_mapping(termbase: Termbase) -> dict:
    """The version-2 mapping of a loaded glossary: settings only where they differ from the defaults."""
    data: dict = {"version": 2, "name": termbase.name, "languages": _Flow(termbase.languages)}
    if termbase.source_language:
        data["source_language"] = termbase.source_language
    data["terms"] = [_concept_mapping(concept) for concept in termbase.concepts]
    return data


def _concept_mapping(concept: Concept) -> dict:
    term: dict = {"id": concept.id}
    term.update({key: value for key, value in (("type", concept.type), ("note", concept.note)) if value is not None})
    term.update(term_settings(concept))
    if concept.reviewed:
        term["reviewed"] = dict(concept.reviewed)
    term["forms"] = {forms.language: _block_mapping(forms) for forms in concept.forms}
    return term


def _block_mapping(forms: LanguageForms) -> dict:
    block: dict = {"canonical": forms.canonical}
    block.update({kind: _Flow(getattr(forms, kind)) for kind in BLOCK_LISTS if getattr(forms, kind)})
    if forms.note is not None:
        block["note"] = forms.note
    examples = {key: _Flow(sentences) for key, sentences in (("flag", forms.flag_examples), ("pass", forms.pass_examples))
                if sentences}
    if examples:
        block["examples"] = examples
    return block


def termbase_yaml(header: list[str], data: dict) -> str:
    """The text of a version-2 glossary file: ``header`` as comments, a blank line between terms."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)
    body = body.replace("\n  - id: ", "\n\n  - id: ").replace("\nterms:\n\n", "\n\nterms:\n", 1)
    comments = "".join(f"# {' '.join(line.split())}\n" for line in header)
    return comments + ("\n" if comments else "") + body


# --- export -------------------------------------------------------------------------------------

def export_termbase(termbase: Termbase, to: str) -> str | bytes:
    writers = {"tbx": _export_tbx, "csv": _export_csv, "xlsx": _export_xlsx}
    if to not in writers:
        raise InputError(f"a multilingual glossary exports as {', '.join(writers)}, not {to}")
    return writers[to](termbase)


def _export_tbx(termbase: Termbase) -> str:
    from lxml import etree

    root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap={None: TBX_NS})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, termbase.default_language)
    file_desc = _sub(_sub(root, "tbxHeader"), "fileDesc")
    title_statement = _sub(file_desc, "titleStmt")
    _sub(title_statement, "title", termbase.name)
    _sub(title_statement, "note", f"mtcheck:languages={' '.join(termbase.languages)}")
    if termbase.source_language:
        _sub(title_statement, "note", f"mtcheck:source_language={termbase.source_language}")
    _sub(_sub(file_desc, "sourceDesc"), "p", f"Exported by mtcheck from multilingual glossary {termbase.name}")
    body = _sub(_sub(root, "text"), "body")
    for concept in termbase.concepts:
        try:
            _tbx_concept(body, concept)
        except ValueError as exc:  # lxml refuses text XML cannot hold (control characters)
            raise GlossaryError(Problem(termbase.path, f"term {concept.id!r} cannot be written as TBX: {exc}")) from None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode", pretty_print=True)


def _tbx_concept(body, concept: Concept) -> None:
    entry = _sub(body, "conceptEntry", id=_xml_id(concept.id))
    if concept.note:
        _sub(entry, "note", concept.note)
    settings = ({"type": concept.type} if concept.type is not None else {}) | term_settings(concept)
    for key, value in settings.items():
        _sub(entry, "note", f"mtcheck:{key}={_text_of(value)}")
    for code, reason in concept.reviewed:
        _sub(entry, "note", f"mtcheck:reviewed={code}{REVIEW_SEPARATOR}{reason}")
    for forms in concept.forms:
        section = _sub(entry, "langSec", **{XML_LANG: forms.language})
        if forms.note:
            _sub(section, "note", forms.note)
        for key, values in (("flag", forms.flag_examples), ("pass", forms.pass_examples),
                            ("inflection", forms.inflections)):
            for value in values:
                _sub(section, "note", f"mtcheck:{key}={value}")
        term_secs(section, forms.canonical, forms.variants, forms.short, forms.forbidden)


def _text_of(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _table(termbase: Termbase) -> tuple[list[str], list[list[str]]]:
    header = [*CONCEPT_COLUMNS]
    for tag in termbase.languages:
        header += [tag, *(f"{tag}_{kind}" for kind in LANGUAGE_COLUMNS)]
    header += ["glossary", "source_language"]
    rows = []
    for concept in termbase.concepts:
        settings = term_settings(concept)
        row = [concept.id, concept.type or "", concept.note or "",
               *(_text_of(settings[key]) if key in settings else "" for key in CONCEPT_COLUMNS[3:-1]),
               _joined(termbase, concept, "reviewed", [f"{code}{REVIEW_SEPARATOR}{reason}" for code, reason in concept.reviewed])]
        for tag in termbase.languages:
            row += _language_cells(termbase, concept, concept.in_language(tag))
        rows.append([_no_formula(cell) for cell in row + [termbase.name, termbase.source_language or ""]])
    return header, rows


def _language_cells(termbase: Termbase, concept: Concept, forms: LanguageForms | None) -> list[str]:
    if forms is None:
        return [""] * (1 + len(LANGUAGE_COLUMNS))
    lists = [*(getattr(forms, kind) for kind in LANGUAGE_COLUMNS[:4]), None, forms.flag_examples, forms.pass_examples]
    cells = [forms.canonical]
    for kind, values in zip(LANGUAGE_COLUMNS, lists, strict=True):
        if values is None:
            cells.append(forms.note or "")
            continue
        cells.append(_joined(termbase, concept, f"{forms.language} {kind}", values))
    return cells


def _joined(termbase: Termbase, concept: Concept, what: str, values) -> str:
    """A list as one cell, its entries joined with " | "."""
    if any(FORM_SEPARATOR in value for value in values):  # it would come back as two
        message = f"term {concept.id!r}: a {what} entry contains '|', which separates entries in a cell"
        raise GlossaryError(Problem(termbase.path, message))
    return f" {FORM_SEPARATOR} ".join(values)


def _export_csv(termbase: Termbase) -> str:
    header, rows = _table(termbase)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _export_xlsx(termbase: Termbase) -> bytes:
    from mtcheck.spreadsheet import Sheet, workbook_bytes

    header, rows = _table(termbase)
    try:
        return workbook_bytes([Sheet(_sheet_title(termbase.name), header, rows, filtered=True)])
    except ValueError as exc:
        raise GlossaryError(Problem(termbase.path, str(exc))) from None


# --- import -------------------------------------------------------------------------------------

@dataclass
class _Candidate:
    """A term as read, before ids are made unique and clashing forms left out."""

    where: str
    raw_id: str | None
    settings: dict = field(default_factory=dict)  # type, note, severity, fuzzy, case_sensitive, morphology
    blocks: dict[str, dict] = field(default_factory=dict)  # language -> canonical, lists, note, examples


@dataclass
class _ReadTermbase:
    title: str | None
    languages: list[str]
    source_language: str | None
    candidates: list[_Candidate]
    remarks: list[str]


def import_termbase(path: str, from_format: str, name: str | None = None, source_language: str | None = None) -> str:
    """The YAML text of a version-2 glossary holding every language of a TBX, CSV or XLSX file."""
    readers = {"tbx": _read_tbx, "csv": _read_csv, "xlsx": _read_xlsx}
    if from_format not in readers:
        raise InputError(f"--multilingual imports {', '.join(readers)}, not {from_format}")
    if source_language is not None and not LANGUAGE.fullmatch(source_language):
        raise InputError(f"source_language {source_language!r} is not a BCP 47 language tag such as 'en' or 'pt-BR'")
    read = readers[from_format](str(path))
    terms, dropped = _finish(read.candidates)
    used = [tag for tag in read.languages if any(tag in term["forms"] for term in terms)]
    source = source_language or read.source_language
    if source and source not in used:
        dropped.append(f"source language {source} has no forms in the file: none is set")
        source = None
    data: dict = {"version": 2, "name": name or _glossary_name(read.title, path), "languages": _Flow(used)}
    if source:
        data["source_language"] = source
    data["terms"] = terms
    count = len(terms)
    header = [f"mtcheck multilingual glossary imported from {from_format.upper()} file {path}",
              f"(languages {', '.join(used) or 'none'}; {count} term{'' if count == 1 else 's'}). Review before use."]
    return checked_text(termbase_yaml(header + read.remarks + dropped, data), path)


def _finish(candidates: list[_Candidate]) -> tuple[list[dict], list[str]]:
    used: set[str] = set()
    claimed: dict[tuple[str, str], str] = {}
    terms, dropped = [], []
    for candidate in candidates:
        blocks = {tag: kept for tag, block in candidate.blocks.items()
                  if (kept := _unclaimed(candidate, tag, block, claimed, dropped)) is not None}
        if not blocks:
            dropped.append(f"left out {candidate.where}: no usable language")
            continue
        first = next(iter(blocks.values()))["canonical"]
        term_id = _unique_id(_usable_id(candidate.raw_id) or _slug(first) or "term", used)
        for tag, block in blocks.items():
            for form in _all_forms(block):
                claimed.setdefault((tag, fold(form)), term_id)
        term: dict = {"id": term_id, **{key: value for key, value in candidate.settings.items() if value is not None}}
        term["forms"] = blocks
        terms.append(term)
    return terms, dropped


def _all_forms(block: dict) -> list[str]:
    return [block["canonical"], *(form for kind in BLOCK_LISTS for form in block.get(kind, []))]


def _unclaimed(candidate: _Candidate, tag: str, block: dict, claimed: dict, dropped: list[str]) -> dict | None:
    """The block with each form once (its first role), none another term has in this language;
    None when its canonical form is unusable or taken."""
    canonical = block.get("canonical")
    if not canonical:
        dropped.append(f"left out the {tag} forms of {candidate.where}: no canonical form")
        return None
    if (owner := claimed.get((tag, fold(canonical)))) is not None:
        dropped.append(f"left out the {tag} forms of {candidate.where}: {canonical!r} is a form of term {owner!r}")
        return None
    seen = {fold(canonical)}
    kept: dict = {"canonical": canonical}
    for kind in BLOCK_LISTS:
        forms = []
        for form in block.get(kind, []):
            if not HAS_WORD_CHARACTER.search(form):
                dropped.append(f"left out {tag} {kind} form {form!r} of {candidate.where}: no letter or digit")
            elif (owner := claimed.get((tag, fold(form)))) is not None:
                dropped.append(f"left out {tag} {kind} form {form!r} of {candidate.where}: a form of term {owner!r}")
            elif fold(form) not in seen:
                seen.add(fold(form))
                forms.append(form)
        if forms:
            kept[kind] = _Flow(forms)
    if block.get("note"):
        kept["note"] = block["note"]
    examples = {key: _Flow(block[key]) for key in ("flag", "pass") if block.get(key)}
    if examples:
        kept["examples"] = examples
    return kept


def _read_tbx(path: str) -> _ReadTermbase:
    root = _parse_xml(path)
    if _local(root) not in ("tbx", "martif"):
        message = f"not a TBX file: the root element is <{_local(root)}>, not <tbx> (TBX v3) or <martif> (TBX v2)"
        raise InputError(Problem(path, message, root.sourceline))
    headers = _children(root, "tbxHeader", "martifHeader")
    noted = {match.group(1): match.group(2).strip() for header in headers for element in header.iter()
             if _local(element) == "note" and (match := MTCHECK_NOTE.fullmatch(_text(element)))}
    concepts = [element for element in root.iter() if _local(element) in ("conceptEntry", "termEntry")]
    remarks: list[str] = []
    document_language = (root.get(XML_LANG) or "").strip()
    candidates = [_tbx_candidate(path, concept, document_language, remarks) for concept in concepts]
    found = list(dict.fromkeys(tag for candidate in candidates for tag in candidate.blocks))
    languages = [tag for tag in noted.get("languages", "").split() if tag in found]
    languages += [tag for tag in found if tag not in languages]
    title = next((_text(e) for h in headers for e in h.iter() if _local(e) == "title" and _text(e)), None)
    return _ReadTermbase(title, languages, noted.get("source_language"), candidates, remarks)


def _tbx_candidate(path: str, concept, document_language: str, remarks: list[str]) -> _Candidate:
    where = f"concept {concept.get('id')!r} (line {concept.sourceline})" if concept.get("id") else \
        f"the concept at line {concept.sourceline}"
    candidate = _Candidate(where, concept.get("id"))
    notes, subject, examples = [], None, {}
    for element in _notes_of(concept):
        match = MTCHECK_NOTE.fullmatch(_text(element))
        if element.get("type") == "subjectField":
            subject = subject or _text(element) or None
        elif match and match.group(1) in SETTINGS:
            candidate.settings[match.group(1)] = _setting(path, element.sourceline, *match.groups())
        elif match and match.group(1) == "reviewed":
            code, _, reason = match.group(2).partition(REVIEW_SEPARATOR)
            candidate.settings.setdefault("reviewed", {})[code] = reason
        elif match and match.group(1) in ("flag", "pass"):  # a one-language export's: the document language's
            examples.setdefault(match.group(1), []).append(match.group(2))
        elif _text(element):
            notes.append(_text(element))
    candidate.settings = {"type": subject, "note": joined_notes(notes)} | candidate.settings
    for section in _lang_secs(concept):
        tag = _section_language(section)
        if not LANGUAGE.fullmatch(tag):
            remarks.append(f"left out the {tag or 'unnamed'} language of {where}: not a BCP 47 tag")
            continue
        _add_section(candidate.blocks.setdefault(tag, {}), section, path, where, remarks)
    if examples and document_language in candidate.blocks:
        for key, sentences in examples.items():
            candidate.blocks[document_language].setdefault(key, []).extend(sentences)
    return candidate


def _notes_of(holder) -> list:
    """Notes and descrips of a concept or language section, not those of single terms."""
    found = []
    for child in holder:
        if _local(child) == "descripGrp":
            found += _children(child, "descrip", "note")
        elif _local(child) in ("descrip", "note"):
            found.append(child)
    return found


def _add_section(block: dict, section, path: str, where: str, remarks: list[str]) -> None:
    notes = [block["note"]] if block.get("note") else []
    for element in _notes_of(section):
        match = MTCHECK_NOTE.fullmatch(_text(element))
        if match and match.group(1) in ("flag", "pass", "inflection") and match.group(2):
            kind = "inflections" if match.group(1) == "inflection" else match.group(1)
            block.setdefault(kind, []).append(match.group(2))
        elif _text(element) and element.get("type") != "subjectField":
            notes.append(_text(element))
    block["note"] = joined_notes(notes)
    entries = _entries(section, path, where, remarks)
    canonical = None  # a second section of a language adds to the first one's forms
    if not block.get("canonical"):
        if (canonical := _canonical(entries)) is None:
            return
        block["canonical"] = entries[canonical][0]
    for index, (form, status, short) in enumerate(entries):
        if index != canonical:
            kind = "forbidden" if status == FORBIDDEN else "short" if short else "variants"
            block.setdefault(kind, []).append(form)


def _setting(path: str, line: int | None, key: str, value: str):
    if key == "type":
        return value
    if key == "morphology":
        if value not in ("inflect", "exact"):
            raise InputError(Problem(path, f"morphology must be inflect or exact, not {value!r}", line))
        return value
    return {"severity": _severity, "fuzzy": _fuzzy, "case_sensitive": _boolean}[key](value, path, line)


def _read_csv(path: str) -> _ReadTermbase:
    from mtcheck.documents import decode
    from mtcheck.glossary.exchange import _csv_rows, _read_bytes

    return _read_rows(path, _csv_rows(path, decode(_read_bytes(path), path)))


def _read_xlsx(path: str) -> _ReadTermbase:
    from mtcheck.spreadsheet import first_sheet

    sheet = first_sheet(path)
    return _read_rows(sheet.label, iter(sheet.rows))


def _read_rows(path: str, rows) -> _ReadTermbase:
    header = [cell.strip() for cell in next(rows, (1, []))[1]]
    if "id" not in [cell.lower() for cell in header]:
        raise InputError(Problem(path, "the header row lacks the column 'id' (a multilingual export has id, "
                                       "type, note, ..., then a column per language)", 1))
    # A language's canonical column is named by its tag, with its other columns beside it ("de", "de_forbidden").
    languages = [cell for cell in header if LANGUAGE.fullmatch(cell) and cell.lower() not in (*CONCEPT_COLUMNS, "glossary")
                 and any(f"{cell}_{kind}" in header for kind in LANGUAGE_COLUMNS)]
    ignored = [cell for cell in header if cell and cell.lower() not in (*CONCEPT_COLUMNS, "glossary", "source_language")
               and _language_column(cell, languages) is None]
    remarks = [f"ignored columns: {', '.join(ignored)}"] if ignored else []
    candidates, names, sources = [], {}, {}
    for line, row in rows:
        cells = dict(zip(header, (_formula_text(cell).strip() for cell in row)))
        if any(cells.values()):
            candidates.append(_row_candidate(path, line, cells, languages))
            names.setdefault(cells.get("glossary", ""), None)
            sources.setdefault(cells.get("source_language", ""), None)
    title = ", ".join(name for name in names if name) or None
    source = next((tag for tag in sources if tag), None)
    return _ReadTermbase(title, languages, source, candidates, remarks)


def _language_column(cell: str, languages: list[str]) -> tuple[str, str] | None:
    """(language, kind) of a column "sr-Latn_forbidden", "de" (canonical); None for another."""
    if cell in languages:
        return cell, "canonical"
    tag, _, kind = cell.rpartition("_")
    return (tag, kind) if tag in languages and kind in LANGUAGE_COLUMNS else None


def _row_candidate(path: str, line: int, cells: dict[str, str], languages: list[str]) -> _Candidate:
    lower = {key.lower(): value for key, value in cells.items()}
    candidate = _Candidate(f"line {line}", lower.get("id") or None)
    candidate.settings = {"type": lower.get("type") or None, "note": lower.get("note") or None,
                          **{key: _setting(path, line, key, lower[key]) for key in SETTINGS[1:] if lower.get(key)},
                          "reviewed": dict(review.partition(REVIEW_SEPARATOR)[::2] for review in
                                           _entries_of(lower.get("reviewed", ""))) or None}
    for cell, value in cells.items():
        if value and (column := _language_column(cell, languages)):
            tag, kind = column
            block = candidate.blocks.setdefault(tag, {})
            if kind in ("canonical", "note"):
                block[kind] = value
            else:
                block[kind] = _entries_of(value)
    return candidate


def _entries_of(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(FORM_SEPARATOR) if part.strip()]
