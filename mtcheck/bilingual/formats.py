"""Read bilingual translation files into line-aligned source/target pairs.

Formats: XLIFF 1.2 and 2.x, gettext PO, TMX 1.4, CSV/TSV with a header row, JSON Lines, and
two plain-text files aligned line by line. Each pair carries where its target text starts in
the file (1-based line and column), so that findings in a target can be reported in place.

Inline markup is removed from the text: the text that markup wraps (XLIFF ``g``/``pc``/``mrk``,
TMX ``hi``) is kept, native codes (``bpt``/``ept``/``ph``/``it``) are dropped, and every inline
element is listed in ``source_tags``/``target_tags`` so that rules can compare them. A
``<mrk mtype="seg">`` is no inline markup but a segment's bounds (XLIFF 1.2 ``seg-source``, as
Trados, memoQ and Phrase write it): each becomes a pair of its own. Text marked not to be
translated is masked. Units' states and locks, as CAT tools write them, and PO's fuzzy flag are
read by ``cat``.

translate-toolkit was weighed and left out: its XLIFF store parses with lxml too, gives no
line or column, reads no XLIFF 2 segments nor Trados/memoQ/Phrase states, and would add a large
dependency for what a few lines here do with the locator below. Tried with translate-toolkit
3.20.4 on tests/data/cat/trados.sdlxliff: one unit per trans-unit (the two `mrk` segments of the
first joined into one), every unit in state 30 ("translated"), the Draft, rejected and locked
segments alike, and no source line. (Its pofilter is the yardstick of tests/test_pofilter_parity.py.)

XML is parsed without entity expansion, DTD loading or network access, and a document that
declares entities is refused outright: translation files come from vendors and tools we do not
control, and XXE or "billion laughs" payloads must not read local files or exhaust memory.

Parsers (lxml, polib) are imported inside the readers that need them, so importing this module
stays cheap for runs that check plain text only.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from mtcheck import jsoninput, safexml
from mtcheck.bilingual.cat import Status, po_status, trados_segment_definitions, xliff1_status, xliff2_status
from mtcheck.documents import BILINGUAL_SUFFIXES, read_bytes, read_text
from mtcheck.errors import InputError, Problem

XLIFF1_NS = "urn:oasis:names:tc:xliff:document:1."
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2."
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is the original format's code, not translatable text.
XLIFF1_CODES = frozenset({"bpt", "ept", "ph", "it"})
TMX_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


@dataclass(frozen=True, slots=True)
class Pair:
    index: int                 # 0-based segment index in the file, in file order
    unit: str | None           # the unit's id (XLIFF unit/segment, PO msgctxt|msgid, TMX tuid, CSV/JSONL id)
    source: str                # plain text: inline markup removed, the text inside inline elements kept
    target: str | None         # None when there is no target (missing element / empty msgstr / empty cell)
    line: int                  # 1-based line where the target text starts (the source's when no target)
    column: int = 1            # 1-based column (characters) where the target text starts, when known
    source_tags: tuple[str, ...] = ()   # inline markup of the source, in order: "x#1", "g#2", "pc#4", ...
    target_tags: tuple[str, ...] = ()
    target_language: str | None = None  # the target's language as the file declares it, if it does
    status: Status = Status()  # the unit's state and lock in a CAT tool's XLIFF, a PO entry's (cat.py); none elsewhere
    source_language: str | None = None  # the source's language as the file declares it (XLIFF, TMX), if it does


def read_pairs(path: str, source_language: str | None = None, target_language: str | None = None,
               input_format: str | None = None) -> list[Pair]:
    """The pairs of a bilingual file, read as ``input_format`` says (a key of FORMATS), else as its
    suffix says. The languages pick TMX variants and CSV/TSV columns named by language code; other
    formats say which side is which themselves."""
    suffix = f".{input_format}" if input_format else Path(path).suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        expected = ", ".join(BILINGUAL_SUFFIXES)
        raise InputError(Problem(path, f"unknown translation file type {suffix or '(no suffix)'!r}: expected one of {expected}"))
    return reader(path, source_language, target_language)


def read_line_aligned(source_path: str, target_path: str) -> list[Pair]:
    """Two plain-text files, segment i on line i+1 of each. A line-count mismatch means the files
    are not aligned, and pairing them anyway would compare unrelated sentences: it is an error."""
    sources, targets = _plain_lines(read_text(source_path)), _plain_lines(read_text(target_path))
    if len(sources) != len(targets):
        raise InputError(Problem(target_path, f"not line-aligned with its source: {source_path} has "
                                              f"{len(sources)} lines, {target_path} has {len(targets)}"))
    return [Pair(i, None, source, target, i + 1) for i, (source, target) in enumerate(zip(sources, targets))]


# --- XLIFF ---------------------------------------------------------------------------------------

def _read_xliff(path: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    """XLIFF 1.2 trans-units or XLIFF 2.x unit segments (ignorables skipped), in file order."""
    root, places = _parse_xml(path)
    name, namespace = _local(root.tag), _namespace(root.tag)
    if name != "xliff":
        raise InputError(Problem(path, f"not an XLIFF file: the root element is <{name}>", root.sourceline))
    version = root.get("version", "")
    if _is_xliff2(root):
        return _xliff2_pairs(root, places)
    if namespace.startswith(XLIFF1_NS) or (not namespace and version.startswith("1")):
        return _xliff1_pairs(root, places)
    raise InputError(Problem(path, f"unsupported XLIFF version (namespace {namespace!r}, version {version!r})",
                             root.sourceline))


def _is_xliff2(root) -> bool:
    namespace = _namespace(root.tag)
    return namespace.startswith(XLIFF2_NS) or (not namespace and root.get("version", "").startswith("2"))


def native_codes(root) -> frozenset[str]:
    """The inline elements whose content the reader drops from the text of a file with this root
    element (XLIFF 2 has none: its codes are empty elements, its <pc> wraps text). The fixer's walk
    through a target's raw markup (bilingual/fixing.py) must drop exactly what the reader drops."""
    if _local(root.tag) == "tmx":
        return TMX_CODES
    return frozenset() if _is_xliff2(root) else XLIFF1_CODES


def is_segment_mark(name: str, attribute) -> bool:
    """A <mrk mtype="seg">: a segment's bounds, no inline markup (``attribute``: the element's ``get``)."""
    return name == "mrk" and attribute("mtype") == "seg"


def is_masked(name: str, attribute) -> bool:
    """Text not to be translated: XLIFF 2 <mrk translate="no">, XLIFF 1.2 <mrk mtype="protected">."""
    return name == "mrk" and (attribute("translate") == "no" or attribute("mtype") == "protected")


CODE_POINT = "cp"  # XLIFF 2's element that stands for one character (its ``hex``)


def _xliff1_pairs(root, places: _TextStarts) -> list[Pair]:
    """One pair per trans-unit: its direct <source> and <target> (not those of alt-trans); or, when
    its <seg-source> is cut into <mrk mtype="seg"> segments (Trados writes every unit so), one pair
    per segment, the target's <mrk> of the same ``mid`` beside it."""
    ns = _ns_prefix(root.tag)
    pairs: list[Pair] = []
    for file in root.iter(ns + "file"):
        language, source_language = file.get("target-language") or None, file.get("source-language") or None
        for unit in file.iter(ns + "trans-unit"):
            source, target = unit.find(ns + "source"), unit.find(ns + "target")
            seg_source = unit.find(ns + "seg-source")
            segments = _segment_marks(seg_source, ns) if seg_source is not None else {}
            if not segments:
                pair = _xml_pair(len(pairs), unit.get("id"), source, target, places, XLIFF1_CODES, language)
                pairs.append(replace(pair, status=xliff1_status(unit, target), source_language=source_language))
                continue
            targets = _segment_marks(target, ns) if target is not None else {}
            definitions = trados_segment_definitions(unit)
            for mid, source_mark in segments.items():
                unit_id = f"{unit.get('id')}/{mid}" if len(segments) > 1 else unit.get("id")
                pair = _xml_pair(len(pairs), unit_id, source_mark, targets.get(mid), places, XLIFF1_CODES, language)
                pairs.append(replace(pair, status=xliff1_status(unit, target, definitions.get(mid)),
                                     source_language=source_language))
    return pairs


def _segment_marks(element, ns: str) -> dict[str | None, object]:
    """The <mrk mtype="seg"> segments in ``element``, by their ``mid``, in file order."""
    return {mark.get("mid"): mark for mark in element.iter(ns + "mrk") if is_segment_mark("mrk", mark.get)}


def _xliff2_pairs(root, places: _TextStarts) -> list[Pair]:
    """One pair per <segment>; the unit id is "unit/segment" when a unit has several segments."""
    ns = _ns_prefix(root.tag)
    pairs = []
    for unit in root.iter(ns + "unit"):
        segments = unit.findall(ns + "segment")
        for number, segment in enumerate(segments, 1):
            unit_id = unit.get("id")
            if len(segments) > 1:
                unit_id = f"{unit_id}/{segment.get('id') or number}"
            source, target = segment.find(ns + "source"), segment.find(ns + "target")
            pair = _xml_pair(len(pairs), unit_id, source, target, places, language=root.get("trgLang") or None)
            pairs.append(replace(pair, status=xliff2_status(segment), source_language=root.get("srcLang") or None))
    return pairs


# --- TMX -----------------------------------------------------------------------------------------

def _read_tmx(path: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    """One pair per <tu>: the source variant is the one in ``source_language`` (else the header's
    srclang, else the first); the target is the other variant in ``target_language``, else the
    first other one, so that a two-language memory reads right whatever the run's language."""
    root, places = _parse_xml(path)
    if _local(root.tag) != "tmx":
        raise InputError(Problem(path, f"not a TMX file: the root element is <{_local(root.tag)}>", root.sourceline))
    header = root.find("header")
    srclang = header.get("srclang") if header is not None else None
    pairs = []
    for unit in root.iter("tu"):
        variants = [variant for variant in unit.findall("tuv") if variant.find("seg") is not None]
        if not variants:
            continue
        source = _variant(variants, source_language, srclang)
        source = variants[0] if source is None else source
        others = [variant for variant in variants if variant is not source]
        target = _variant(others, target_language)
        target = others[0] if target is None and others else target
        pair = _xml_pair(len(pairs), unit.get("tuid"), source.find("seg"), None if target is None else target.find("seg"),
                         places, TMX_CODES, None if target is None else _tuv_language(target))
        pairs.append(replace(pair, source_language=_tuv_language(source)))
    return pairs


def _variant(variants: list, *languages: str | None):
    """The first <tuv> in the first of ``languages`` that has one (TMX 1.4 xml:lang, TMX 1.1
    lang), or None. Callers test it with ``is None``: lxml elements must not be truth-tested."""
    for language in languages:
        if language and language != "*all*":
            for variant in variants:
                if same_language(_tuv_language(variant) or "", language):
                    return variant
    return None


def _tuv_language(variant) -> str | None:
    return variant.get(XML_LANG) or variant.get("lang") or None  # TMX 1.4, TMX 1.1


# --- XML helpers ---------------------------------------------------------------------------------

def _parse_xml(path: str):
    """The root element of a safely parsed XML file, and where element texts start in it.

    Entity declarations are refused before parsing (XXE, billion laughs); the parser itself
    neither expands entities nor loads DTDs nor touches the network, so a DOCTYPE naming an
    external DTD (as TMX files often do) is read but never fetched.
    """
    raw = read_bytes(path)
    root = safexml.parse(path, raw)
    return root, _TextStarts(raw, root.getroottree().docinfo.encoding or "utf-8", root)


def _xml_pair(index: int, unit: str | None, source, target, places: _TextStarts, codes=frozenset(),
              language: str | None = None) -> Pair:
    """A pair from a source and an optional target element; a missing source reads as ""."""
    source_text, source_tags = _plain(source, codes) if source is not None else ("", ())
    if target is None:
        line, column = places.of(source) if source is not None else (1, 1)
        return Pair(index, unit, source_text, None, line, column, source_tags, target_language=language)
    target_text, target_tags = _plain(target, codes)
    line, column = places.of(target)
    return Pair(index, unit, source_text, target_text, line, column, source_tags, target_tags, language)


def _plain(element, codes=frozenset()) -> tuple[str, tuple[str, ...]]:
    """The text of an element with inline markup removed, and that markup as "name#id" strings.

    Text inside inline elements is kept, except inside native codes (``codes``); an XLIFF 2
    <cp hex="..."/> adds its character; an entity reference left unexpanded (its DTD not loaded)
    stays as written, so that the artifact rule can see it.
    """
    parts: list[str] = []
    tags: list[str] = []

    def walk(node) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                name = _local(child.tag)
                if is_segment_mark(name, child.get):  # a segment's bounds, no inline markup
                    walk(child)
                    parts.append(child.tail or "")
                    continue
                tags.append(f"{name}#{child.get('id')}" if child.get("id") is not None else name)
                if name == CODE_POINT:
                    parts.append(_code_point(child.get("hex", "")))
                elif is_masked(name, child.get):
                    held = len(parts)
                    walk(child)
                    parts[held:] = [_masked("".join(parts[held:]))]
                elif name not in codes:
                    walk(child)
            elif type(child).__name__ == "_Entity":
                parts.append(child.text or "")
            parts.append(child.tail or "")

    walk(element)
    return "".join(parts), tuple(tags)


def _masked(text: str) -> str:
    """Text not to be translated (``is_masked``) as markup.MASK, line breaks kept: no rule judges
    it, and positions after it stay right."""
    from mtcheck.markup import MASK

    return re.sub(r"[^\n]", MASK, text)


def _code_point(hex_value: str) -> str:
    """The character an XLIFF 2 <cp> stands for (one XML cannot carry literally); U+FFFD if invalid."""
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        return "\ufffd"


class _TextStarts:
    """Where the text of an element starts in the file, as 1-based line and column.

    lxml gives only the line on which an element's start tag ends, so the start tags of that name
    are found in the raw text and matched by their order on that line; the text starts right after
    the tag's ">" (at the tag itself for an empty <tag/>). Whatever cannot be matched gets column 1.
    """

    def __init__(self, raw: bytes, encoding: str, root):
        codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        try:
            self.text = raw.decode(codec, errors="replace")
        except LookupError:
            self.text = raw.decode("utf-8", errors="replace")
        self.root = root
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.starts: dict[str, dict[int, list[int]]] = {}  # qname -> line -> text offsets on it
        self.ordinals: dict[str, dict[object, int]] = {}  # tag -> element -> its order on its line

    def of(self, element) -> tuple[int, int]:
        line = element.sourceline or 1
        qname = f"{element.prefix}:{_local(element.tag)}" if element.prefix else _local(element.tag)
        if qname not in self.starts:
            self.starts[qname] = self._scan(qname)
            self.ordinals[qname] = self._order(element.tag)
        offsets = self.starts[qname].get(line, [])
        ordinal = self.ordinals[qname].get(element, -1)
        if not 0 <= ordinal < len(offsets):
            return line, 1
        offset = offsets[ordinal]
        row = bisect.bisect_right(self.line_starts, offset) - 1
        return row + 1, offset - self.line_starts[row] + 1

    def _scan(self, qname: str) -> dict[int, list[int]]:
        """Line of each start tag's ">" -> offsets where those tags' texts start, in order."""
        tag = re.compile(rf"<{re.escape(qname)}(?:\s(?:[^\"'>/]|\"[^\"]*\"|'[^']*')*)?(/?)>")
        found: dict[int, list[int]] = {}
        for match in tag.finditer(self.text):
            line = bisect.bisect_right(self.line_starts, match.end() - 1)
            found.setdefault(line, []).append(match.start() if match.group(1) else match.end())
        return found

    def _order(self, tag: str) -> dict[object, int]:
        order, seen = {}, {}
        for element in self.root.iter(tag):
            line = element.sourceline
            order[element] = seen.get(line, 0)
            seen[line] = order[element] + 1
        return order


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _ns_prefix(tag: str) -> str:
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


# --- PO ------------------------------------------------------------------------------------------

def _read_po(path: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    """One pair per translated form of each live entry (obsolete ones and the header skipped, fuzzy
    ones read as drafts: cat.po_status): singular entries give one, plural entries one per msgstr[n]."""
    import polib

    text = read_text(path)
    lines = text.splitlines()  # as polib counts them
    if unterminated := _unterminated_po_string(lines):
        raise InputError(Problem(path, "malformed PO file: unterminated string", *unterminated))
    try:
        catalog = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        found = re.search(r"\(line (\d+)\)", str(exc))
        message = re.sub(r"\s*\(line \d+\)", "", str(exc)).replace("Syntax error in po file", "syntax error")
        raise InputError(Problem(path, f"malformed PO file: {message}", int(found.group(1)) if found else None)) from None
    language = catalog.metadata.get("Language") or None
    pairs = []
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        unit = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt is not None else entry.msgid
        status = po_status(entry)
        msgid_line = _po_keyword(lines, entry.linenum - 1, "msgid")
        forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else [(None, entry.msgstr)]
        for number, msgstr in forms:
            source = entry.msgid if not number else entry.msgid_plural
            source_line = msgid_line if not number else _po_keyword(lines, msgid_line, "msgid_plural")
            if not msgstr:
                pairs.append(Pair(len(pairs), unit, source, None, *_po_string_start(lines, source_line),
                                  target_language=language, status=status))
                continue
            keyword = "msgstr" if number is None else f"msgstr[{number}]"
            pairs.append(Pair(len(pairs), unit, source, msgstr,
                              *_po_string_start(lines, _po_keyword(lines, msgid_line, keyword)), target_language=language,
                              status=status))
    return pairs


# Where a line's strings start: after a keyword, or at once on a continuation line (comments, "#...", never).
_PO_STRINGS_START = re.compile(r'\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(?=")')
_PO_STRINGS = re.compile(r'(?:"(?:[^"\\]|\\.)*"\s*)+')


def _unterminated_po_string(lines: list[str]) -> tuple[int, int] | None:
    """The line and column of the first string that a line leaves open. polib reads one as if it
    were closed, or as nothing at all: an entry, or the rest of the file, silently lost."""
    for number, line in enumerate(lines, 1):
        start = _PO_STRINGS_START.match(line)
        if start and not _PO_STRINGS.fullmatch(line, start.end()):
            return number, start.end() + 1
    return None


def _po_keyword(lines: list[str], start: int, keyword: str) -> int:
    """Index of the first line from ``start`` that begins with ``keyword`` (comments never do)."""
    for index in range(max(start, 0), len(lines)):
        head = lines[index].lstrip()
        if head.startswith(keyword) and head[len(keyword): len(keyword) + 1] in (" ", "\t", '"'):
            return index
    return max(start, 0)


def _po_string_start(lines: list[str], index: int) -> tuple[int, int]:
    """Line and column where a keyword's string text starts: after its first quote, or on the
    next continuation line when the first string is "" (the usual layout of long messages)."""
    if index >= len(lines):
        return index + 1, 1
    quote = lines[index].find('"')
    if quote < 0:
        return index + 1, 1
    if lines[index][quote:].rstrip() == '""' and index + 1 < len(lines) and lines[index + 1].lstrip().startswith('"'):
        return index + 2, lines[index + 1].find('"') + 2
    return index + 1, quote + 2


# --- CSV, TSV --------------------------------------------------------------------------------------

def _read_csv(path: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    return _read_delimited(path, ",", source_language, target_language)


def _read_tsv(path: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    return _read_delimited(path, "\t", source_language, target_language)


def _read_delimited(path: str, delimiter: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    """Rows under a header naming "source" and "target" (or the languages) and maybe "id".

    Lines are split as the csv module reads them, so a row's number is the physical line it
    starts on even after a quoted cell with line breaks; the column is computed by walking the
    row's raw text with the same quoting rules.
    """
    lines = io.StringIO(read_text(path), newline="").readlines()
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    raw = "".join(lines)
    reader = csv.reader(lines, delimiter=delimiter)
    kind = "TSV" if delimiter == "\t" else "CSV"
    rows = _csv_rows(path, reader, kind)
    if not rows:
        raise InputError(Problem(path, f"empty {kind} file: expected a header row with source and target columns", 1))
    header_line, header = rows[0]
    source_at = _header_column(path, header, header_line, "source", source_language)
    target_at = _header_column(path, header, header_line, "target", target_language)
    id_at = _header_column(path, header, header_line, "id", None, required=False)
    pairs = []
    for line, row in rows[1:]:
        target = _cell(row, target_at) or None
        at = _cell_offset(raw, line_starts[line - 1], target_at if target is not None else source_at, delimiter)
        row_line = bisect.bisect_right(line_starts, at) - 1
        pairs.append(Pair(len(pairs), _cell(row, id_at) or None, _cell(row, source_at), target,
                          row_line + 1, at - line_starts[row_line] + 1))
    return pairs


def _csv_rows(path: str, reader, kind: str) -> list[tuple[int, list[str]]]:
    """(line where the row starts, cells) of each row that has any text."""
    rows, end = [], 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if any(row):
                rows.append((start, row))
    except csv.Error as exc:
        raise InputError(Problem(path, f"malformed {kind}: {exc}", reader.line_num)) from None
    return rows


def _cell(row: list[str], at: int | None) -> str:
    """A row's cell ``at``; "" for a column the header lacks or a short row."""
    return row[at] if at is not None and at < len(row) else ""


def _header_column(path: str, header: list[str], line: int, name: str, language: str | None,
                   required: bool = True) -> int | None:
    """The index of the column called ``name``, else the one named like ``language``."""
    names = [cell.strip().lower() for cell in header]
    if name in names:
        return names.index(name)
    if language:
        found = next((i for i, cell in enumerate(names) if cell and same_language(cell, language)), None)
        if found is not None:
            return found
    if not required:
        return None
    also = f" or {language!r}" if language else ""
    raise InputError(Problem(path, f"no {name!r}{also} column in the header row (it has: {', '.join(header)})", line, 1))


def _cell_offset(raw: str, at: int, cell: int, delimiter: str) -> int:
    """Offset in ``raw`` where the text of cell ``cell`` of the row starting at ``at`` begins
    (after its opening quote), following the csv module's default quoting."""
    field, quoted, fresh = 0, False, True
    while at < len(raw):
        char = raw[at]
        if fresh and field == cell:
            return at + 1 if char == '"' else at
        if quoted:
            if char == '"':
                if raw.startswith('""', at):
                    at += 1
                else:
                    quoted = False
        elif char == delimiter:
            field, fresh = field + 1, True
            at += 1
            continue
        elif char in "\r\n":
            break
        elif char == '"' and fresh:
            quoted = True
        fresh = False
        at += 1
    return at


# --- JSON Lines ----------------------------------------------------------------------------------

def _read_jsonl(path: str, source_language: str | None, target_language: str | None) -> list[Pair]:
    """One object per line with "source", "target" (null or "" for none) and maybe "id"."""
    pairs = []
    # Split on "\n" only: a JSON string may hold a raw U+2028, which str.splitlines would break on.
    for number, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = jsoninput.loads(line)
        except jsoninput.JSONDecodeError as exc:
            raise InputError(Problem(path, f"not valid JSON: {exc.msg}", number, exc.colno)) from None
        source, target = _jsonl_fields(path, number, record)
        column = _json_value_column(line, "target" if target is not None else "source")
        key = record.get("id")
        pairs.append(Pair(len(pairs), None if key is None else str(key), source, target, number, column))
    return pairs


def _jsonl_fields(path: str, number: int, record) -> tuple[str, str | None]:
    """The source and target strings of one record, or an error saying what is wrong."""
    if not isinstance(record, dict):
        raise InputError(Problem(path, 'expected a JSON object with "source" and "target"', number, 1))
    source, target = record.get("source"), record.get("target")
    if not isinstance(source, str):
        raise InputError(Problem(path, 'no "source" string in this object', number, 1))
    if target is not None and not isinstance(target, str):
        raise InputError(Problem(path, '"target" must be a string or null', number, 1))
    return source, target or None


def _json_value_column(line: str, key: str) -> int:
    """Column where the string value of ``key`` starts, if the line has exactly one such key."""
    found = list(re.finditer(rf'"{key}"\s*:\s*"', line))
    return found[0].end() + 1 if len(found) == 1 else 1


# --- Shared helpers ------------------------------------------------------------------------------

# A BCP 47 tag ("fr", "pt-BR", "zh-Hant-TW", "x-klingon"), or a gettext locale ("sr_RS@latin", "pt_BR.UTF-8").
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*(?:\.[A-Za-z0-9-]+)?(?:@[A-Za-z0-9]+)?")


def is_language_tag(tag: str) -> bool:
    return bool(_LANGUAGE_TAG.fullmatch(tag.strip()))


def same_language(tag: str, wanted: str) -> bool:
    """BCP 47 tags match when equal or one is a prefix of the other ("en" and "en-GB")."""
    a, b = tag.strip().lower().replace("_", "-"), wanted.strip().lower().replace("_", "-")
    return bool(a and b) and (a == b or a.startswith(b + "-") or b.startswith(a + "-"))


def _plain_lines(text: str) -> list[str]:
    """Lines of a one-segment-per-line file; a final line break ends the last line, adds none."""
    if not text:
        return []
    return [line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")]


_READERS = {
    ".xlf": _read_xliff, ".xliff": _read_xliff, ".po": _read_po, ".tmx": _read_tmx,
    ".sdlxliff": _read_xliff, ".mqxliff": _read_xliff, ".mxliff": _read_xliff,
    ".csv": _read_csv, ".tsv": _read_tsv, ".jsonl": _read_jsonl,
}
