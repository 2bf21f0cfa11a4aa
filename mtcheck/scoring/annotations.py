"""Human MQM annotations in the tab-separated format of the public WMT MQM data, scored per system.

The format is that of google/wmt-mqm-human-evaluation (Freitag et al. 2021, "Experts, Errors, and
Context: A Large-Scale Study of Human Evaluation for Machine Translation", TACL 9): a header
``system doc doc_id seg_id rater source target category severity [comment...]`` and one row per
error a rater marked, or a ``No-error`` row. The error's span is marked ``<v>…</v>`` in the
target (or in the source, for source errors). Quote characters are literal text, so lines are
split on tabs with no quoting at all.

Scores follow the paper: a segment's score for one rater is the sum of the weights of that
rater's errors in it; the segment's score is the mean over its raters; a system's score is the
mean over its rated segments. Lower is better.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from mtcheck.documents import read_text
from mtcheck.errors import InputError, Problem
from mtcheck.scoring.weights import Weights, category_key

COLUMNS = ("system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity")
SOURCE_ERROR = "source error"
SEVERITIES = ("no-error", "neutral", "minor", "major", "critical")
SOURCE_ERROR_CHOICES = ("count", "ignore")
_SPAN_RE = re.compile(r"</?v>")


@dataclass(frozen=True, slots=True)
class Annotation:
    system: str
    doc: str
    seg_id: str
    rater: str
    category: str
    severity: str
    target: str  # without the <v> markers
    span: tuple[int, int] | None  # the marked span in ``target``, if the error is marked there
    line: int  # in the file, for messages


@dataclass(frozen=True, slots=True)
class SystemScore:
    system: str
    mqm: float
    segments: int


def read_annotations(path: str) -> list[Annotation]:
    """Every row of a WMT MQM TSV file; a malformed file raises InputError naming the line."""
    lines = read_text(path).splitlines()
    if not lines:
        raise InputError(Problem(path, "empty file: expected a header line"))
    header = [name.strip().lower() for name in lines[0].split("\t")]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise InputError(Problem(path, f"header lacks column(s) {', '.join(missing)} (expected {' '.join(COLUMNS)})", 1, 1))
    where = {name: header.index(name) for name in COLUMNS}
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < len(header) - (header[-1] == "comment"):
            raise InputError(Problem(path, f"expected {len(header)} tab-separated columns, found {len(cells)}", number, 1))
        row = _annotation({name: cells[i] for name, i in where.items()}, number)
        if row.severity.lower() not in SEVERITIES:
            column = sum(len(cell) + 1 for cell in cells[: where["severity"]]) + 1
            raise InputError(Problem(path, f"unknown severity {row.severity!r} (expected one of: "
                                           "No-error, Neutral, Minor, Major, Critical)", number, column))
        rows.append(row)
    return rows


def _annotation(cells: dict[str, str], line: int) -> Annotation:
    target, span = _unmarked(cells["target"])
    return Annotation(cells["system"], cells["doc"], cells["seg_id"], cells["rater"], cells["category"].strip(),
                      cells["severity"].strip(), target, span, line)


def _unmarked(text: str) -> tuple[str, tuple[int, int] | None]:
    """The text without its <v>…</v> markers, and the span they marked."""
    markers = list(_SPAN_RE.finditer(text))
    if not markers:
        return text, None
    clean = _SPAN_RE.sub("", text)
    opening = next((m for m in markers if m.group() == "<v>"), None)
    closing = next((m for m in markers if m.group() == "</v>"), None)
    if opening is None or closing is None or closing.start() < opening.end():
        return clean, None
    start = opening.start() - sum(len(m.group()) for m in markers if m.start() < opening.start())
    end = closing.start() - sum(len(m.group()) for m in markers if m.start() < closing.start())
    return clean, (start, end)


def system_scores(annotations: list[Annotation], weights: Weights, source_errors: str = "count") -> list[SystemScore]:
    """Per-system MQM scores, best (lowest) first; ties by name."""
    if source_errors not in SOURCE_ERROR_CHOICES:
        raise ValueError(f"source_errors must be one of {SOURCE_ERROR_CHOICES}")
    per_rater: dict[tuple[str, str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for a in annotations:
        ignored = source_errors == "ignore" and category_key(a.category) == SOURCE_ERROR
        per_rater[a.system, a.doc, a.seg_id][a.rater] += 0.0 if ignored else weights.penalty(a.category, a.severity)
    segments: dict[str, list[float]] = defaultdict(list)
    for (system, _, _), raters in per_rater.items():
        segments[system].append(sum(raters.values()) / len(raters))
    scores = [SystemScore(system, sum(values) / len(values), len(values)) for system, values in segments.items()]
    return sorted(scores, key=lambda s: (s.mqm, s.system))

