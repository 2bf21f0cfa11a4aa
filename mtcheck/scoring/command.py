"""What ``mtcheck score`` does, as a library call: reference metrics, paired tests, the MQM score
of the glossary checks, terminology metrics, and scores of human MQM annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.documents import read_text
from mtcheck.errors import InputError, MtcheckError, Problem
from mtcheck.output import refuse_to_overwrite_inputs
from mtcheck.scoring import reference
from mtcheck.scoring.annotations import SOURCE_ERROR_CHOICES, SystemScore, read_annotations, system_scores
from mtcheck.scoring.quality import QualityScore
from mtcheck.scoring.terminology import TermMetrics
from mtcheck.scoring.weights import PRESETS, Weights
from mtcheck.scoring.wmt_terms import WmtTermScores

REPORT_VERSION = 1


@dataclass(frozen=True)
class ScoreRequest:
    hypotheses: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    metrics: tuple[str, ...] = reference.METRICS
    segments: bool = False
    compare: bool = False
    seed: int = reference.DEFAULT_SEED
    check: bool = False  # also run the glossary checks on the hypothesis
    glossaries: list[str] = field(default_factory=list)
    config_file: str | None = None
    use_config: bool = True
    language: str | None = None  # of the hypothesis, for --check (as CheckRequest's)
    annotations: str | None = None  # a WMT MQM TSV file
    weights: str = "wmt-mqm"  # a preset or a weights file, for the annotations
    source_errors: str = "count"
    wmt_terms: str | None = None  # WMT21 terminology task source SGML, with <term> annotations
    output: str | None = None  # where the report is written: refused if it is one of the files read


@dataclass(frozen=True)
class Comparison:
    test: str  # "bs" | "ar"
    results: list[reference.PairedResult]
    signatures: dict[str, str]


@dataclass(frozen=True)
class ScoreReport:
    hypothesis: str | None = None
    corpus: list[reference.MetricScore] = field(default_factory=list)
    segments: list[dict[str, float]] | None = None
    segment_signatures: dict[str, str] = field(default_factory=dict)
    comparisons: list[Comparison] = field(default_factory=list)
    quality: QualityScore | None = None
    findings: dict[str, int] | None = None  # by rule
    terminology: TermMetrics | None = None
    systems: list[SystemScore] | None = None
    weights: Weights | None = None
    wmt_terms: WmtTermScores | None = None
    wmt_term_missing: object | None = None  # mtcheck.scoring.wmt_term_missing.TermMissingCheck


def run_score(request: ScoreRequest) -> ScoreReport:
    _validate(request)
    refuse_to_overwrite_inputs([("--output", request.output)], _inputs(request))
    parts: dict = {}
    if request.hypotheses:
        parts |= _wmt_terms_parts(request) if request.wmt_terms else _reference_parts(request)
    if request.check:
        parts |= _check_parts(request)
    if request.annotations:
        weights = load_weights(request.weights)
        parts |= {"systems": system_scores(read_annotations(request.annotations), weights, request.source_errors),
                  "weights": weights}
    return ScoreReport(**parts)


def _validate(request: ScoreRequest) -> None:
    if request.wmt_terms and not request.hypotheses:
        raise MtcheckError("--wmt-terms needs a hypothesis file (HYP --wmt-terms SRC.sgm [--ref REF.sgm])")
    if not request.hypotheses and not request.annotations:
        raise MtcheckError("nothing to score: give a hypothesis file (HYP --ref REF) or --mqm-annotations FILE")
    if request.wmt_terms and request.compare:
        raise MtcheckError("--wmt-terms scores one hypothesis: it cannot be combined with --compare")
    if request.hypotheses and not request.references and not request.check and not request.wmt_terms:
        raise MtcheckError("a hypothesis needs --ref REF (or --check for the glossary checks alone)")
    if request.compare and len(request.hypotheses) < 2:
        raise MtcheckError("--compare needs two or more hypothesis files (the first is the baseline)")
    if not request.compare and len(request.hypotheses) > 1:
        raise MtcheckError("several hypothesis files need --compare (the first is the baseline)")
    if request.source_errors not in SOURCE_ERROR_CHOICES:
        raise MtcheckError(f"unknown --source-errors {request.source_errors!r} (choose from {', '.join(SOURCE_ERROR_CHOICES)})")


def _inputs(request: ScoreRequest) -> list[tuple[str, str]]:
    """The files a score reads but the glossaries and the config (the check refuses those)."""
    read = [("hypothesis", path) for path in request.hypotheses] + [("reference", path) for path in request.references]
    if request.annotations:
        read.append(("MQM annotations", request.annotations))
        if request.weights not in PRESETS:
            read.append(("weights file", request.weights))
    if request.wmt_terms:
        read.append(("WMT terms source", request.wmt_terms))
    return read


def _reference_parts(request: ScoreRequest) -> dict:
    baseline = request.hypotheses[0]
    lines = reference.read_segments(baseline)
    if not request.references:
        return {"hypothesis": baseline}
    references = [(path, reference.read_segments(path)) for path in request.references]
    systems = [(baseline, lines)] + [(path, reference.read_segments(path)) for path in request.hypotheses[1:]]
    for system in systems:
        reference.check_parallel(system, references)
    ref_lines = [lines for _, lines in references]
    parts: dict = {"hypothesis": baseline, "corpus": reference.corpus_scores(lines, ref_lines, request.metrics)}
    if request.segments:
        parts["segments"], parts["segment_signatures"] = reference.segment_scores(lines, ref_lines, request.metrics)
    if request.compare:
        parts["comparisons"] = [Comparison(test, *reference.paired_tests(systems, ref_lines, request.metrics, test,
                                                                          request.seed))
                                for test in reference.TESTS]
    return parts


def _term_missing_on_annotations(request: ScoreRequest, inputs):
    """The term-missing rule run on the annotated terms, to be set beside exact match."""
    from mtcheck.scoring.wmt_term_missing import check_term_missing, target_language

    language = target_language(*(read_text(p) for p in [request.wmt_terms, *request.references]))
    return check_term_missing(inputs.source, inputs.hypothesis, language)


def _wmt_terms_parts(request: ScoreRequest) -> dict:
    """The WMT21 terminology metrics; the hypothesis and the references may be SGML, so BLEU,
    chrF++ and TER (when a --ref is given) score their segments' text, markup stripped."""
    from mtcheck.scoring import wmt_terms

    baseline = request.hypotheses[0]
    inputs = wmt_terms.read_inputs(baseline, request.wmt_terms, request.references)
    parts: dict = {"hypothesis": baseline, "wmt_terms": wmt_terms.term_scores(inputs),
                   "wmt_term_missing": _term_missing_on_annotations(request, inputs)}
    if inputs.reference_texts:
        lines = [segment.text for segment in inputs.hypothesis]
        parts["corpus"] = reference.corpus_scores(lines, inputs.reference_texts, request.metrics)
        if request.segments:
            parts["segments"], parts["segment_signatures"] = reference.segment_scores(lines, inputs.reference_texts,
                                                                                      request.metrics)
    return parts


def _check_parts(request: ScoreRequest) -> dict:
    from mtcheck.scoring.terminology import term_metrics
    from mtcheck.workflow import CheckRequest, scored_run

    hypothesis = request.hypotheses[0]
    check = CheckRequest(paths=[hypothesis], glossaries=request.glossaries, config_file=request.config_file,
                         use_config=request.use_config, jobs=1, output=request.output, language=request.language)
    run, checker, _, _ = scored_run(check)
    text = read_text(hypothesis)
    references = [reference.read_segments(path) for path in request.references] or None
    terminology = term_metrics(checker.index, [text], reference.read_segments(hypothesis), references)
    by_rule: dict[str, int] = {}
    for finding in run.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {"quality": run.scores.total, "findings": dict(sorted(by_rule.items())), "terminology": terminology}


def load_weights(spec: str) -> Weights:
    """A preset by name, or a weights file (YAML or JSON) that changes the mqm preset."""
    if spec in PRESETS:
        return PRESETS[spec]
    from mtcheck.validation import schema_problems
    from mtcheck.yamlnodes import load_located
    from mtcheck.scoring.weights import WEIGHTS_SCHEMA_PROPERTIES, weights_from

    path = Path(spec)
    if not path.is_file():
        raise InputError(Problem(spec, f"no such weights file (or preset: choose from {', '.join(PRESETS)})"))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(Problem(spec, f"cannot read weights: {error}")) from None
    located, problems = load_located(text, spec)
    if problems:
        raise InputError(problems)
    schema = {"type": "object", "additionalProperties": False,
              "properties": {"model": {"enum": list(PRESETS)}, **WEIGHTS_SCHEMA_PROPERTIES}}
    problems = schema_problems(schema, located, spec)
    if problems:
        raise InputError(problems)
    data = located.data or {}
    return weights_from(data, PRESETS[data.get("model", "mqm")], name=path.name)
