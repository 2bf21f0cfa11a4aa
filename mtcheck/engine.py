"""The checker: select rules, run them on a document, stamp severity and position, sort."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mtcheck.config import Config
from mtcheck.documents import document_paths, read_document
from mtcheck.errors import ConfigError, Problem
from mtcheck.glossary.index import TermIndex
from mtcheck.lexicon import lexicon_for
from mtcheck.model import Document, FileResult, Finding, Glossary, Hit, RunResult, Severity
from mtcheck.rules import RULES, CheckContext, Rule
from mtcheck.text import TOKEN_RE, line_columns


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


class Checker:
    """Glossaries compiled once, then any number of documents checked against them."""

    def __init__(self, glossaries: list[Glossary], config: Config | None = None, rules: list[Rule] | None = None,
                 index: TermIndex | None = None, index_key: str | None = None):
        self.config = config or Config()
        self.rules = rules if rules is not None else select_rules(self.config)
        self.language = glossaries[0].language if glossaries else "en"
        self.source_language = next((g.source_language for g in glossaries if g.source_language), None)
        self.index = index or TermIndex(glossaries, lexicon_for(self.language))
        self.lexicon = self.index.lexicon
        self.index_key = index_key  # identifies the glossary files the index was compiled from

    @property
    def settings(self) -> str:
        """The rules and severities in force, for cache keys and signatures."""
        return ",".join(f"{r.id}:{(self.config.rule(r.id).severity or r.severity).label}" for r in self.rules)

    def scan(self, segment: tuple[int, str]) -> tuple[list, Counter]:
        """The glossary matches and word counts of one (offset, text) segment of a document."""
        base, text = segment
        return self.index.find(text, base=base), Counter(TOKEN_RE.findall(text))

    def check_document(self, document: Document, scans: Iterable[tuple[list, Counter]] | None = None) -> FileResult:
        """Check one document; a streamed one is read segment by segment, never whole.

        ``scans`` are the document's segments already scanned (by worker processes, say).
        """
        matches: list = []
        word_counts: Counter = Counter()
        for found, counts in scans if scans is not None else map(self.scan, document.segments()):
            matches += found
            word_counts.update(counts)
        context = CheckContext(document, tuple(matches), self.lexicon, word_counts, self.source_language)
        hits = {(rule, hit) for rule in self.rules for hit in rule.check(context)}
        positions = line_columns(document.segments(), [o for _, h in hits for o in (h.span.start, h.span.end)])
        findings = sorted((self._finding(rule, hit, document.path, positions) for rule, hit in hits), key=Finding.sort_key)
        return FileResult(document.path, sum(word_counts.values()), tuple(findings))

    def check_text(self, text: str, path: str = "<text>") -> FileResult:
        return self.check_document(Document(path, text))

    def check_paths(self, paths: list[str]) -> RunResult:
        files = document_paths(paths, self.config.exclude)
        return RunResult(tuple(self.check_document(read_document(path)) for path in files))

    def _finding(self, rule: Rule, hit: Hit, path: str, positions: dict) -> Finding:
        severity = self.config.rule(rule.id).severity or hit.severity or rule.severity
        start, end = hit.span.start, hit.span.end
        line, column = positions[start]
        end_line, end_column = positions[end]
        return Finding(
            rule=rule.id, category=rule.category, severity=severity, path=path,
            line=line, column=column, end_line=end_line, end_column=end_column,
            offset=start, length=end - start, text=hit.text,
            message=hit.message, term=hit.term, suggestion=hit.suggestion,
        )

def fails(run: RunResult, fail_on: str) -> bool:
    """True when a finding is at or above the --fail-on severity ("never" never fails)."""
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on)
    return any(f.severity >= threshold for f in run.findings)
