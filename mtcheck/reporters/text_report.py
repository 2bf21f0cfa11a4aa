"""Plain text: one line per finding, then a summary. Colour is the CLI's business."""

from __future__ import annotations

from mtcheck.model import RunResult
from mtcheck.reporters.summary import by_rule, by_severity


def finding_line(f) -> str:
    suggestion = f" [suggest: {f.suggestion}]" if f.suggestion else ""
    return f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}{suggestion}"


def summary_line(run: RunResult) -> str:
    files = len(run.files)
    words = sum(f.words for f in run.files)
    where = f"{files} file{'s' if files != 1 else ''} ({words:,} words)"
    total = len(run.findings)
    if not total:
        return f"No findings in {where}."
    severities = ", ".join(f"{n} {label}" for label, n in by_severity(run).items())
    rules = ", ".join(f"{rule} {n}" for rule, n in by_rule(run).items())
    return f"{total} finding{'s' if total != 1 else ''} ({severities}) in {where}; by rule: {rules}."


def render(run: RunResult) -> str:
    return "".join(chunks(run))


def chunks(run: RunResult):
    any_finding = False
    for file in run.files:
        for finding in file.findings:
            any_finding = True
            yield finding_line(finding) + "\n"
    yield ("\n" if any_finding else "") + summary_line(run) + "\n"
