"""``mtcheck fix``: apply the unambiguous suggestions of the term rules to the checked files.

Only spans change; every other byte stays as it was (BOM, line endings, surrounding text).
A replacement keeps what the occurrence had around the form: a possessive or plural ending
("Aljbin Kurti's" becomes "Albin Kurti's"), a capital at the start of a sentence, and the line
breaks between its words ("Union of\\nSerbian Municipalities"). Findings that overlap with
different suggestions are ambiguous and left alone. Files are written atomically, and a file
that cannot be decoded is never touched.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from mtcheck.documents import decode
from mtcheck.errors import InputError, Problem
from mtcheck.model import Finding

FIXABLE_RULES = ("term-forbidden", "term-untranslated", "term-misspelled", "term-inconsistent")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*)$")  # what precedes a sentence's first word
_GAP = re.compile(r"\s+")


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

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        old = _text(self.before).splitlines(keepends=True)
        new = _text(self.after).splitlines(keepends=True)
        relative = not self.path.startswith(("/", "\\")) and ":" not in self.path[:3]
        lines = difflib.unified_diff(old, new, *((f"a/{self.path}", f"b/{self.path}") if relative else (self.path, self.path)))
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _text(raw: bytes) -> str:
    return decode(raw, "<fixed>")


def fix_file(path: str, raw: bytes, findings: list[Finding], rules: tuple[str, ...] = FIXABLE_RULES) -> FileFix:
    """The file with every unambiguous suggestion of ``rules`` applied (``raw`` is its content)."""
    text = decode(raw, path)
    candidates = [f for f in findings if f.rule in rules and f.suggestion]
    edits, skipped = plan_edits(text, candidates)
    after = encode_like(raw, apply_edits(text, edits))
    return FileFix(path, raw, after if edits else raw, edits, skipped)


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def encode_like(raw: bytes, text: str) -> bytes:
    """``text`` in the encoding and with the byte-order mark that ``raw`` has."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return bom + text.encode(encoding)
    return text.encode("utf-8")


def fix_until_stable(path: str, raw: bytes, findings: list[Finding], recheck, passes: int = 3) -> FileFix:
    """Fix, check the fixed text again (``recheck(text) -> findings``), and fix what the fixes
    caused ("Association of Serbian ..." fixed to a variant the rest of the text no longer uses),
    so that a second ``mtcheck fix`` finds nothing to do."""
    result = fix_file(path, raw, findings)
    for _ in range(passes - 1):
        if not result.edits:
            break
        following = fix_file(path, result.after, recheck(decode(result.after, path)))
        if not following.edits:
            break
        result = FileFix(path, raw, following.after, result.edits + following.edits, following.skipped)
    return result


def plan_edits(text: str, findings: list[Finding]) -> tuple[list[Edit], list[Finding]]:
    """Edits for the findings that no other finding with another suggestion overlaps."""
    ordered = sorted(findings, key=lambda f: (f.offset, f.offset + f.length))
    edits, skipped = [], []
    for i, finding in enumerate(ordered):
        start, end = finding.offset, finding.offset + finding.length
        clash = any(o is not finding and o.offset < end and start < o.offset + o.length
                    and o.suggestion != finding.suggestion for o in ordered[max(0, i - 8): i + 8])
        if clash or text[start:end] != finding.text or (edits and edits[-1].end > start):
            skipped.append(finding)
            continue
        replacement = rendering(text, start, end, finding.suggestion)
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
