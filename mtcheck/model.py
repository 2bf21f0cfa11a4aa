"""The small immutable records that pass between the pipeline's stages."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from enum import IntEnum
from typing import TYPE_CHECKING

from mtcheck.errors import Problem
from mtcheck.process_speed import from_fields, pickled_as_fields

if TYPE_CHECKING:
    from mtcheck.scoring.quality import RunScores


class Severity(IntEnum):
    """MQM severities, ordered so that comparisons mean "at least as bad as"."""

    NEUTRAL = 0
    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


SEVERITY_NAMES = tuple(s.label for s in Severity)


# A term's morphology: its forms found inflected, or only as written (glossary schema.json's enum).
MORPHOLOGIES = ("inflect", "exact")

@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Term:
    """One concept of a glossary with every surface form it may take."""

    id: str
    canonical: str
    glossary: str
    variants: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    type: str | None = None
    note: str | None = None
    severity: Severity | None = None
    fuzzy: int | None = 88
    case_sensitive: bool = False
    flag_examples: tuple[str, ...] = ()  # sentences that must produce a finding for this term
    pass_examples: tuple[str, ...] = ()  # sentences that must not
    # "inflect": its forms are found inflected in languages that inflect (mtcheck.inflection);
    # "exact": only as written (a brand, a title that never changes).
    morphology: str = "inflect"  # one of MORPHOLOGIES
    # Inflected forms of the accepted forms that the language's stemmer does not find (irregular
    # plurals, names): accepted anywhere, and not counted as other forms by term-inconsistent.
    inflections: tuple[str, ...] = ()
    # (lint code, reason): what a person reviewed and found right; `glossary lint` leaves it out.
    reviewed: tuple[tuple[str, str], ...] = ()

    def forms_by_role(self) -> dict[str, tuple[str, ...]]:
        return {
            "canonical": (self.canonical,),
            "variant": self.variants,
            "short": self.short,
            "forbidden": self.forbidden,
            "source": self.source,
            "inflection": self.inflections,
        }


@dataclass(frozen=True, slots=True)
class Glossary:
    name: str
    language: str
    path: str
    terms: tuple[Term, ...]
    source_language: str | None = None


class DocumentProtocol:
    """What a document says of itself to the engine, which never asks for its type. These answers
    are a text's in one language, held in memory; ``StreamedDocument`` (read segment by segment) and
    ``BilingualDocument`` (a translation file's targets beside their sources) answer otherwise."""

    __slots__ = ()
    streamed = False  # read segment by segment, never whole: its findings then share their strings
    pairs: tuple = ()  # a translation file's (source, target) pairs (mtcheck.bilingual.formats.Pair)
    warnings: tuple[tuple[int, int | None, str], ...] = ()  # (line, column, message): what reading it changed

    def other_target_languages(self, language: str) -> list[str]:
        """The target languages it declares that are not ``language`` (sorted): a text declares none."""
        return []

    def relocate_all(self, findings: list[Finding]) -> list[Finding]:
        """The findings, in order, with their places in the file: in a text, where they were found."""
        return findings


@dataclass(frozen=True, slots=True)
class Document(DocumentProtocol):
    """A decoded text held in memory. Offsets everywhere count code points of ``text``."""

    path: str
    text: str

    def segments(self, size: int | None = None):
        """(offset, text) pieces that make up the document: one, or pieces of about ``size`` characters."""
        if size is None:
            yield 0, self.text
        else:
            from mtcheck.text import split

            yield from split(self.text, size)


@dataclass(frozen=True, slots=True)
class ProseDocument(Document):
    """A Markdown or HTML document as the rules read it: ``text`` is the file's text with its code
    masked character for character (``mtcheck.markup``), so offsets, lines and columns are the file's."""


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: where, what, and what to write instead."""

    span: Span
    text: str
    message: str
    term: str | None = None
    suggestion: str | None = None
    severity: Severity | None = None  # a per-term severity from the glossary, if any
    # Whether ``mtcheck fix`` may write the suggestion by itself: not where the suggestion would not
    # keep the text's inflection (a person then decides).
    fixable: bool = True


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """A hit stamped by the engine with its rule, category, severity and position."""

    rule: str
    category: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    text: str
    message: str
    term: str | None = None
    suggestion: str | None = None
    mqm: str = ""  # the rule's MQM error type, "Terminology/Wrong term"
    segment: int | None = None  # in a bilingual file: the segment's index (offset/length then count in its target)
    unit: str | None = None  # in a bilingual file: the unit's id (XLIFF, PO, TMX, CSV/JSONL id)
    fixable: bool = True  # see Hit.fixable

    def sort_key(self) -> tuple:
        return (self.path, -1 if self.segment is None else self.segment, self.offset, self.length, self.rule, self.message)

    def with_shared_strings(self) -> Finding:
        """This finding with its text, message and suggestion interned: the 10^6 findings of a
        streamed archive repeat the same few thousand defects, and arrive from worker processes as
        copies."""
        return Finding(*_FINDING_FIELDS(self)[:10], sys.intern(self.text), sys.intern(self.message), self.term,
                       self.suggestion and sys.intern(self.suggestion), self.mqm, self.segment, self.unit,
                       self.fixable)


_FINDING_FIELDS = attrgetter(*(f.name for f in fields(Finding)))


@dataclass(frozen=True, slots=True)
class Pending:
    """A finding that only the whole run can decide (a rule judging all files together,
    ``rules.base.RunWide``): stamped and placed in its file, its message still empty."""

    finding: Finding
    key: tuple  # what the rule compares across the files: plain data
    silenced: bool = False  # an inline directive of its file silences it


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    words: int
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    suppressed: dict[str, int] = field(default_factory=dict)  # findings silenced inline, by rule
    baselined: int = 0  # findings left out because the baseline holds them
    skipped: str | None = None  # why the file was not checked after all (a translation file into another language)
    warnings: tuple[tuple[int, int | None, str], ...] = ()  # (line, column, message): what reading it changed
    # Findings the run decides once all its files are checked (``Checker.decide_run_wide``), which
    # then moves them into ``findings`` (or ``suppressed``) and empties this.
    pending: tuple[Pending, ...] = ()

    def __reduce__(self):
        # Its findings as rows of fields, one list: no reduce call for each of 10^4-10^6 findings
        # when the results cache stores it.
        pending = [(_FINDING_FIELDS(p.finding), p.key, p.silenced) for p in self.pending]
        return _unpickled_file_result, (self.path, self.words, list(map(_FINDING_FIELDS, self.findings)),
                                        self.suppressed, self.baselined, self.skipped, self.warnings, pending)


def _unpickled_file_result(path, words, rows, suppressed, baselined, skipped, warnings=(), pending=()) -> FileResult:
    findings = tuple(from_fields(Finding, row) for row in rows)
    pending = tuple(Pending(from_fields(Finding, row), key, silenced) for row, key, silenced in pending)
    return FileResult(path, words, findings, suppressed, baselined, skipped, warnings, pending)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What reports say of a rule that ran (reporters never import the rules themselves)."""

    id: str
    mqm: str
    severity: Severity  # its default
    summary: str
    help: str = ""  # the rule's documentation: what it catches, an example that fails and one that passes


@dataclass(frozen=True, slots=True)
class RunResult:
    files: tuple[FileResult, ...]
    scores: RunScores | None = None  # mtcheck.scoring.quality.RunScores, once the run is scored
    terms: dict[str, Term] = field(default_factory=dict)  # the glossary terms the findings name, by id
    rules: tuple[RuleInfo, ...] = ()  # the rules that ran, in registry order
    skipped: tuple[tuple[str, str], ...] = ()  # (path, why) of files not checked: binary files, other languages

    @classmethod
    def of(cls, results: tuple[FileResult, ...], skipped: tuple[tuple[str, str], ...] = ()) -> RunResult:
        """The run of these results, the files that turned out not to be checkable among the skipped."""
        skipped += tuple((file.path, file.skipped) for file in results if file.skipped)
        return cls(tuple(file for file in results if not file.skipped), skipped=skipped)

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]

    @property
    def warnings(self) -> list[Problem]:
        """What reading the files changed (a lone surrogate replaced), file by file."""
        return [Problem(file.path, message, line, column) for file in self.files for line, column, message in file.warnings]

    def with_printable_paths(self) -> RunResult:
        """This run as reports can hold it: see ``printable_path``."""
        if not any(map(_UNPRINTABLE_PATH.search, [file.path for file in self.files] + [p for p, _ in self.skipped])):
            return self
        files = tuple(replace(file, path=printable_path(file.path),
                              findings=tuple(replace(f, path=printable_path(f.path)) for f in file.findings))
                      for file in self.files)
        scores = self.scores and replace(self.scores, files={printable_path(p): s for p, s in self.scores.files.items()})
        return replace(self, files=files, scores=scores,
                       skipped=tuple((printable_path(path), why) for path, why in self.skipped))


_UNPRINTABLE_PATH = re.compile("[\ud800-\udfff]")


def printable_path(path: str) -> str:
    """A file name as reports can hold it. Python holds each byte of a name that is not UTF-8 (say
    b"caf\\xe9.txt", a Latin-1 name) as a lone surrogate, which no UTF-8 text, JSON or XML can hold:
    each becomes U+FFFD ("caf\ufffd.txt")."""
    return _UNPRINTABLE_PATH.sub("\ufffd", path)
