"""What a rule is, and what it is given to look at."""

from __future__ import annotations

import inspect
import sys
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from mtcheck.glossary.index import ACCEPTED, WRITTEN_AS_GIVEN, Match
from mtcheck.inflection import correction
from mtcheck.languages import language
from mtcheck.lexicon import Lexicon
from mtcheck.model import Document, Finding, Hit, Pending, RuleInfo, Severity, Span
from mtcheck.text import drop_invisible, is_acronym


class CheckContext:
    """One document, its glossary matches and word counts: everything a rule may read.

    Rules read the text through ``document.segments()``, so long files need not sit in memory.
    """

    def __init__(self, document: Document, matches: Iterable[Match], lexicon: Lexicon,
                 word_counts: Counter, glossary_words: set[str] = frozenset(), source_language: str | None = None,
                 segment: tuple[int, str] | None = None, language: str = "en",
                 options: Mapping[str, Mapping] | None = None, index=None,
                 counted: Mapping[str, Mapping[str, int]] | None = None):
        self.document = document
        self.matches = matches  # a segment's matches; for a document-wide rule, those it asked for
        self.lexicon = lexicon
        self.word_counts = word_counts  # the segment's words (document-wide rules read ``counts_of``)
        self._counted = counted  # rule id -> the document's counts of the words the rule counts
        self.glossary_words = glossary_words  # the words of every match in the document
        self.source_language = source_language
        self.segment = segment  # (offset, text) of the segment a per-segment rule looks at
        self.language = language  # the target language (BCP 47)
        self.options = options or {}  # rule id -> the options the config sets (``Rule.options``)
        self.index = index  # the term index, for rules that look at more than the target's matches
        # A bilingual file: its (source, target) pairs, and where each target starts in the text.
        self.pairs = document.pairs

    def option(self, rule: Rule, name: str) -> Any:
        """The value of ``rule``'s option ``name``: as the config sets it, else its default."""
        configured = self.options.get(rule.id, {})
        return configured[name] if name in configured else rule.option(name).default

    def counts_of(self, rule: Rule) -> Mapping[str, int]:
        """The counts of the words ``rule`` reads (``Rule.counts``): in the whole document, gathered
        segment by segment, or else in this text."""
        if self._counted is not None:
            return self._counted.get(rule.id, {})
        return {word: self.word_counts[word] for word in rule.counts(self.word_counts, self.lexicon)}


class Scope(Enum):
    """What a rule looks at, and so when the engine runs it."""

    SEGMENT = "segment"  # each segment of a document in turn, with all of that segment's matches
    DOCUMENT = "document"  # the whole document once, with the matches its ``needs`` keeps
    # A bilingual document's (source, target) pairs, once: like DOCUMENT, but a monolingual
    # document has no pairs, and the rule is not run on it.
    PAIRS = "bilingual pairs"


def no_matches(match: Match) -> bool:
    """The match filter of a document-wide rule that reads text, counts or pairs, never matches."""
    return False


def replace_with_suggestion(finding: Finding) -> str | None:
    """The fix of the glossary rules: the finding's suggestion takes its place, where it keeps the
    text's inflection."""
    return finding.suggestion if finding.fixable else None


def as_given(value: Any) -> Any:
    return value


def no_problems(value: Any) -> Iterable[tuple[tuple, str]]:
    return ()


@dataclass(frozen=True, slots=True)
class Option:
    """A setting of a rule in the config: ``rules: {artifact: {patterns: [...]}}``. The config's
    JSON Schema and its validation are built from these."""

    name: str
    schema: Mapping[str, Any]  # the JSON Schema of its value
    default: Any
    # (where in the value, what is wrong) for each problem the schema cannot express; run once the
    # config matches its schema.
    problems: Callable[[Any], Iterable[tuple[tuple, str]]] = no_problems
    read: Callable[[Any], Any] = as_given  # the value the rule reads, from the config's (validated) one


FLAG_START, FLAG_END = "\u27e6", "\u27e7"  # ⟦ and ⟧: rare enough in any text to mark spans in examples


@dataclass(frozen=True, slots=True)
class Example:
    """A text that a rule must flag where it is marked (⟦like this⟧), or must pass (nothing marked).

    tests/rules/test_rule_declarations.py runs each through the engine with the rule alone selected and
    compares the findings' places with the marks. A ``source`` makes it a bilingual example: the
    text and its source are line-aligned files, line i of one the translation of line i of the other.
    """

    text: str
    source: str | None = None
    # The target language (BCP 47) and the source language. Without a language the example runs with
    # the bundled glossaries/; with one, with an empty glossary of these languages ...
    language: str | None = None
    source_language: str | None = None
    glossary: str | None = None  # ... or with this glossary (YAML), when the example needs terms of its own
    options: Mapping[str, Any] = field(default_factory=dict)  # the rule's options, as a config sets them
    path: str = "example.txt"  # its file name: some checks depend on the kind of file

    @property
    def fails(self) -> bool:
        return FLAG_START in self.text

    @property
    def plain_text(self) -> str:
        """The text without its marks."""
        return self.text.replace(FLAG_START, "").replace(FLAG_END, "")

    def flagged(self) -> list[tuple[int, int]]:
        """The (start, end) offsets in ``plain_text`` of each marked span, in order."""
        spans, removed, at = [], 0, 0
        while (start := self.text.find(FLAG_START, at)) >= 0:
            end = self.text.index(FLAG_END, start)
            spans.append((start - removed, end - removed - 1))
            removed += 2
            at = end + 1
        return spans


@dataclass(frozen=True, slots=True)
class RunWide:
    """How a document-wide rule judges all the files of a run together, when its options ask for it
    (``wanted``). In each file the engine then calls ``collect`` instead of the rule's check: it
    yields (hit, key) for each place that the run may flag, ``key`` plain data (tuples, strings,
    numbers: it is kept with the file's result in the results cache). Once every file of the run is
    checked, ``decide`` is given the pending findings of all files, in run order (files in path
    order, each in its own order), and yields (position in that sequence, message) for each one to
    report."""

    wanted: Callable[[CheckContext], bool]
    collect: Callable[[CheckContext], Iterable[tuple[Hit, tuple]]]
    decide: Callable[[Sequence[Pending]], Iterable[tuple[int, str]]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule, declared whole in its module: a stable id, an MQM error type, a default severity, a
    summary, a check function, what it looks at (its scope, and the matches a document-wide rule
    needs), its options, its fix if it has one, and examples that must fail and pass.

    The check yields ``Hit``s; the engine stamps id, category, severity and position.
    """

    id: str
    mqm: str  # its error type in the MQM-Core typology: "Dimension/Subtype"
    severity: Severity
    summary: str
    check: Callable[[CheckContext], Iterator[Hit]]
    scope: Scope = Scope.SEGMENT
    # A document-wide rule (DOCUMENT or PAIRS) is given the document's matches this filter keeps; a
    # segment rule is given every match of its segment.
    needs: Callable[[Match], bool] = no_matches
    # A document-wide rule that reads word counts: (words, lexicon) -> the words among them, in their
    # order, whose counts it reads. Segments are examined apart (by worker processes, say), and only
    # these counts are gathered.
    counts: Callable[[Iterable[str], Lexicon], Iterable[str]] | None = None
    # Options, fix and examples are not compared, so not hashed: the engine keeps (rule, hit) pairs
    # in sets, and options and examples hold dicts.
    options: tuple[Option, ...] = field(default=(), compare=False)
    # What ``mtcheck fix`` writes in place of a finding of this rule (None: leave it); no fix: the
    # rule's findings are never fixed.
    fix: Callable[[Finding], str | None] | None = field(default=None, compare=False)
    examples: tuple[Example, ...] = field(default=(), compare=False)
    # Whether it runs without the config enabling it: a rule that needs an optional package is not.
    enabled_by_default: bool = field(default=True, compare=False)
    # A document-wide rule that can also judge the files of a run together (an option says when).
    run_wide: RunWide | None = field(default=None, compare=False)

    def __post_init__(self):
        if not (any(e.fails for e in self.examples) and any(not e.fails for e in self.examples)):
            raise ValueError(f"rule {self.id!r}: declare examples it must flag and examples it must pass")
        if self.scope is Scope.SEGMENT and (self.needs is not no_matches or self.counts is not None):
            raise ValueError(f"rule {self.id!r}: a segment rule is given its segment's matches and words; "
                             "`needs` and `counts` are for document-wide rules")

    def info(self, severity: Severity | None = None) -> RuleInfo:
        """The rule as reports describe it; ``severity`` is the configured one, if any."""
        module = sys.modules.get(self.check.__module__)
        return RuleInfo(self.id, self.mqm, self.severity if severity is None else severity, self.summary,
                        inspect.cleandoc(module.__doc__ or "") if module else "")

    @property
    def category(self) -> str:
        """The MQM dimension in lower case: "terminology", "accuracy", ..."""
        return self.mqm.split("/")[0].lower()

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def option(self, name: str) -> Option:
        for option in self.options:
            if option.name == name:
                return option
        raise KeyError(f"rule {self.id!r} declares no option {name!r}")


def translated_pairs(ctx: CheckContext, with_source: bool = False) -> Iterator[tuple[int, Any, str]]:
    """(index, pair, target) of each pair whose target has text (and, with ``with_source``, whose
    source has too): a rule comparing the two leaves an empty one to empty-target."""
    for index, pair in enumerate(ctx.pairs):
        target = pair.target or ""
        if target.strip() and (not with_source or pair.source.strip()):
            yield index, pair, target


def target_span(ctx: CheckContext, index: int, start: int = 0, end: int | None = None) -> Span:
    """The span of target[start:end] of pair ``index`` of a bilingual document."""
    return Span(*ctx.document.target_span(index, start, end))


def written_fix(ctx: CheckContext, match: Match) -> tuple[str, bool]:
    """(the suggestion for ``match``, whether ``mtcheck fix`` may write it by itself).

    In a language that inflects, another word written in place of a span would need the span's
    case, number and gender, which mtcheck cannot tell: only a correction of the same words (a
    misspelling, lost diacritics) is carried into the span's inflection ("Aljbinom" -> "Albinom").
    """
    suggestion = suggestion_for(match)
    if not language(ctx.language).inflects:
        return suggestion, True
    same_words = match.form.role in ACCEPTED and match.kind not in WRITTEN_AS_GIVEN
    corrected = correction(match.text, suggestion, ctx.language) if same_words else None
    if corrected is not None:
        return corrected, True
    return suggestion_for(match._replace(suffix="")), False  # uninflected: "-s" is no plural here


def suggestion_for(match: Match) -> str:
    """The form to write instead: the nearest accepted form; for an acronym ("USO", "WSO") the
    term's own acronym ("CSM"), so that "the USO key" becomes "the CSM key"; else the canonical."""
    form = match.form
    if form.role in ACCEPTED:
        return match.rendered(form.text)
    written = drop_invisible(match.text)  # "U\u200bSO" is the acronym USO
    if is_acronym(written[: len(written) - len(match.suffix)]):
        acronym = next((short for short in form.term.short if is_acronym(short)), None)
        if acronym:
            return match.rendered(acronym)
    return match.rendered(form.term.canonical)
