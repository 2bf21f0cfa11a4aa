"""``mtcheck score`` reports: JSON (version 1, a contract) and plain text.

The text report shows system names (file paths), term forms found in the hypotheses and MQM
annotation files' system names through ``visible``, as the check reports do.
"""

from __future__ import annotations

import json

from mtcheck.reporters.summary import too_short_text, verdict
from mtcheck.scoring.command import REPORT_VERSION, ScoreReport
from mtcheck.visible import visible

SIGNIFICANT = 0.05  # p-values below this are marked in the text report


def report_dict(report: ScoreReport) -> dict:
    data: dict = {"version": REPORT_VERSION}
    if report.corpus:
        data["corpus"] = {score.name: score.as_dict() for score in report.corpus}
    if report.segments is not None:
        data["segments"] = report.segments
        data["segment_signatures"] = report.segment_signatures
    if report.comparisons:
        data["comparison"] = {
            f"paired-{c.test}": {
                "signatures": c.signatures,
                "systems": _by_system(c.results),
            }
            for c in report.comparisons
        }
    if report.quality is not None:
        data["quality"] = {**report.quality.as_dict(), "findings": report.findings}
    if report.terminology is not None:
        data["terminology"] = report.terminology.as_dict()
    if report.wmt_terms is not None:
        data["terms"] = report.wmt_terms.as_dict()
        if report.wmt_term_missing is not None:
            data["terms"]["term_missing"] = report.wmt_term_missing.as_dict()
    if report.systems is not None:
        data["weights"] = report.weights.describe()
        data["systems"] = [{"system": s.system, "mqm": round(s.mqm, 4), "segments": s.segments} for s in report.systems]
    return data


def _by_system(results) -> list[dict]:
    systems: dict[str, dict] = {}
    for result in results:
        systems.setdefault(result.system, {"system": result.system, "baseline": result.p_value is None
                                            and not systems, "metrics": {}})
        systems[result.system]["metrics"][result.metric] = result.as_dict()
    return list(systems.values())


def json_chunks(report: ScoreReport):
    yield json.dumps(report_dict(report), ensure_ascii=False, indent=1) + "\n"


def text_chunks(report: ScoreReport):
    """The report's sections, a blank line between them."""
    sections = [
        _corpus_lines(report) if report.corpus else None,
        _segment_lines(report) if report.segments is not None else None,
        *(_comparison_lines(comparison) for comparison in report.comparisons),
        _quality_lines(report) if report.quality is not None else None,
        _terminology_lines(report.terminology) if report.terminology is not None else None,
        _wmt_terms_lines(report.wmt_terms, report.wmt_term_missing) if report.wmt_terms is not None else None,
        _annotation_lines(report) if report.systems is not None else None,
    ]
    for number, lines in enumerate(section for section in sections if section is not None):
        if number:
            yield "\n"
        yield from (_shown(chunk) for chunk in lines)


def _shown(chunk: str) -> str:
    """A piece of a line, or a line with its line break: everything else is shown escaped."""
    if chunk.endswith("\n"):
        return visible(chunk[:-1]) + "\n"
    return visible(chunk)


def _corpus_lines(report: ScoreReport):
    width = max(len(s.name) for s in report.corpus)
    for score in report.corpus:
        detail = f"  {score.detail}" if score.detail else ""
        yield f"{score.name:<{width}} = {score.score:7.2f}  {score.signature}{detail}\n"


def _annotation_lines(report: ScoreReport):
    yield f"MQM scores of human annotations ({report.weights.name} weights; lower is better):\n"
    width = max([len(s.system) for s in report.systems] + [6])
    yield f"  {'system':<{width}}  {'MQM':>7}  segments\n"
    for s in report.systems:
        yield f"  {s.system:<{width}}  {s.mqm:7.4f}  {s.segments}\n"


def _segment_lines(report: ScoreReport):
    names = list(report.segment_signatures)
    yield "segment  " + "  ".join(f"{n:>8}" for n in names) + "\n"
    for number, row in enumerate(report.segments, start=1):
        yield f"{number:>7}  " + "  ".join(f"{row[n]:8.2f}" for n in names) + "\n"


def _comparison_lines(comparison):
    name = {"bs": "paired bootstrap resampling", "ar": "approximate randomization"}[comparison.test]
    yield f"{name} (baseline first; * p < {SIGNIFICANT}):\n"
    for metric, signature in comparison.signatures.items():
        yield f"  {metric}  {signature}\n"
        for r in (r for r in comparison.results if r.metric == metric):
            spread = f" (mean {r.mean:.2f} ± {r.ci:.2f})" if r.mean is not None and r.ci is not None else ""
            p = "baseline" if r.p_value is None else f"p = {r.p_value:.4f}{' *' if r.p_value < SIGNIFICANT else ''}"
            yield f"    {r.system}: {r.score:.2f}{spread}  {p}\n"


def _quality_lines(report: ScoreReport):
    q = report.quality
    shown = too_short_text(q) if q.too_short else f"{q.score:.2f} {verdict(q)}"
    found = ", ".join(f"{rule} {n}" for rule, n in report.findings.items()) or "no findings"
    yield (f"MQM quality score ({q.model}, pass mark {q.passing_threshold:g}): {shown}; "
           f"{q.penalty:g} penalty points in {q.words:,} words; {found}\n")


def _terminology_lines(metrics):
    def share(value, part, whole):
        return "n/a" if value is None else f"{100 * value:.1f}% ({part}/{whole})"

    yield (f"Terminology: consistency {share(metrics.consistency, metrics.consistent, metrics.concepts)}, "
           f"canonical forms {share(metrics.canonical_rate, metrics.canonical_occurrences, metrics.full_occurrences)}")
    if metrics.reference_concepts is not None:
        yield (", reference terms rendered "
               f"{share(metrics.reference_match_rate, metrics.matched, metrics.reference_concepts)}")
    yield "\n"
    for usage in metrics.terms:
        if not usage.occurrences:
            continue
        forms = ", ".join(f"{text} ×{n}" for text, n in usage.forms.items())
        flag = "" if usage.consistent_documents == usage.documents else "  [inconsistent]"
        yield f"  {usage.term}: {usage.occurrences} ({forms}); canonical: {usage.canonical}{flag}\n"


def _wmt_terms_lines(scores, term_missing=None):
    exact = scores.exact_match
    accuracy = "n/a" if exact.accuracy is None else f"{100 * exact.accuracy:.2f}%"
    yield f"WMT21 terminology ({scores.segments} segments, term annotations of the {scores.annotations}):\n"
    yield f"  {'exact-match term accuracy':<26}  {accuracy} ({exact.correct}/{exact.total})\n"
    for window in (2, 3):
        found = scores.overlap(window)
        value = (f"{found.score:.4f} ({found.pairs} term pairs)" if found
                 else "n/a (needs --ref REF.sgm with <term> annotations)")
        yield f"  {f'window overlap, window {window}':<26}  {value}\n"
    if term_missing is not None:
        yield (f"  {'term-missing findings':<26}  {term_missing.findings} of {term_missing.occurrences} annotated "
               "terms (inflected and near forms accepted)\n")
