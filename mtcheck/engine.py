"""The checker: select rules, run them on a document, stamp severity and position, sort."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from mtcheck.config import Config
from mtcheck.bilingual.cat import DEFAULT_STATES
from mtcheck.documents import BILINGUAL_FORMATS, STDIN, examination_segments, read_as, read_document
from mtcheck.errors import ConfigError, Problem
from mtcheck.glossary.index import EncodedMatches, MatchStore, TermIndex
from mtcheck.lexicon import lexicon_for
from mtcheck.markup import prose_view
from mtcheck.model import Document, FileResult, Finding, Glossary, Hit, Pending, RunResult, Severity
from mtcheck.rules import RULES, CheckContext, Rule
from mtcheck.rules.base import Scope
from mtcheck.suppressions import Suppressions
from mtcheck.text import LineTracker, line_columns, tokens, with_line_starts, word_count


def select_rules(config: Config, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules to run: config-enabled, narrowed by --select, minus --ignore."""
    select, ignore = list(select), list(ignore)
    for rule_id in select + ignore:
        if rule_id not in RULES:
            raise ConfigError(Problem("mtcheck", f"unknown rule {rule_id!r} (known: {', '.join(RULES)})"))
    chosen = []
    for rule_id, rule in RULES.items():
        enabled = rule_id in select if select else config.rule(rule_id).enabled
        if enabled and rule_id not in ignore:
            chosen.append(rule)
    return chosen


class Examination(NamedTuple):
    """One segment examined: the segment rules' findings, and what the document-wide rules need of it."""

    findings: list[Finding]  # in document order
    kept: EncodedMatches  # the matches the document-wide rules asked for
    word_counts: dict[str, Counter]  # rule id -> the counts of the words a document-wide rule reads (Rule.counts)
    glossary_words: set[str]  # the words of the segment's matches
    words: int  # how many words the segment holds
    start: tuple[int, int]  # where the segment starts: its line, and that line's offset (LineTracker.start)


class Checker:
    """Glossaries compiled once, then any number of documents checked against them. Built once and
    never changed: every run, worker process and Dask worker sees the same checker."""

    def __init__(self, glossaries: list[Glossary], config: Config | None = None, rules: list[Rule] | None = None,
                 index: TermIndex | None = None, index_key: str | None = None,
                 sources: Mapping[str, str] | None = None, encoding: str = "utf-8-sig",
                 states: frozenset[str] = DEFAULT_STATES, input_format: str | None = None):
        self.config = config or Config()
        self.rules = tuple(rules if rules is not None else select_rules(self.config))
        self.language = glossaries[0].language if glossaries else "en"
        self.source_language = next((g.source_language for g in glossaries if g.source_language), None)
        self.index = index or TermIndex(glossaries, lexicon_for(self.language))
        self.lexicon = self.index.lexicon
        self.index_key = index_key  # identifies the glossary files the index was compiled from
        self.options = {rule.id: self.config.rule(rule.id).options for rule in self.rules}
        self.sources = dict(sources or {})  # target file -> its line-aligned source file (--source)
        self.encoding = encoding  # of the texts (--encoding); UTF-16 with a BOM is always recognised
        self.states = frozenset(states)  # the units of translation files checked, by state (--states)
        self.input_format = input_format  # how to read files of no known suffix (--input-format)
        self._built = True

    def __setattr__(self, name: str, value) -> None:
        if getattr(self, "_built", False):
            raise AttributeError(f"a Checker is not changed once built: build another with the {name} wanted")
        object.__setattr__(self, name, value)

    @property
    def settings(self) -> str:
        """The rules, severities and rule options in force, for cache keys and signatures."""
        rules = ",".join(f"{r.id}:{_first_set(self.config.rule(r.id).severity, r.severity).label}" for r in self.rules)
        settings = rules + json.dumps({rule: options for rule, options in self.options.items() if options}, sort_keys=True)
        if self.states != DEFAULT_STATES:
            settings += f"|states={','.join(sorted(self.states))}"
        return settings + (f"|input-format={self.input_format}" if self.input_format else "")

    def examine(self, document: Document, segment: tuple[int, str], start: tuple[int, int] = (1, 0)) -> Examination:
        """Scan one (offset, text) segment of ``document``, starting at ``start`` (its line, and that
        line's offset: ``text.with_line_starts``), and run the segment rules on it.

        Worker processes run this for the segments of a large file; they are given a stand-in
        ``document`` holding just the path and this segment's text.
        """
        base, text = segment
        every_word = tokens(text)
        counts = Counter(every_word)
        found = self.index.find(text, base=base, words=counts)
        words = set(tokens(" ".join({m.text for m in found})))  # one pass over the renderings, joined
        context = CheckContext(document, tuple(found), self.lexicon, counts, words, self.source_language,
                               segment, self.language, self.options)
        hits = {(rule, hit) for rule in self.rules if rule.scope is Scope.SEGMENT for hit in rule.check(context)}
        document_rules = [rule for rule in self.rules if rule.scope is not Scope.SEGMENT]
        kept = self.index.encode([m for m in found if any(rule.needs(m) for rule in document_rules)])
        findings = self._findings(document, hits, lambda offsets: LineTracker(start).positions(base, text, offsets))
        # Of the segment's 20,000 words, only the counts the document-wide rules read travel on.
        counted = {rule.id: Counter(context.counts_of(rule)) for rule in document_rules if rule.counts}
        return Examination(findings, kept, counted, words, word_count(every_word, text), start)

    def check_document(self, document: Document,
                       examinations: Iterable[tuple[tuple[int, str], Examination]] | None = None) -> FileResult:
        """Check one document; a streamed one is read segment by segment, never whole.

        ``examinations`` are the document's segments, each examined (by a worker process, say).
        Segment rules run segment by segment, and their hits become findings at once; only the
        matches that the document-wide rules ask for are kept, so memory follows the findings,
        not the text.
        """
        document = prose_view(document)  # a Markdown or HTML file's code is no text to check
        if reason := self._not_checkable(document):
            return FileResult(document.path, 0, skipped=reason)
        per_document = [rule for rule in self.rules if rule.scope is not Scope.SEGMENT]
        kept = MatchStore(self.index)
        findings: list[Finding] = []
        word_counts: dict[str, Counter] = {rule.id: Counter() for rule in per_document if rule.counts}
        glossary_words: set[str] = set()
        total_words = 0
        if examinations is None:
            examinations = ((segment, self.examine(document, segment, start))
                            for segment, start in with_line_starts(examination_segments(document)))
        suppressions = Suppressions()
        streamed = document.streamed
        for (_, text), (segment_findings, found, counts, words, total, (line, _)) in examinations:
            suppressions.read(text, line)
            for rule_id, counted in counts.items():
                word_counts[rule_id].update(counted)
            glossary_words.update(words)
            total_words += total
            findings += [f.with_shared_strings() for f in segment_findings] if streamed else segment_findings
            kept.add_encoded(found)
        context = CheckContext(document, kept, self.lexicon, Counter(), glossary_words, self.source_language,
                               None, self.language, self.options, self.index, counted=word_counts)
        # A monolingual document has no pairs for the bilingual-pair rules to compare.
        hits, collected = set(), []
        for rule in per_document:
            if rule.scope is Scope.DOCUMENT or context.pairs:
                if rule.run_wide is not None and rule.run_wide.wanted(context):  # the run decides
                    collected += [(rule, hit, key) for hit, key in rule.run_wide.collect(context)]
                else:
                    hits.update((rule, hit) for hit in rule.check(context))
        del kept, context
        findings += self._findings(document, hits, lambda offsets: line_columns(document.segments(), offsets))
        findings = document.relocate_all(findings)
        findings.sort(key=Finding.sort_key)
        suppressed: Counter = Counter()
        if suppressions:
            suppressed.update(f.rule for f in findings if suppressions.silences(f))
            findings = [f for f in findings if not suppressions.silences(f)]
        return FileResult(document.path, total_words, tuple(findings), dict(sorted(suppressed.items())),
                          warnings=document.warnings, pending=self._pending(document, collected, suppressions))

    def _pending(self, document: Document, collected: list, suppressions: Suppressions) -> tuple[Pending, ...]:
        """The (rule, hit, key) that the run will decide, as findings stamped and placed like any other."""
        if not collected:
            return ()
        keys = {(rule.id, hit.span.start, hit.span.end): key for rule, hit, key in collected}
        found = self._findings(document, {(rule, hit) for rule, hit, _ in collected},
                               lambda offsets: line_columns(document.segments(), offsets))
        keyed = [keys[f.rule, f.offset, f.offset + f.length] for f in found]  # before relocating: offsets in the text
        return tuple(Pending(finding, key, bool(suppressions) and suppressions.silences(finding))
                     for finding, key in zip(document.relocate_all(found), keyed, strict=True))

    def decide_run_wide(self, files: Sequence[FileResult]) -> tuple[FileResult, ...]:
        """``files``, the results of one run in run order, with their pending findings decided: the
        rules that judge the files together (``Rule.run_wide``) compare the pending findings of all
        of them, and each one reported joins its file's findings (or its suppressed count, where an
        inline directive silences it). Every file's result must take part, those the results cache
        gave too: it keeps the pending findings, never the decided ones, which depend on the other
        files."""
        if not any(file.pending for file in files):
            return tuple(files)
        decided: list[dict[int, str]] = [{} for _ in files]  # per file: position among its pending -> message
        for rule in self.rules:
            if rule.run_wide is None:
                continue
            places = [(i, j) for i, file in enumerate(files) for j, pending in enumerate(file.pending)
                      if pending.finding.rule == rule.id]
            if places:
                for at, message in rule.run_wide.decide([files[i].pending[j] for i, j in places]):
                    i, j = places[at]
                    decided[i][j] = message
        return tuple(_with_decided(file, messages) if file.pending else file for file, messages in zip(files, decided))

    def _not_checkable(self, document: Document) -> str | None:
        """Why the glossaries cannot judge ``document``: a translation into another language."""
        if foreign := document.other_target_languages(self.language):
            return f"a translation into {', '.join(map(repr, foreign))}, not the glossary's language {self.language!r}"
        return None

    def _findings(self, document: Document, hits: set, locate) -> list[Finding]:
        """``hits`` as findings, in document order; ``locate`` gives the positions of their offsets
        (and is called even for no hits: a segment's line breaks must be counted)."""
        ordered = sorted(hits, key=lambda pair: (pair[1].span.start, pair[1].span.end, pair[0].id, pair[1].message))
        hits.clear()
        positions = locate(o for _, h in ordered for o in (h.span.start, h.span.end))
        stamps = {rule: (self.config.rule(rule.id).severity, rule.category) for rule in {rule for rule, _ in ordered}}
        return [self._finding(rule, *stamps[rule], hit, document.path, positions) for rule, hit in ordered]

    def read(self, path: str):
        """The document at ``path``: a bilingual one for translation files and for a target whose
        source was given, else text (streamed when large; Markdown and HTML with their code masked)."""
        kind = read_as(path, self.input_format)
        if path in self.sources or kind in BILINGUAL_FORMATS:
            from mtcheck.bilingual.document import read_bilingual

            document = read_bilingual(path, self.source_language, self.language, self.sources.get(path),
                                      self.states, kind if kind != read_as(path) else None)
            return replace(document, path="<stdin>") if path == STDIN else document
        return prose_view(read_document(path, encoding=self.encoding), kind)

    def check_text(self, text: str, path: str = "<text>") -> FileResult:
        """Check one text, a run of its own (``check_document`` leaves findings that a run decides pending)."""
        return self.decide_run_wide((self.check_document(Document(path, text)),))[0]

    def check_paths(self, paths: list[str]) -> RunResult:
        """Check files and folders in this process, without a cache: ``runner.check_paths``."""
        from mtcheck.runner import check_paths  # the runner builds on this module

        return check_paths(self, paths)

    @staticmethod
    def _finding(rule: Rule, configured: Severity | None, category: str, hit: Hit, path: str, positions) -> Finding:
        severity = _first_set(configured, hit.severity, rule.severity)
        start, end = hit.span.start, hit.span.end
        line, column = positions.at(start)
        end_line, end_column = positions.at(end)
        end_line = line if end_line == line else end_line  # one int object, not two: archives hold 10^6 findings
        return Finding(
            rule=rule.id, category=category, severity=severity, path=path,
            line=line, column=column, end_line=end_line, end_column=end_column,
            # Interned: an archive repeats the same defect, and a million findings then share strings.
            offset=start, length=end - start, text=sys.intern(hit.text),
            message=sys.intern(hit.message), term=hit.term,
            suggestion=sys.intern(hit.suggestion) if hit.suggestion else None, mqm=rule.mqm, fixable=hit.fixable,
        )

def _with_decided(file: FileResult, messages: dict[int, str]) -> FileResult:
    """``file`` with its pending findings that ``messages`` reports among its findings (or its
    suppressed counts), in order, and none pending."""
    reported = [(file.pending[j], replace(file.pending[j].finding, message=sys.intern(message)))
                for j, message in messages.items()]
    findings = sorted(file.findings + tuple(f for pending, f in reported if not pending.silenced), key=Finding.sort_key)
    suppressed = Counter(file.suppressed) + Counter(f.rule for pending, f in reported if pending.silenced)
    return replace(file, findings=tuple(findings), suppressed=dict(sorted(suppressed.items())), pending=())


def _first_set(*severities: Severity | None) -> Severity:
    """The first severity given: ``or`` would pass over NEUTRAL, which is 0."""
    return next(severity for severity in severities if severity is not None)


def fails(run: RunResult, fail_on: str) -> bool:
    """True when a finding is at or above the --fail-on severity, or a file was skipped unchecked (a
    binary file in a folder, a translation into another language): a run that left files unchecked
    is no clean pass. "never" never fails."""
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on)
    return bool(run.skipped) or any(f.severity >= threshold for f in run.findings)
