"""JSON report, version 1: a stable contract for machines (fields may be added, never changed)."""

from __future__ import annotations

import json

from mtcheck.model import Finding, RunResult
from mtcheck.reporters.summary import by_rule, by_severity

VERSION = 1


def finding_dict(f: Finding) -> dict:
    return {
        "rule": f.rule, "category": f.category, "severity": f.severity.label,
        "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "offset": f.offset, "length": f.length, "text": f.text,
        "term": f.term, "suggestion": f.suggestion, "message": f.message,
    }


def report_dict(run: RunResult) -> dict:
    return {
        "version": VERSION,
        "files": [
            {"path": file.path, "words": file.words, "findings": [finding_dict(f) for f in file.findings]}
            for file in run.files
        ],
        "summary": {
            "files": len(run.files),
            "findings": len(run.findings),
            "by_severity": by_severity(run),
            "by_rule": by_rule(run),
        },
    }


def render(run: RunResult) -> str:
    """The report with one finding per line: readable in a diff, and written by the C encoder
    (``indent=`` would fall back to the pure-Python one, seconds for a large archive)."""
    report = report_dict(run)
    files = ",\n".join(_file_json(file) for file in report["files"])
    return (f'{{"version": {VERSION},\n "files": [\n{files}],\n'
            f' "summary": {_dumps(report["summary"])}}}\n')


def _file_json(file: dict) -> str:
    head = _dumps({k: v for k, v in file.items() if k != "findings"})[:-1]
    findings = ",\n".join("   " + _dumps(f) for f in file["findings"])
    return f'  {head}, "findings": [' + (f"\n{findings}]}}" if findings else "]}")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
