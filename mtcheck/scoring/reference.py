"""Reference metrics through sacrebleu's Python API: BLEU, chrF++ and TER, with their signatures.

Files are read as sacrebleu's command line reads them (one segment per line, trailing white
space stripped), so that the numbers equal ``sacrebleu REF -i HYP -m bleu chrf ter
--chrf-word-order 2``. Paired significance tests use sacrebleu's bootstrap resampling and
approximate randomization with a fixed seed (sacrebleu's own default, 12345).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from mtcheck.documents import read_text
from mtcheck.errors import InputError, Problem

METRICS = ("bleu", "chrf", "ter")
TESTS = ("bs", "ar")  # paired bootstrap resampling, approximate randomization
DEFAULT_SEED = 12345  # sacrebleu's default SACREBLEU_SEED


@dataclass(frozen=True)
class MetricScore:
    name: str  # sacrebleu's own: "BLEU", "chrF2++", "TER"
    score: float  # unrounded
    signature: str
    detail: str | None = None  # BLEU's precisions and brevity penalty

    def as_dict(self) -> dict:
        return {"score": self.score, "signature": self.signature, **({"verbose_score": self.detail} if self.detail else {})}


@dataclass(frozen=True)
class PairedResult:
    system: str
    metric: str
    score: float
    mean: float | None
    ci: float | None  # half-width of the 95% confidence interval
    p_value: float | None  # None for the baseline

    def as_dict(self) -> dict:
        return {"score": self.score, "mean": self.mean, "ci": self.ci, "p_value": self.p_value}


def read_segments(path: str) -> list[str]:
    """One segment per line, as sacrebleu reads it: split at "\n", trailing white space (a "\r"
    too) stripped, a BOM kept."""
    lines = read_text(path, encoding="utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()  # the final line break ends the last line; it starts none
    return [line.rstrip() for line in lines]


def check_parallel(hypothesis: tuple[str, list[str]], references: list[tuple[str, list[str]]]) -> None:
    """Every reference must have one line per hypothesis line."""
    name, lines = hypothesis
    for ref_name, ref_lines in references:
        if len(ref_lines) != len(lines):
            raise InputError(Problem(ref_name, f"has {len(ref_lines)} lines but {name} has {len(lines)}: "
                                               "a reference needs one line per hypothesis line"))


def parse_metrics(names: list[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    unknown = [n for n in chosen if n not in METRICS]
    if unknown or not chosen:
        raise InputError(f"unknown metric {unknown[0]!r} (choose from {', '.join(METRICS)})" if unknown
                         else "no metric chosen")
    return chosen


def _metric(name: str, references: list[list[str]] | None = None, sentence: bool = False):
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        return BLEU(effective_order=sentence, references=references)  # as sacrebleu --sentence-level
    if name == "chrf":
        return CHRF(word_order=2, references=references)
    return TER(references=references)


def corpus_scores(hypotheses: list[str], references: list[list[str]], metrics: tuple[str, ...]) -> list[MetricScore]:
    scores = []
    for name in metrics:
        metric = _metric(name)
        result = metric.corpus_score(hypotheses, references)
        detail = _bleu_detail(result) if name == "bleu" else None
        scores.append(MetricScore(result.name, result.score, str(metric.get_signature()), detail))
    return scores


def _bleu_detail(result) -> str:
    """What sacrebleu prints after a BLEU score: n-gram precisions, brevity penalty, lengths."""
    return (f"{result.prec_str} (BP = {result.bp:.3f} ratio = {result.ratio:.3f} "
            f"hyp_len = {result.sys_len:d} ref_len = {result.ref_len:d})")


def segment_scores(hypotheses: list[str], references: list[list[str]], metrics: tuple[str, ...]
                   ) -> tuple[list[dict[str, float]], dict[str, str]]:
    """Per-segment scores (BLEU with effective order, as sacrebleu's --sentence-level) and the
    signatures they were made with."""
    rows: list[dict[str, float]] = [{} for _ in hypotheses]
    signatures = {}
    for name in metrics:
        metric = _metric(name, sentence=True)
        for row, hypothesis, *refs in zip(rows, hypotheses, *references):
            result = metric.sentence_score(hypothesis, refs)
            row[result.name] = result.score
        if hypotheses:
            signatures[result.name] = str(metric.get_signature())
    return rows, signatures


def paired_tests(systems: list[tuple[str, list[str]]], references: list[list[str]], metrics: tuple[str, ...],
                 test: str, seed: int = DEFAULT_SEED, samples: int = 0) -> tuple[list[PairedResult], dict[str, str]]:
    """sacrebleu's paired test of every system against the first (the baseline).

    Results are plain floats: sacrebleu hands back numpy float32 for some metrics, which
    JSON cannot encode (its own CLI fails on ``--paired-bs -m chrf -f json``).
    """
    from sacrebleu.significance import PairedTest

    if test not in TESTS:
        raise InputError(f"unknown test {test!r} (choose from {', '.join(TESTS)})")
    named = {name: _metric(name, references) for name in metrics}
    with _quiet_sacrebleu(), _sacrebleu_seed(seed):
        paired = PairedTest(systems, named, references=None, test_type=test, n_samples=samples)
        signatures, table = paired()
    names = table["System"]
    results = [
        PairedResult(_system_name(system), metric, float(r.score), _float(r.mean), _float(r.ci), _float(r.p_value))
        for metric, column in table.items() if metric != "System"
        for system, r in zip(names, column)
    ]
    return results, {metric: str(signature) for metric, signature in signatures.items()}


def _system_name(name: str) -> str:
    return name.removeprefix("Baseline: ")


def _float(value) -> float | None:
    return None if value is None else float(value)


@contextmanager
def _sacrebleu_seed(seed: int) -> Iterator[None]:
    """sacrebleu reads its seed from the environment when a test is set up."""
    before = os.environ.get("SACREBLEU_SEED")
    os.environ["SACREBLEU_SEED"] = str(seed)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SACREBLEU_SEED"]
        else:
            os.environ["SACREBLEU_SEED"] = before


@contextmanager
def _quiet_sacrebleu() -> Iterator[None]:
    logger = logging.getLogger("sacrebleu")
    level = logger.level
    logger.setLevel(logging.WARNING)  # its progress notes would mix with the report
    try:
        yield
    finally:
        logger.setLevel(level)
