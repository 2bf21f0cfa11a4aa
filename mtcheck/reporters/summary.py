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


def verdict(score) -> str:
    """A QualityScore's verdict against the pass mark, as people read it."""
    if score.too_short:
        return "too short to score"
    return "pass" if score.passed else "FAIL" + (" (critical error)" if score.critical else "")


def too_short_text(score) -> str:
    return f"too short to score (fewer than {score.min_words:,} words)"


def score_note(scores) -> str | None:
    """What the scores mean for the exit code, whenever a report could leave that in doubt: which
    scores fail --min-score, or that a FAIL against the pass mark does not fail the run by itself
    (only --min-score and --fail-on do). The text report ends with it."""
    shown_failing = [s for s in [scores.total, *scores.files.values()] if not s.too_short and not s.passed]
    if scores.min_score is None:
        if not shown_failing:
            return None
        return "The pass mark does not fail the run: --min-score N (or scoring.min_score) does."
    limit = f"--min-score {scores.min_score:g}"
    reasons = _min_score_failures(scores)
    short = sum(1 for s in scores.files.values() if s.too_short)
    left_out = f"; {short} file{'s' if short != 1 else ''} too short to score left out" if short else ""
    if reasons:
        return f"{limit} fails the run: {reasons}{left_out}."
    pass_mark = f"; the pass mark {scores.total.passing_threshold:g} alone does not fail the run" if shown_failing else ""
    return f"{limit}: no score below it{left_out}{pass_mark}."


def _min_score_failures(scores) -> str:
    below = scores.files_below_min_score()
    if len(below) == 1:
        [(path, score)] = below
        return f"{path} scores {score.shown:.2f}"
    if below:
        path, score = below[0]
        return f"{len(below)} files score below it, the lowest {path} ({score.shown:.2f})"
    if scores.below_min_score(scores.total):
        return (f"the run's score, {scores.total.shown:.2f} over all {scores.total.words:,} words "
                f"(files too short to score count in it), is below it")
    return ""
