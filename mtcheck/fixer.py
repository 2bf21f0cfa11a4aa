"""``mtcheck fix``: apply the unambiguous fixes of the rules that have one (``Rule.fix``: the term
rules write their suggestion) to the checked files.

Only spans change; every other byte stays as it was (BOM, line endings, surrounding text).
A replacement keeps what the occurrence had around the form: a possessive or plural ending
("Aljbin Kurti's" becomes "Albin Kurti's"), a capital at the start of a sentence, and the line
breaks between its words ("Union of\\nSerbian Municipalities"). Findings that overlap with
different suggestions are ambiguous and left alone. Files are written atomically, in the encoding
they were read with; a file that cannot be decoded, or whose fix its encoding cannot hold, is never
touched.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from mtcheck.documents import decode
from mtcheck.errors import InputError, Problem
from mtcheck.model import Finding
from mtcheck.rules import RULES

_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*)$")  # what precedes a sentence's first word
_GAP = re.compile(r"\s+")
AMBIGUOUS = "another finding overlaps it with another suggestion, or its line breaks cannot be kept"


@dataclass(frozen=True)
class Edit:
    start: int  # code points of the decoded text
    end: int
    replacement: str
    finding: Finding


@dataclass(frozen=True)
class FileFix:
    path: str
    before: bytes
    after: bytes
    edits: list[Edit] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)  # fixable findings left alone: ambiguous
    encoding: str = "utf-8-sig"  # what the file was read with (--encoding)
    # Findings whose suggestion a person must write: in place, it would not keep the text's inflection.
    for_a_person: list[Finding] = field(default_factory=list)
    # Fixable findings of a translation file left alone, each with why (bilingual.fixing): its place
    # in the raw file was uncertain, or another finding overlaps it.
    left: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def left_for_a_person(self) -> list[tuple[Finding, str]]:
        """Every fixable finding that the fix leaves, with why: ``mtcheck fix`` says so."""
        return [(finding, AMBIGUOUS) for finding in self.skipped] + self.left

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        old = decode(self.before, self.path, self.encoding).splitlines(keepends=True)
        new = decode(self.after, self.path, self.encoding).splitlines(keepends=True)
        relative = not self.path.startswith(("/", "\\")) and ":" not in self.path[:3]
        lines = difflib.unified_diff(old, new, *((f"a/{self.path}", f"b/{self.path}") if relative else (self.path, self.path)))
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_file(path: str, raw: bytes, findings: list[Finding], encoding: str = "utf-8-sig") -> FileFix:
    """The file with every unambiguous fix applied (``raw`` is its content, read with ``encoding``)."""
    text = decode(raw, path, encoding)
    edits, skipped = plan_edits(text, fixes(findings))
    refuse_unencodable(path, edits, codec_of(raw, encoding))
    after = encode_like(raw, apply_edits(text, edits), encoding)
    for_a_person = [f for f in findings if f.suggestion and not f.fixable]
    return FileFix(path, raw, after if edits else raw, edits, skipped, encoding, for_a_person)


def refuse_unencodable(path: str, edits: list[Edit], codec: str) -> None:
    """An InputError for the first replacement that the file's encoding cannot hold ('Zvečan' in a
    Latin-1 file): writing it would need another encoding, which the user did not choose."""
    for edit in edits:
        try:
            edit.replacement.encode(codec)
        except UnicodeEncodeError as exc:
            found = edit.finding
            message = (f"cannot fix {found.text!r} to {edit.replacement!r}: {exc.object[exc.start]!r} cannot be "
                       f"encoded in {codec}; file left unchanged")
            raise InputError(Problem(path, message, found.line, found.column)) from None


# (byte-order mark, the codec of the text after it, the encodings that read it and drop it), UTF-32's
# before UTF-16's: the little-endian UTF-32 mark starts with UTF-16's.
_BOMS = ((b"\xef\xbb\xbf", "utf-8", ("utf-8-sig",)),
         (b"\xff\xfe\x00\x00", "utf-32-le", ("utf-8", "utf-8-sig", "utf-32")),
         (b"\x00\x00\xfe\xff", "utf-32-be", ("utf-8", "utf-8-sig", "utf-32")),
         (b"\xff\xfe", "utf-16-le", ("utf-8", "utf-8-sig", "utf-16")),
         (b"\xfe\xff", "utf-16-be", ("utf-8", "utf-8-sig", "utf-16")))


def encode_like(raw: bytes, text: str, encoding: str = "utf-8-sig") -> bytes:
    """``text`` in the encoding and with the byte-order mark that ``raw`` has (``encoding`` is what
    ``raw`` was read with)."""
    bom, codec = _bom_and_codec(raw, encoding)
    return bom + text.encode(codec)


def codec_of(raw: bytes, encoding: str) -> str:
    """The codec that writes the text after ``raw``'s byte-order mark (``encoding``: what read it)."""
    return _bom_and_codec(raw, encoding)[1]


def _bom_and_codec(raw: bytes, encoding: str) -> tuple[bytes, str]:
    """As documents.decode reads ``raw`` with ``encoding``: the byte-order mark that reading dropped
    (UTF-8's with utf-8-sig; UTF-32's or UTF-16's, whose byte order then holds, with any UTF-8 codec
    or their own), and the codec of the text after it."""
    for bom, codec, readers in _BOMS:
        if raw.startswith(bom) and encoding in readers:
            return bom, codec
    return b"", "utf-8" if encoding == "utf-8-sig" else encoding


def fix_until_stable(path: str, raw: bytes, findings: list[Finding], recheck, passes: int = 3,
                     encoding: str = "utf-8-sig") -> FileFix:
    """Fix, check the fixed text again (``recheck(text) -> findings``), and fix what the fixes
    caused ("Association of Serbian ..." fixed to a variant the rest of the text no longer uses),
    so that a second ``mtcheck fix`` finds nothing to do."""
    result = fix_file(path, raw, findings, encoding=encoding)
    for _ in range(passes - 1):
        if not result.edits:
            break
        following = fix_file(path, result.after, recheck(decode(result.after, path, encoding)), encoding=encoding)
        if not following.edits:
            break
        result = FileFix(path, raw, following.after, result.edits + following.edits, following.skipped, encoding,
                         following.for_a_person)
    return result


def fixes(findings: list[Finding]) -> list[tuple[Finding, str]]:
    """(finding, what its rule's fix writes in its place) for each finding its rule can fix."""
    wanted = []
    for finding in findings:
        rule = RULES.get(finding.rule)
        if rule is not None and rule.fix is not None and (replacement := rule.fix(finding)):
            wanted.append((finding, replacement))
    return wanted


def plan_edits(text: str, candidates: list[tuple[Finding, str]]) -> tuple[list[Edit], list[Finding]]:
    """Edits for the (finding, replacement) pairs that no other finding with another replacement overlaps."""
    ordered = sorted(candidates, key=lambda candidate: (candidate[0].offset, candidate[0].offset + candidate[0].length))
    edits, skipped = [], []
    for i, (finding, wanted) in enumerate(ordered):
        start, end = finding.offset, finding.offset + finding.length
        clash = any(o is not finding and o.offset < end and start < o.offset + o.length
                    and other != wanted for o, other in ordered[max(0, i - 8): i + 8])
        if clash or text[start:end] != finding.text or (edits and edits[-1].end > start):
            skipped.append(finding)
            continue
        replacement = rendering(text, start, end, wanted)
        if replacement is None:
            skipped.append(finding)
        elif replacement != text[start:end]:
            edits.append(Edit(start, end, replacement, finding))
    return edits, skipped


def rendering(text: str, start: int, end: int, suggestion: str) -> str | None:
    """``suggestion`` as it should stand at text[start:end]: capitalised at a sentence start, with
    the original line breaks between words; None when the breaks cannot be kept."""
    original = text[start:end]
    replacement = suggestion
    if original[:1].isupper() and replacement[:1].islower() and _SENTENCE_START.search(text[max(0, start - 200):start]):
        replacement = replacement[:1].upper() + replacement[1:]
    if "\n" not in original and "\r" not in original:
        return replacement
    gaps = _GAP.findall(original)
    words = replacement.split(" ")
    if len(words) != len(gaps) + 1:
        return None  # a line break we could not put back in the same place
    return "".join(word + (gaps[i] if i < len(gaps) else "") for i, word in enumerate(words))


def apply_edits(text: str, edits: list[Edit]) -> str:
    pieces, at = [], 0
    for edit in edits:
        pieces += [text[at:edit.start], edit.replacement]
        at = edit.end
    pieces.append(text[at:])
    return "".join(pieces)


def read_raw(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(Problem(path, f"cannot read: {error.strerror}")) from None
