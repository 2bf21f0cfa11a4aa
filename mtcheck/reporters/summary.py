"""Counts shared by every reporter."""

from __future__ import annotations

from collections import Counter

from mtcheck.model import RunResult, Severity


def by_severity(run: RunResult) -> dict[str, int]:
    counts = Counter(f.severity for f in run.findings)
    return {s.label: counts[s] for s in sorted(Severity, reverse=True) if counts[s]}


def by_rule(run: RunResult) -> dict[str, int]:
    counts = Counter(f.rule for f in run.findings)
    return dict(sorted(counts.items()))


def suppressed(run: RunResult) -> dict:
    """Findings silenced by inline directives: how many, and by rule."""
    counts: Counter = Counter()
    for file in run.files:
        counts.update(file.suppressed)
    return {"total": sum(counts.values()), "by_rule": dict(sorted(counts.items()))}
