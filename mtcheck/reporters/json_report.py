"""JSON report, version 1: a stable contract for machines (fields may be added, never changed)."""

from __future__ import annotations

import json

from mtcheck.model import Finding, RunResult, Severity
from mtcheck.reporters.summary import by_rule, by_severity, suppressed

VERSION = 1


def finding_dict(f: Finding) -> dict:
    found = {
        "rule": f.rule, "category": f.category, "mqm": f.mqm, "severity": f.severity.label,
        "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "offset": f.offset, "length": f.length, "text": f.text,
        "term": f.term, "suggestion": f.suggestion, "message": f.message,
    }
    if f.segment is not None:
        found |= {"segment": f.segment, "unit": f.unit}
    if not f.fixable:
        found["fixable"] = False
    return found


_quote = json.encoder.encode_basestring  # the C string encoder of JSONEncoder(ensure_ascii=False)
_SEVERITIES = {severity: _quote(severity.label) for severity in Severity}


def _or_null(value: str | None) -> str:
    return "null" if value is None else _quote(value)


def finding_json(f: Finding) -> str:
    """``finding_dict(f)`` encoded, written out directly: the report's inner loop runs for 10^4-10^6
    findings, at a third of the cost of building each dict and encoding it (the tests hold the two
    equal)."""
    found = (f'{{"rule": {_quote(f.rule)}, "category": {_quote(f.category)}, "mqm": {_quote(f.mqm)}, '
             f'"severity": {_SEVERITIES[f.severity]}, "line": {f.line}, "column": {f.column}, '
             f'"end_line": {f.end_line}, "end_column": {f.end_column}, "offset": {f.offset}, "length": {f.length}, '
             f'"text": {_quote(f.text)}, "term": {_or_null(f.term)}, "suggestion": {_or_null(f.suggestion)}, '
             f'"message": {_quote(f.message)}')
    if f.segment is not None:
        found += f', "segment": {f.segment}, "unit": {_or_null(f.unit)}'
    if not f.fixable:
        found += ', "fixable": false'
    return found + "}"


def report_dict(run: RunResult) -> dict:
    return {
        "version": VERSION,
        "files": [{**_file_head(run, file), "findings": [finding_dict(f) for f in file.findings]} for file in run.files],
        "summary": _summary(run),
    }


def _file_head(run: RunResult, file) -> dict:
    head = {"path": file.path, "words": file.words}
    if file.suppressed:
        head["suppressed"] = file.suppressed
    if file.baselined:
        head["baselined"] = file.baselined
    if run.scores is not None:
        head["score"] = _score_dict(run.scores, run.scores.files[file.path])
    return head


def _score_dict(scores, score) -> dict:
    """A score; with --min-score set, also whether it fails it (too short to score: never)."""
    if scores.min_score is None:
        return score.as_dict()
    return score.as_dict() | {"below_min_score": scores.below_min_score(score)}


def render(run: RunResult) -> str:
    return "".join(chunks(run))


def chunks(run: RunResult):
    """The report with one finding per line: readable in a diff, written by the C encoder
    (``indent=`` would fall back to the pure-Python one), and produced finding by finding."""
    yield f'{{"version": {VERSION},\n "files": ['
    for number, file in enumerate(run.files):
        head = _dumps(_file_head(run, file))[:-1]
        yield f'{"," if number else ""}\n  {head}, "findings": ['
        for i, finding in enumerate(file.findings):
            yield f'{"," if i else ""}\n   {finding_json(finding)}'
        yield "]}"
    yield f'],\n "summary": {_dumps(_summary(run))}}}\n'


def _summary(run: RunResult) -> dict:
    summary = {"files": len(run.files), "findings": len(run.findings),
               "by_severity": by_severity(run), "by_rule": by_rule(run), "suppressed": suppressed(run),
               "baselined": sum(file.baselined for file in run.files)}
    if run.skipped:
        summary["skipped"] = [{"path": path, "reason": why} for path, why in run.skipped]
    if run.scores is not None:
        summary["score"] = _score_dict(run.scores, run.scores.total)
        if run.scores.min_score is not None:
            summary["min_score"] = run.scores.min_score
    return summary


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps would make one per finding


def _dumps(value) -> str:
    return _ENCODER.encode(value)
