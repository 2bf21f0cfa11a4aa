"""Plain text: one line per finding, then a summary. Colour is the CLI's business.

Text from the files is shown through ``visible``: a terminal or a CI log must not obey an ESC
sequence or a bidi override an article holds, and a line break in a message must not start what
looks like another finding.
"""

from __future__ import annotations

from mtcheck.model import RunResult
from mtcheck.reporters.summary import by_rule, by_severity, score_note, too_short_text, verdict
from mtcheck.visible import visible


def finding_line(f) -> str:
    suggestion = f" [suggest{'' if f.fixable else ', not fixed automatically'}: {f.suggestion}]" if f.suggestion else ""
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
    """The MQM quality score: of each file when there are several, and of the whole run; then, when
    the scores could leave the exit code in doubt, what they mean for it (``score_note``)."""
    if run.scores is None:
        return []
    total = run.scores.total
    lines = [f"Quality score ({total.model}, pass mark {total.passing_threshold:g}): {_score_text(total)}"]
    if len(run.files) > 1:
        width = max(len(visible(path)) for path in run.scores.files)
        lines += [f"  {visible(path):<{width}}  {_score_text(score)}" for path, score in worst_first(run.scores.files)]
    if note := score_note(run.scores):
        lines.append(visible(note))
    return lines


def worst_first(scores: dict) -> list:
    """(path, score) pairs, lowest score first; texts too short to score last, having none."""
    return sorted(scores.items(), key=lambda item: (item[1].too_short, item[1].score, item[0]))


def _score_text(score) -> str:
    errors = "; ".join(
        f"{category} " + ", ".join(f"{n} {severity}" for severity, n in severities.items())
        for category, severities in score.errors.items()
    )
    errors = f"; {errors}" if errors else ""
    if score.too_short:
        return f"{too_short_text(score)}; {score.penalty:g} penalty points in {score.words:,} words{errors}"
    return (f"{score.score:.2f} {verdict(score)}; {score.penalty:g} penalty points in {score.words:,} words "
            f"({score.normed_penalty:.2f} per {score.reference_words:,}), raw score {score.raw_score:.2f}{errors}")


def render(run: RunResult) -> str:
    return "".join(chunks(run))


def finding_chunks(run: RunResult):
    """One line per finding, file by file: the whole report under ``check --quiet``."""
    for file in run.files:
        for finding in file.findings:
            yield finding_line(finding) + "\n"


def chunks(run: RunResult):
    yield from finding_chunks(run)
    yield ("\n" if any(file.findings for file in run.files) else "") + summary_line(run) + "\n"
    for line in score_lines(run):
        yield line + "\n"
