"""Plain text: one line per finding, then a summary. Colour is the CLI's business.

Text from the files is shown through ``visible``: a terminal or a CI log must not obey an ESC
sequence or a bidi override an article holds, and a line break in a message must not start what
looks like another finding.
"""

from __future__ import annotations

from mtcheck.model import RunResult
from mtcheck.reporters.summary import by_rule, by_severity
from mtcheck.visible import visible


def finding_line(f) -> str:
    suggestion = f" [suggest: {f.suggestion}]" if f.suggestion else ""
    kind = f" ({f.mqm})" if f.mqm else ""
    return visible(f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.rule}{kind} {f.message}{suggestion}")


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


def score_lines(run: RunResult) -> list[str]:
    """The MQM quality score: of each file when there are several, and of the whole run."""
    if run.scores is None:
        return []
    total = run.scores.total
    lines = [f"Quality score ({total.model}, pass mark {total.passing_threshold:g}): {_score_text(total)}"]
    if len(run.files) > 1:
        width = max(len(visible(path)) for path in run.scores.files)
        worst_first = sorted(run.scores.files.items(), key=lambda item: (item[1].score, item[0]))
        lines += [f"  {visible(path):<{width}}  {_score_text(score)}" for path, score in worst_first]
    return lines


def _score_text(score) -> str:
    verdict = "pass" if score.passed else "FAIL" + (" (critical error)" if score.critical else "")
    errors = "; ".join(
        f"{category} " + ", ".join(f"{n} {severity}" for severity, n in severities.items())
        for category, severities in score.errors.items()
    )
    return (f"{score.score:.2f} {verdict}; {score.penalty:g} penalty points in {score.words:,} words "
            f"({score.normed_penalty:.2f} per {score.reference_words:,}), raw score {score.raw_score:.2f}"
            + (f"; {errors}" if errors else ""))


def render(run: RunResult) -> str:
    return "".join(chunks(run))


def chunks(run: RunResult):
    any_finding = False
    for file in run.files:
        for finding in file.findings:
            any_finding = True
            yield finding_line(finding) + "\n"
    yield ("\n" if any_finding else "") + summary_line(run) + "\n"
    for line in score_lines(run):
        yield line + "\n"
