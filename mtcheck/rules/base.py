"""What a rule is, and what it is given to look at."""

from __future__ import annotations

import inspect
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping

from mtcheck.glossary.index import Match
from mtcheck.lexicon import Lexicon
from mtcheck.model import Document, Hit, RuleInfo, Severity, Span
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
        self.options = options or {}  # rule id -> its options from the config (artifact: patterns)
        self.index = index  # the term index, for rules that look at more than the target's matches
        # A bilingual file: its (source, target) pairs, and where each target starts in the text.
        self.pairs = document.pairs

    def counts_of(self, rule: Rule) -> Mapping[str, int]:
        """The counts of the words ``rule`` reads (``Rule.counts``): in the whole document, gathered
        segment by segment, or else in this text."""
        if self._counted is not None:
            return self._counted.get(rule.id, {})
        return {word: self.word_counts[word] for word in rule.counts(self.word_counts, self.lexicon)}


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule = a stable id + an MQM error type + a default severity + a check function (+ its scope).

    The check yields ``Hit``s; the engine stamps id, category, severity and position.
    """

    id: str
    mqm: str  # its error type in the MQM-Core typology: "Dimension/Subtype"
    severity: Severity
    summary: str
    check: Callable[[CheckContext], Iterator[Hit]]
    # None: the rule looks at one match at a time and runs on each segment of a document.
    # Otherwise it runs once on the whole document, given the matches this predicate keeps.
    needs: Callable[[Match], bool] | None = None
    # A document-wide rule that reads word counts: (words, lexicon) -> the words among them, in their
    # order, whose counts it reads. Segments are examined apart (by worker processes, say), and only
    # these counts are gathered.
    counts: Callable[[Iterable[str], Lexicon], Iterable[str]] | None = None

    def info(self, severity: Severity | None = None) -> RuleInfo:
        """The rule as reports describe it; ``severity`` is the configured one, if any."""
        module = sys.modules.get(self.check.__module__)
        return RuleInfo(self.id, self.mqm, severity or self.severity, self.summary,
                        inspect.cleandoc(module.__doc__ or "") if module else "")

    @property
    def category(self) -> str:
        """The MQM dimension in lower case: "terminology", "accuracy", ..."""
        return self.mqm.split("/")[0].lower()


def target_span(ctx: CheckContext, index: int, start: int = 0, end: int | None = None) -> Span:
    """The span of target[start:end] of pair ``index`` of a bilingual document."""
    return Span(*ctx.document.target_span(index, start, end))


def suggestion_for(match: Match) -> str:
    """The form to write instead: the nearest accepted form; for an acronym ("USO", "WSO") the
    term's own acronym ("CSM"), so that "the USO key" becomes "the CSM key"; else the canonical."""
    form = match.form
    if form.role in ("canonical", "variant", "short"):
        return match.rendered(form.text)
    written = drop_invisible(match.text)  # "U\u200bSO" is the acronym USO
    if is_acronym(written[: len(written) - len(match.suffix)]):
        acronym = next((short for short in form.term.short if is_acronym(short)), None)
        if acronym:
            return match.rendered(acronym)
    return match.rendered(form.term.canonical)
