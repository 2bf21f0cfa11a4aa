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
PT. A text passes when its calibrated score, as reports show it (SCORE_DECIMALS), is at least PT and
it has no critical error. A text of fewer than ``min_words`` words is "too short to score": its
score is still worked out, but says nothing about its quality (see DEFAULT_MIN_WORDS).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from mtcheck.model import Finding, RunResult
from mtcheck.scoring.weights import MQM, Weights

# Reports show scores with two decimals; every threshold (the pass mark, --min-score) is compared
# with the score as shown, so that a file shown as 59.88 meets --min-score 59.88.
SCORE_DECIMALS = 2

# A text of fewer evaluated words is too short to score. The MQM Council's scoring-model page says
# evaluators usually take samples of 500 to 20,000 words; the linear model is calibrated on reference
# samples of 1,000-2,000 words and over-penalises shorter ones (Gladkoff et al. 2025, "Non-Linear
# Scoring Model for Translation Quality Evaluation", arXiv:2511.13467); and the multi-range theory
# (Lommel et al. 2024) leaves very small samples, down to one sentence, to statistical quality
# control rather than a score. 500 is also where one error stops deciding the verdict alone: with
# the default weights one major error (5 points) in 500 words is exactly the acceptable penalty
# (10 per 1,000 words), so in a shorter text a single major error fails it, and in one sentence
# ("The USO met.") it scores -1566.67.
DEFAULT_MIN_WORDS = 500


@dataclass(frozen=True)
class ScoringModel:
    weights: Weights = MQM
    reference_words: int = 1000  # RWC
    max_score: float = 100.0  # MSV
    # PT 90 and APP 10 (10 minor errors or 2 major ones per 1000 words): a scaling factor
    # (MSV - PT) / APP of 1, so that the calibrated score is simply MSV - NPT.
    passing_threshold: float = 90.0  # PT
    acceptable_penalty: float = 10.0  # APP, penalty points per RWC words
    min_words: int = DEFAULT_MIN_WORDS  # fewer evaluated words: too short to score

    def describe(self) -> dict:
        return {"model": self.weights.name, "reference_words": self.reference_words, "max_score": self.max_score,
                "passing_threshold": self.passing_threshold, "acceptable_penalty": self.acceptable_penalty,
                "min_words": self.min_words}


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
    min_words: int = 0  # fewer words than this: too short to score
    passed: bool = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "passed", self.shown >= self.passing_threshold and not self.critical)

    @property
    def shown(self) -> float:
        """The score as reports show it, which thresholds are compared with."""
        return round(self.score, SCORE_DECIMALS)

    @property
    def too_short(self) -> bool:
        """Too few words for the score to mean anything: reports say so instead of showing it, and
        --min-score leaves it out (its findings still count for --fail-on)."""
        return self.words < self.min_words

    def as_dict(self) -> dict:
        # too_short and min_words only when true, so reports of scored texts stay as they were
        short = {"too_short": True, "min_words": self.min_words} if self.too_short else {}
        return {
            "model": self.model, "words": self.words, "errors": self.errors,
            "penalty": _round(self.penalty), "per_word_penalty": _round(self.per_word_penalty),
            "normed_penalty": _round(self.normed_penalty), "reference_words": self.reference_words,
            "raw_score": _round(self.raw_score),
            "score": _round(self.score), "passing_threshold": self.passing_threshold,
            "critical": self.critical, "passed": self.passed, **short,
        }


@dataclass(frozen=True)
class RunScores:
    files: dict[str, QualityScore]  # by path
    total: QualityScore  # the whole run: every file's findings over every file's words
    min_score: float | None = None  # --min-score (or scoring.min_score), when set

    def below_min_score(self, score: QualityScore) -> bool:
        """Whether ``score`` fails --min-score: as shown, and only if it has the words to be scored."""
        return self.min_score is not None and not score.too_short and score.shown < self.min_score

    def files_below_min_score(self) -> list[tuple[str, QualityScore]]:
        """(path, score) of the files that fail --min-score, lowest first."""
        below = [(path, score) for path, score in self.files.items() if self.below_min_score(score)]
        return sorted(below, key=lambda item: (item[1].score, item[0]))

    @property
    def fails_min_score(self) -> bool:
        """Whether --min-score fails the run: a file scores below it, or the run's score does. The
        run's score counts the words and findings of files too short to be scored on their own, so
        that many short files (UI strings, captions) are still held to --min-score together."""
        return bool(self.files_below_min_score()) or self.below_min_score(self.total)


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
        reference_words=model.reference_words, min_words=model.min_words,
    )


def score_run(run: RunResult, model: ScoringModel = ScoringModel(), min_score: float | None = None) -> RunScores:
    files = {file.path: quality_score(file.findings, file.words, model) for file in run.files}
    total = quality_score(run.findings, sum(file.words for file in run.files), model)
    return RunScores(files, total, min_score)
