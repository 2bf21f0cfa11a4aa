"""Quality scores from findings, after the MQM Council's scoring model.

Reference: MQM Council, "The MQM Scoring Models", https://themqm.org/error-types-2/the-mqm-scoring-models/
(and Lommel et al. 2024, "The Multi-Range Theory of Translation Quality Measurement: MQM scoring
models and Statistical Quality Control", arXiv:2405.16969). With

- EWC, the evaluated word count (the words of the checked text),
- APT = Σ count × severity multiplier × error type weight (the absolute penalty total),
- PWPT = APT / EWC (per-word penalty total),
- NPT = PWPT × RWC (normed penalty total; RWC, the reference word count, is 1000),

the raw quality score is RQS = MSV × (1 − PWPT) (MSV, the maximum score value, is 100), and the
calibrated score is CQS = MSV − NPT × (MSV − PT) / APP, where PT is the passing threshold and APP
the acceptable penalty points per RWC words: a text with exactly APP points per 1000 words scores
PT. A text passes when its calibrated score is at least PT and it has no critical error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from mtcheck.model import Finding, RunResult
from mtcheck.scoring.weights import MQM, Weights


@dataclass(frozen=True)
class ScoringModel:
    weights: Weights = MQM
    reference_words: int = 1000  # RWC
    max_score: float = 100.0  # MSV
    # PT 90 and APP 10 (10 minor errors or 2 major ones per 1000 words): a scaling factor
    # (MSV - PT) / APP of 1, so that the calibrated score is simply MSV - NPT.
    passing_threshold: float = 90.0  # PT
    acceptable_penalty: float = 10.0  # APP, penalty points per RWC words

    def describe(self) -> dict:
        return {"model": self.weights.name, "reference_words": self.reference_words, "max_score": self.max_score,
                "passing_threshold": self.passing_threshold, "acceptable_penalty": self.acceptable_penalty}


@dataclass(frozen=True)
class QualityScore:
    model: str
    words: int  # EWC
    errors: dict[str, dict[str, int]]  # MQM category -> severity -> count
    penalty: float  # APT
    per_word_penalty: float  # PWPT
    normed_penalty: float  # NPT
    raw_score: float  # RQS
    score: float  # CQS
    passing_threshold: float
    critical: int
    reference_words: int = 1000
    passed: bool = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "passed", self.score >= self.passing_threshold and not self.critical)

    def as_dict(self) -> dict:
        return {
            "model": self.model, "words": self.words, "errors": self.errors,
            "penalty": _round(self.penalty), "per_word_penalty": _round(self.per_word_penalty),
            "normed_penalty": _round(self.normed_penalty), "reference_words": self.reference_words,
            "raw_score": _round(self.raw_score),
            "score": _round(self.score), "passing_threshold": self.passing_threshold,
            "critical": self.critical, "passed": self.passed,
        }


@dataclass(frozen=True)
class RunScores:
    files: dict[str, QualityScore]  # by path
    total: QualityScore


def _round(value: float) -> float:
    return round(value, 6)  # no float noise (0.30000000000000004) in reports


def quality_score(findings: Iterable[Finding], words: int, model: ScoringModel = ScoringModel()) -> QualityScore:
    counts = Counter((f.mqm, f.severity.label) for f in findings)
    errors: dict[str, dict[str, int]] = {}
    for (category, severity), n in sorted(counts.items()):
        errors.setdefault(category, {})[severity] = n
    penalty = sum(n * model.weights.penalty(category, severity) for (category, severity), n in counts.items())
    per_word = penalty / max(words, 1)  # an empty text has no errors: its score is the maximum
    normed = per_word * model.reference_words
    return QualityScore(
        model=model.weights.name, words=words, errors=errors, penalty=penalty, per_word_penalty=per_word,
        normed_penalty=normed, raw_score=model.max_score * (1 - per_word),
        score=model.max_score - normed * (model.max_score - model.passing_threshold) / model.acceptable_penalty,
        passing_threshold=model.passing_threshold,
        critical=sum(n for (_, severity), n in counts.items() if severity == "critical"),
        reference_words=model.reference_words,
    )


def score_run(run: RunResult, model: ScoringModel = ScoringModel()) -> RunScores:
    files = {file.path: quality_score(file.findings, file.words, model) for file in run.files}
    total = quality_score(run.findings, sum(file.words for file in run.files), model)
    return RunScores(files, total)
