"""Fixing a translation file: the fixer's edits, planned on the joined targets (``BilingualDocument``),
put back into the raw file, where each target is written as its format writes text (XML entities,
PO's C escapes and continuation lines, CSV quoting, JSON string escapes).

A finding's place in the raw file is found by walking the target from where the reader says it
starts (the pair's line and column), one character at a time, decoding each as the format writes
it; every character walked must be the target's own. Inline markup in an XML target is passed over
as the reader reads it (``_Inline``): an element whose text the reader keeps (``<g>``, ``<pc>``,
``<mrk>``, ``<hi>``) is entered, one it drops whole (a native code such as ``<ph>``, ``<bpt>``) or an
empty one (``<x/>``, ``<ph/>``) is passed. The raw text of the span must then be the finding's
text exactly as the format writes it, and the replacement is written the same way, so a span
wholly inside one element's text is replaced there, its tags kept. Where that mapping is uncertain
(markup inside the span, a comment, CDATA or entity the walk cannot read, a span across PO
continuation lines, a replacement an unquoted CSV cell cannot hold), the finding is left for a
person, with the reason: a guess could corrupt a file a CAT tool must read back.

Before anything is written, the edited bytes are read again with the same reader: the same pairs
in the same order, every source and tag as it was, and every target as it was but for the edits.
Otherwise nothing is written for the file and the run says so (``InputError``).
"""

from __future__ import annotations

import bisect
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from mtcheck import safexml
from mtcheck.bilingual.document import BilingualDocument
from mtcheck.bilingual.formats import CODE_POINT, TMX_CODES, is_masked, native_codes
from mtcheck.documents import decode
from mtcheck.errors import InputError, MtcheckError, Problem
from mtcheck.fixer import Edit, FileFix, apply_edits, codec_of, encode_like, fixes, plan_edits, refuse_unencodable
from mtcheck.model import Finding

Read = Callable[[str], BilingualDocument]  # the checker's reader of translation files (Checker.read)

MARKUP = "the target writes it with markup or escapes there"
NOT_FOUND = "its place in the file could not be found exactly"
ACROSS_LINES = "it runs across two of the entry's quoted lines"
ACROSS_MARKUP = "inline markup stands inside it (a tag of the target between its words)"
NEEDS_QUOTES = "its replacement cannot be written in this unquoted cell"

_XML_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_XML_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_PO_ESCAPES = {"\\": "\\", "n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", '"': '"'}  # polib's
_PO_JOINT = re.compile(r'"[ \t]*(?:\r?\n[ \t]*)+"')  # one quoted line's end and the next one's start
_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_JSON_UNICODE = re.compile(r"\\u([0-9a-fA-F]{4})(?:\\u(d[c-f][0-9a-f]{2}))?", re.IGNORECASE)


class Uncertain(Exception):
    """Where a finding's span in the raw file cannot be trusted; the message says why."""


@dataclass(frozen=True)
class _Format:
    """How one target is written in the raw file, from where its text starts."""

    step: Callable[[str, int], tuple[str, int] | None]  # the character at an offset and the offset after it
    joint: Callable[[str, int], int]  # past a break the reader joins over (PO continuation lines); else the same offset
    encoders: tuple[Callable[[str], str | None], ...]  # the ways the format may write a text (None: it cannot)
    markup: Callable[[str, int], int] = lambda text, at: at  # past markup the reader reads as no text; else the same


def fix_translation_file(path: str, raw: bytes, findings: list[Finding], read: Read, kind: str,
                         encoding: str = "utf-8-sig") -> FileFix:
    """The file with every fix whose place in it is certain applied and verified; the others in ``left``."""
    document = read(path)
    joined, origin, left = _joined(document, fixes(findings))
    planned, ambiguous = plan_edits(document.text, joined)
    after, edits, uncertain = _put_back(path, raw, document, planned, origin, _File(kind, encoding, read))
    for_a_person = [f for f in findings if f.suggestion and not f.fixable]
    return FileFix(path, raw, after, edits, [origin[id(f)] for f in ambiguous], encoding, for_a_person, left + uncertain)


def edit_translation_file(path: str, raw: bytes, finding: Finding, new: str, read: Read, kind: str,
                          encoding: str = "utf-8-sig") -> bytes:
    """The file with ``new`` in place of the finding's span in its target (review's edit). Uncertain
    when the span's place in the file is; InputError when the result would not read back as planned."""
    document = read(path)
    joined, origin, left = _joined(document, [(finding, new)])
    if left:
        raise Uncertain(left[0][1])
    [(located, _)] = joined
    planned = [Edit(located.offset, located.offset + located.length, new, located)]
    after, _, uncertain = _put_back(path, raw, document, planned, origin, _File(kind, encoding, read))
    if uncertain:
        raise Uncertain(uncertain[0][1])
    return after


def uncertain_places(path: str, raw: bytes, findings: list[Finding], read: Read, kind: str,
                     encoding: str = "utf-8-sig") -> dict[int, str]:
    """Why the span of each finding (by its id) whose place in the raw file is uncertain cannot be
    edited there: review offers no fix or edit for those."""
    document = read(path)
    text = decode(raw, path, encoding)
    line_starts = _line_starts(text)
    joined, origin, left = _joined(document, [(finding, finding.text) for finding in findings])
    why = {id(finding): reason for finding, reason in left}
    codes = _codes(path, raw, kind) if joined else frozenset()
    for copy, _ in joined:
        try:
            _raw_edit(text, line_starts, document, Edit(copy.offset, copy.offset + copy.length, copy.text, copy),
                      (kind, codes), origin[id(copy)])
        except Uncertain as reason:
            why[id(origin[id(copy)])] = str(reason)
    return why


def _codes(path: str, raw: bytes, kind: str) -> frozenset[str]:
    """The inline elements whose content the reader drops from this file's targets (XLIFF 1.2 and
    2 differ: only the root says which); none outside XML. The reader has read these bytes already,
    so they parse (safely: safexml refuses entity declarations)."""
    if kind == "tmx":
        return TMX_CODES
    return native_codes(safexml.parse(path, raw)) if kind == "xliff" else frozenset()


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _joined(document: BilingualDocument, candidates: list[tuple[Finding, str]]):
    """The candidates with offsets in the document's joined targets (where the fixer can plan and
    render them), each copy's finding as check reported it (by the copy's id), and the findings
    whose span is not in their unit's target, with why."""
    at = {pair.index: k for k, pair in enumerate(document.pairs)}
    joined, origin, left = [], {}, []
    for finding, replacement in candidates:
        k = at.get(finding.segment)
        target = (document.pairs[k].target or "") if k is not None else ""
        if k is None or target[finding.offset: finding.offset + finding.length] != finding.text:
            left.append((finding, NOT_FOUND))
            continue
        copy = replace(finding, offset=document.starts[k] + finding.offset)
        joined.append((copy, replacement))
        origin[id(copy)] = finding
    return joined, origin, left


@dataclass(frozen=True)
class _File:
    """The file being fixed: its format (documents.read_as), encoding, and reader."""

    kind: str
    encoding: str
    read: Read


def _put_back(path: str, raw: bytes, document: BilingualDocument, planned: list[Edit], origin: dict[int, Finding],
              target: _File):
    """(the file's bytes with the planned edits, the raw edits, the findings left with why), verified."""
    text = decode(raw, path, target.encoding)
    line_starts = _line_starts(text)
    kept, raw_edits, left = [], [], []
    codes = _codes(path, raw, target.kind) if planned else frozenset()
    for edit in planned:
        original = origin[id(edit.finding)]
        try:
            raw_edits.append(_raw_edit(text, line_starts, document, edit, (target.kind, codes), original))
            kept.append(edit)
        except Uncertain as why:
            left.append((original, str(why)))
    if not raw_edits:
        return raw, [], left
    refuse_unencodable(path, raw_edits, codec_of(raw, target.encoding))
    after = encode_like(raw, apply_edits(text, raw_edits), target.encoding)
    _verify(path, after, document, kept, target.read)
    return after, raw_edits, left


def _raw_edit(text: str, line_starts: list[int], document: BilingualDocument, edit: Edit,
              kind: tuple[str, frozenset[str]], original: Finding) -> Edit:
    """``edit`` (joined-space) as an edit of the raw file's text, or Uncertain. ``kind``: the
    file's format and the inline elements whose content its reader drops (``_codes``)."""
    k = bisect.bisect_right(document.starts, edit.start) - 1
    pair = document.pairs[k]
    start, end = edit.start - document.starts[k], edit.end - document.starts[k]
    if pair.line > len(line_starts):
        raise Uncertain(NOT_FOUND)
    at = line_starts[pair.line - 1] + pair.column - 1
    form = _format(*kind, text, at)
    raw_start, raw_end = _walk(form, text, at, pair.target or "", start, end)
    written = text[raw_start:raw_end]
    for encoder in form.encoders:
        if encoder(original.text) == written:
            replacement = encoder(edit.replacement)
            if replacement is None:
                raise Uncertain(NEEDS_QUOTES)
            return Edit(raw_start, raw_end, replacement, original)
    raise Uncertain(MARKUP)


def _walk(form: _Format, text: str, at: int, target: str, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of target[start:end], walking the target's characters from its raw start ``at``."""
    span_start = at
    for i in range(end):
        at = _past_breaks(form, text, at, inside=i > start)
        if i == start:
            span_start = at
        stepped = form.step(text, at)
        if stepped is None:
            raise Uncertain(MARKUP)
        char, at = stepped
        if char != target[i]:
            raise Uncertain(NOT_FOUND)
    return span_start, at


def _past_breaks(form: _Format, text: str, at: int, inside: bool) -> int:
    """Past what the reader reads as no character of the target (a PO line joint, inline markup),
    which cannot be inside the span: an edit there would have to move it or split it."""
    joined = form.joint(text, at)
    if joined != at and inside:
        raise Uncertain(ACROSS_LINES)
    passed = form.markup(text, joined)
    if passed != joined and inside:
        raise Uncertain(ACROSS_MARKUP)
    return passed


def _verify(path: str, after: bytes, document: BilingualDocument, edits: list[Edit], read_again: Read) -> None:
    """Refuse (InputError) edited bytes that do not read back as the same pairs with only the edited
    targets changed, and those exactly as planned."""
    with tempfile.TemporaryDirectory(prefix="mtcheck-fix-") as folder:
        copy = os.path.join(folder, os.path.basename(path))  # the same name: the same reader
        Path(copy).write_bytes(after)
        try:
            fresh = read_again(copy)
        except MtcheckError:
            fresh = None
    same_units = fresh is not None and [_unedited(p) for p in fresh.pairs] == [_unedited(p) for p in document.pairs]
    if not same_units or [p.target for p in fresh.pairs] != _targets_after(document, edits):
        raise InputError(Problem(path, "the fixed file would not read back as planned (same units, only the fixed "
                                       "targets changed): not fixed, nothing written"))


def _unedited(pair):
    """What an edit of a target must leave as it was: all but the target and where texts start."""
    return replace(pair, target=None, line=0, column=0)


def _targets_after(document: BilingualDocument, edits: list[Edit]) -> list[str | None]:
    """Each pair's target with the (joined-space) edits that fall in it applied."""
    targets = []
    for k, pair in enumerate(document.pairs):
        base, target = document.starts[k], pair.target
        mine = [replace(e, start=e.start - base, end=e.end - base) for e in edits
                if target is not None and base <= e.start <= base + len(target)]
        targets.append(apply_edits(target, mine) if mine else target)
    return targets


# --- the formats -------------------------------------------------------------------------------------

def _format(kind: str, codes: frozenset[str], text: str, at: int) -> _Format:
    if kind in ("xliff", "tmx"):
        return _Format(_xml_step, _no_joint, _XML_ENCODERS, _Inline(codes).past)
    if kind == "po":
        return _Format(_po_step, _po_joint, (_po_escaped,))
    if kind == "jsonl":
        return _Format(_json_step, _no_joint, (_json_escaped, _json_ascii))
    if kind in ("csv", "tsv"):
        return _csv_format("\t" if kind == "tsv" else ",", text, at)
    raise Uncertain(NOT_FOUND)


def _no_joint(text: str, at: int) -> int:
    return at


def _xml_step(text: str, at: int) -> tuple[str, int] | None:
    """One character of XML element text: a tag, comment, CDATA or other entity is no text we can map."""
    char = text[at: at + 1]
    if char in ("", "<"):
        return None
    if char == "&":
        found = _XML_ENTITY.match(text, at)
        if found is None:
            return None
        return _entity_value(found), found.end()
    if char == "\r":  # XML reads a CR LF, or a lone CR, as LF
        return "\n", at + (2 if text.startswith("\r\n", at) else 1)
    return char, at + 1


# A start, end or empty tag; attribute values may hold ">" (not "<": XML forbids it there).
_TAG = re.compile(r"""<(/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""")
_ATTRIBUTE = re.compile(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class _Inline:
    """Passes over a target's inline markup as the reader reads it (formats._plain), keeping the
    elements it has entered: their end tags are passed too, the target's own end tag is not.

    Entered: an element whose text the reader keeps (``<g>``, ``<pc>``, ``<hi>``, a plain or
    segment ``<mrk>``). Passed whole: a native code, whose content the reader drops, and an empty
    element. Not passed (the step then refuses the "<"): a comment, CDATA, processing instruction,
    a masked ``<mrk>`` (the reader turns its text into mask characters) and ``<cp>`` (a character).
    """

    def __init__(self, codes: frozenset[str]):
        self.codes = codes
        self.open: list[str] = []  # the names of the elements entered and not yet left

    def past(self, text: str, at: int) -> int:
        while (tag := _TAG.match(text, at)) is not None:
            passed = self._past_tag(text, tag)
            if passed is None:
                break
            at = passed
        return at

    def _past_tag(self, text: str, tag: re.Match) -> int | None:
        closing, name, attributes, empty = tag.groups()
        if closing:
            if attributes or empty or not self.open or self.open[-1] != name:
                return None  # the target's own end (or its segment's)
            self.open.pop()
            return tag.end()
        local, values = name.rpartition(":")[2], _attributes(attributes)
        if local == CODE_POINT or is_masked(local, values.get) and not empty:
            return None
        if empty:
            return tag.end()
        if local in self.codes:
            return _past_element(text, tag.end())
        self.open.append(name)
        return tag.end()


def _attributes(written: str) -> dict[str, str]:
    """A start tag's attributes by name as written, values with their entities read."""
    return {m.group(1): _XML_ENTITY.sub(_entity_value, m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(written)}


def _entity_value(found: re.Match) -> str:
    named, decimal, hexadecimal = found.groups()
    return _XML_NAMED[named] if named else chr(int(decimal or hexadecimal, 16 if hexadecimal else 10))


def _past_element(text: str, at: int) -> int | None:
    """Past the end tag that closes the element whose content starts at ``at`` (the file is well
    formed: the reader parsed it), or None when a comment, CDATA or the like is in the way."""
    depth = 1
    while depth:
        at = text.find("<", at)
        tag = _TAG.match(text, at) if at >= 0 else None
        if tag is None:
            return None
        closing, _, _, empty = tag.groups()
        depth += -1 if closing else 0 if empty else 1
        at = tag.end()
    return at


def _xml_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_escaped_least(text: str) -> str:  # as many tools write it: ">" needs no escape in element text
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _in_crlf(encoder: Callable[[str], str]) -> Callable[[str], str]:
    """``encoder`` for a file whose lines end in CR LF: XML reads a line break in a target as LF."""
    return lambda text: encoder(text).replace("\n", "\r\n")


_XML_ENCODERS = (_xml_escaped, _xml_escaped_least, _in_crlf(_xml_escaped), _in_crlf(_xml_escaped_least))


def _po_step(text: str, at: int) -> tuple[str, int] | None:
    char = text[at: at + 1]
    if char in ("", '"', "\n", "\r"):
        return None
    if char == "\\" and text[at + 1: at + 2] in _PO_ESCAPES:
        return _PO_ESCAPES[text[at + 1]], at + 2
    return char, at + 1  # polib keeps any other backslash as written


def _po_joint(text: str, at: int) -> int:
    found = _PO_JOINT.match(text, at)
    return found.end() if found else at


def _po_escaped(text: str) -> str:
    import polib

    return polib.escape(text)


def _json_step(text: str, at: int) -> tuple[str, int] | None:
    char = text[at: at + 1]
    if char in ("", '"', "\n"):
        return None
    if char != "\\":
        return char, at + 1
    if text[at + 1: at + 2] in _JSON_ESCAPES:
        return _JSON_ESCAPES[text[at + 1]], at + 2
    found = _JSON_UNICODE.match(text, at)
    if found is None:
        return None
    return json.loads(f'"{found.group()}"'), found.end()


def _json_escaped(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _json_ascii(text: str) -> str:  # as json.dumps writes by default: every non-ASCII character escaped
    return json.dumps(text)[1:-1]


def _csv_format(delimiter: str, text: str, at: int) -> _Format:
    """A quoted cell (its text starts after a quote that opens the cell) or an unquoted one."""
    quoted = at > 0 and text[at - 1] == '"' and (at == 1 or text[at - 2] in (delimiter, "\n", "\r"))

    def step(raw: str, where: int) -> tuple[str, int] | None:
        char = raw[where: where + 1]
        if quoted and char == '"':
            return ('"', where + 2) if raw.startswith('""', where) else None
        if char == "" or (not quoted and char in (delimiter, "\r", "\n")):
            return None
        return char, where + 1  # a quote inside an unquoted cell is read as written

    def encoded(value: str) -> str | None:
        if quoted:
            return value.replace('"', '""')
        # no quote either: one at the cell's start would make it a quoted cell
        return None if any(c in value for c in (delimiter, '"', "\r", "\n")) else value

    return _Format(step, _no_joint, (encoded,))
