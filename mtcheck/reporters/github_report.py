"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

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


def chunks(run: RunResult):
    for finding in run.findings:
        yield command(finding) + "\n"
