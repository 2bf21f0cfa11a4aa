"""Terminology metrics of a translation: how consistently and how canonically it renders each concept.

- consistency: the share of concepts that a document renders with a single full form (short
  forms such as "CSM" may stand beside the full form and do not count as a second rendering);
- canonical-form rate: the share of full-form occurrences written in the canonical form;
- with references, reference match rate: of the concepts a reference segment names, the share
  that the hypothesis segment on the same line renders with an accepted form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from mtcheck.glossary.index import ACCEPTED, WRITTEN_AS_GIVEN, Match, TermIndex


@dataclass(frozen=True)
class TermUsage:
    term: str  # the term's id
    canonical: str
    occurrences: int
    canonical_occurrences: int
    forms: dict[str, int]  # each rendering as written (short forms included) -> count, commonest first
    documents: int  # documents naming the concept
    consistent_documents: int  # of those, the ones with a single full form
    in_references: int = 0  # reference segments naming the concept
    matched: int = 0  # of those, hypothesis segments rendering it with an accepted form

    def as_dict(self) -> dict:
        return {"term": self.term, "canonical": self.canonical, "occurrences": self.occurrences,
                "canonical_occurrences": self.canonical_occurrences, "forms": self.forms,
                "consistent": self.consistent_documents == self.documents,
                "in_references": self.in_references, "matched": self.matched}


@dataclass(frozen=True)
class TermMetrics:
    terms: list[TermUsage] = field(default_factory=list)
    concepts: int = 0  # (document, concept) pairs
    consistent: int = 0
    full_occurrences: int = 0
    canonical_occurrences: int = 0
    reference_concepts: int | None = None  # (segment, concept) pairs in the references; None without
    matched: int = 0

    @property
    def consistency(self) -> float | None:
        return self.consistent / self.concepts if self.concepts else None

    @property
    def canonical_rate(self) -> float | None:
        return self.canonical_occurrences / self.full_occurrences if self.full_occurrences else None

    @property
    def reference_match_rate(self) -> float | None:
        return self.matched / self.reference_concepts if self.reference_concepts else None

    def as_dict(self) -> dict:
        summary = {"consistency": _rate(self.consistency), "concepts": self.concepts, "consistent": self.consistent,
                   "canonical_rate": _rate(self.canonical_rate), "full_occurrences": self.full_occurrences,
                   "canonical_occurrences": self.canonical_occurrences}
        if self.reference_concepts is not None:
            summary |= {"reference_match_rate": _rate(self.reference_match_rate),
                        "reference_concepts": self.reference_concepts, "matched": self.matched}
        return {**summary, "terms": [t.as_dict() for t in self.terms]}


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _full_form(match: Match) -> bool:
    return not (match.form.role == "short" and match.kind in ("exact", "diacritics"))


def _accepted(match: Match) -> bool:
    return match.form.role in ACCEPTED and match.kind in WRITTEN_AS_GIVEN


def term_metrics(index: TermIndex, documents: Iterable[str], hypothesis_lines: list[str] | None = None,
                 reference_lines: list[list[str]] | None = None) -> TermMetrics:
    """Metrics over ``documents``; with references, also line by line against ``hypothesis_lines``."""
    occurrences, full, canonical = Counter(), Counter(), Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    documents_naming, consistent_in = Counter(), Counter()
    terms = {}
    for text in documents:
        written: dict[str, set[str]] = defaultdict(set)  # per concept: its full forms in this document
        for match in index.find(text):
            term = terms.setdefault(match.term.id, match.term)
            occurrences[term.id] += 1
            forms[term.id][match.text] += 1
            if _full_form(match):
                full[term.id] += 1
                canonical[term.id] += match.kind == "exact" and match.form.role == "canonical"
                written[term.id].add(match.text.casefold())
            else:
                written.setdefault(term.id, set())
        for term_id, renderings in written.items():
            documents_naming[term_id] += 1
            consistent_in[term_id] += len(renderings) <= 1
    named, matched = Counter(), Counter()
    if reference_lines is not None:
        named, matched = _reference_matches(index, hypothesis_lines or [], reference_lines)
        for term in index.terms:
            if named[term.id]:
                terms.setdefault(term.id, term)
    usages = [
        TermUsage(term_id, terms[term_id].canonical, occurrences[term_id], canonical[term_id],
                  dict(sorted(forms[term_id].items(), key=lambda item: (-item[1], item[0]))),
                  documents_naming[term_id], consistent_in[term_id], named[term_id], matched[term_id])
        for term_id in sorted(terms)
    ]
    return TermMetrics(
        usages, sum(documents_naming.values()), sum(consistent_in.values()), sum(full.values()),
        sum(canonical.values()), sum(named.values()) if reference_lines is not None else None, sum(matched.values()),
    )


def _reference_matches(index: TermIndex, hypothesis_lines: list[str], reference_lines: list[list[str]]
                       ) -> tuple[Counter, Counter]:
    """Per concept: the segments whose references name it, and of those, the hypothesis segments
    that render it with an accepted form."""
    named, matched = Counter(), Counter()
    for hypothesis, *references in zip(hypothesis_lines, *reference_lines):
        wanted = {m.term.id for reference in references for m in index.find(reference)}
        rendered = {m.term.id for m in index.find(hypothesis) if _accepted(m)}
        for term_id in wanted:
            named[term_id] += 1
            matched[term_id] += term_id in rendered
    return named, matched
