"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request, and
each score that fails --min-score an error.

    ::error file=a.txt,line=4,col=97,endLine=4,endColumn=128,title=term-forbidden (major)::'USO' is ...

Values are escaped as the Actions runner expects: %, CR and LF everywhere, and also : and , in
properties, so that no article text can end a command early or inject another one. Before that,
``visible`` shows control characters and bidi overrides as escapes (the log and the annotation are
read by people); the message keeps its line breaks, which the runner shows as such.
"""

from __future__ import annotations

from mtcheck.model import Finding, RunResult, Severity
from mtcheck.visible import visible

LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.NEUTRAL: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    properties = {
        "file": finding.path, "line": finding.line, "col": finding.column,
        "endLine": finding.end_line, "endColumn": finding.end_column,
        "title": f"{finding.rule} ({finding.severity.label})",
    }
    listed = ",".join(f"{name}={escape_property(visible(str(value)))}" for name, value in properties.items())
    suggestion = f" [suggest: {finding.suggestion}]" if finding.suggestion else ""
    message = visible(finding.message + suggestion, keep_line_breaks=True)
    return f"::{LEVELS[finding.severity]} {listed}::{escape_data(message)}"


def min_score_commands(run: RunResult) -> list[str]:
    """An error for each score that fails --min-score (the file's, or the run's when only it does),
    so that a run failed by its score does not end with no word on why."""
    scores = run.scores
    if scores is None or not scores.fails_min_score:
        return []
    title = f"title={escape_property('MQM score below --min-score')}"
    limit = f"below --min-score {scores.min_score:g}"
    below = scores.files_below_min_score()
    if not below:
        total = scores.total
        message = f"the run's score, {total.shown:.2f} over all {total.words:,} words, is {limit}"
        return [f"::error {title}::{escape_data(message)}"]
    return [f"::error file={escape_property(visible(path))},{title}::"
            + escape_data(visible(f"{path} scores {score.shown:.2f}, {limit}", keep_line_breaks=True))
            for path, score in below]


def chunks(run: RunResult):
    for finding in run.findings:
        yield command(finding) + "\n"
    for line in min_score_commands(run):
        yield line + "\n"
