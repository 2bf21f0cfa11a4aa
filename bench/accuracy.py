"""Recall and precision of mtcheck's findings (JSON report) against the planted ground truth.

A planted item counts as found when a finding of the expected rule, naming the item's term, overlaps
the item's span. Spans are code-point offsets of the corpus text, in the truth file and in the report.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

EXPECTED_RULE = {
    "forbidden": "term-forbidden",
    "misspelling": "term-misspelled",
    "acronym": "term-misspelled",
    "diacritics": "term-misspelled",
}
NEAR_MISS_KINDS = ("misspelling", "acronym", "diacritics")
ACCEPTED_KINDS = ("correct", "inflected")
EXAMPLES = 5


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def item_span(item: dict) -> Span:
    return Span(item["offset"], item["offset"] + item["length"])


class FindingLookup:
    """The findings overlapping a span, by bisection over their start offsets."""

    def __init__(self, findings: list[dict]):
        self.findings = sorted(findings, key=lambda f: (f["offset"], f["length"], f["rule"]))
        self._starts = [f["offset"] for f in self.findings]
        self._longest = max((f["length"] for f in self.findings), default=0)

    def overlapping(self, span: Span) -> list[dict]:
        first = bisect.bisect_left(self._starts, span.start - self._longest)
        last = bisect.bisect_left(self._starts, span.end)
        return [f for f in self.findings[first:last] if item_span(f).overlaps(span)]


def evaluate(findings: list[dict], truth: list[dict]) -> dict:
    lookup = FindingLookup(findings)
    hits = [lookup.overlapping(item_span(item)) for item in truth]
    return {
        "recall": {kind: _recall(kind, truth, hits) for kind in EXPECTED_RULE},
        "misspelling_recall_by_edit": _misspelling_recall_by_edit(truth, hits),
        "fuzzy_precision": _fuzzy_precision(findings, truth),
        "findings_on_correct_forms": _findings_on_accepted(truth, hits),
        "findings_outside_planted": _findings_outside(lookup.findings, truth),
        "findings_by_rule": dict(sorted(Counter(f["rule"] for f in findings).items())),
    }


def _detected(item: dict, overlapping: list[dict]) -> bool:
    rule = EXPECTED_RULE[item["kind"]]
    return any(f["rule"] == rule and f["term"] == item["term"] for f in overlapping)


def _recall(kind: str, truth: list[dict], hits: list[list[dict]]) -> dict:
    planted = [(item, found) for item, found in zip(truth, hits) if item["kind"] == kind]
    missed = [(item, found) for item, found in planted if not _detected(item, found)]
    return {
        "planted": len(planted),
        "found": len(planted) - len(missed),
        "recall": _ratio(len(planted) - len(missed), len(planted)),
        "missed_examples": [_missed_example(item, found) for item, found in missed[:EXAMPLES]],
    }


def _misspelling_recall_by_edit(truth: list[dict], hits: list[list[dict]]) -> dict:
    """Recall per edit and per length of the misspelt form: ratio-based matching favours long forms."""
    groups: dict[str, list[bool]] = {}
    for item, found in zip(truth, hits):
        if item["kind"] == "misspelling":
            length = "form < 10 chars" if len(item["form"]) < 10 else "form >= 10 chars"
            for key in (item["edit"], f"{item['edit']}, {length}"):
                groups.setdefault(key, []).append(_detected(item, found))
    return {key: {"planted": len(flags), "found": sum(flags), "recall": _ratio(sum(flags), len(flags))}
            for key, flags in sorted(groups.items())}


def _fuzzy_precision(findings: list[dict], truth: list[dict]) -> dict:
    near_misses = FindingLookup([{**item, "rule": item["kind"]} for item in truth if item["kind"] in NEAR_MISS_KINDS])
    misspelled = [f for f in findings if f["rule"] == "term-misspelled"]
    wrong = [f for f in misspelled
             if not any(item["term"] == f["term"] for item in near_misses.overlapping(item_span(f)))]
    return {
        "findings": len(misspelled),
        "true_positives": len(misspelled) - len(wrong),
        "precision": _ratio(len(misspelled) - len(wrong), len(misspelled)),
        "false_positive_examples": [_finding_example(f) for f in wrong[:EXAMPLES]],
    }


def _findings_on_accepted(truth: list[dict], hits: list[list[dict]]) -> dict:
    """Findings of any rule on planted correct or inflected forms: false positives."""
    flagged = [(item, found) for item, found in zip(truth, hits) if item["kind"] in ACCEPTED_KINDS and found]
    rules = Counter(f["rule"] for _, found in flagged for f in found)
    return {
        "planted": sum(item["kind"] in ACCEPTED_KINDS for item in truth),
        "items_flagged": len(flagged),
        "findings": sum(rules.values()),
        "by_rule": dict(sorted(rules.items())),
        "examples": [_missed_example(item, found) for item, found in flagged[:EXAMPLES]],
    }


def _findings_outside(findings: list[dict], truth: list[dict]) -> dict:
    """Findings that overlap no planted item at all."""
    planted = FindingLookup([{**item, "rule": item["kind"]} for item in truth])
    outside = [f for f in findings if not planted.overlapping(item_span(f))]
    return {
        "findings": len(outside),
        "by_rule": dict(sorted(Counter(f["rule"] for f in outside).items())),
        "examples": [_finding_example(f) for f in outside[:EXAMPLES]],
    }


def _finding_example(finding: dict) -> dict:
    return {key: finding.get(key) for key in ("offset", "text", "rule", "term", "message")}


def _missed_example(item: dict, overlapping: list[dict]) -> dict:
    example = {key: item[key] for key in ("offset", "text", "kind", "term", "form") if key in item}
    example["findings"] = [_finding_example(f) for f in overlapping]
    return example


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
