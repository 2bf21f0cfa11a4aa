"""Markdown for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment: the score table (worst files
first), findings by rule and by term, and the findings themselves in a collapsed section.

Text from articles and glossaries is escaped for GitHub-flavoured Markdown tables and HTML, so a
finding can neither break a table nor inject markup into a comment, and its control characters
and bidi overrides are shown as escapes (``visible``). The findings list stops after MAX_LISTED
rows: GitHub refuses step summaries over 1 MiB.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict

from mtcheck.model import RunResult, Severity
from mtcheck.reporters.summary import score_note
from mtcheck.visible import visible

MAX_LISTED = 500
_SEVERITIES = sorted(Severity, reverse=True)


def cell(text: object) -> str:
    """A table cell: no line breaks, controls shown as escapes, pipes escaped, HTML and Markdown
    markup made inert. Controls are escaped before whitespace is collapsed, which would turn some
    (vertical tab, form feed, \\x1c-\\x1f, NEL) into spaces unseen."""
    escaped = html.escape(" ".join(visible(str(text), keep_line_breaks=True).split()), quote=False)
    for char in "\\|`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def chunks(run: RunResult):
    yield from _heading(run)
    yield from _score_table(run)
    if run.findings:
        yield from _by_rule(run)
        yield from _by_term(run)
        yield from _listing(run)


def _heading(run: RunResult):
    total = len(run.findings)
    files = len(run.files)
    verdict = ""
    if run.scores is not None:
        score = run.scores.total
        verdict = (" · too short to score" if score.too_short
                   else f" · quality score {score.score:.2f} ({'pass' if score.passed else 'FAIL'})")
    yield f"## mtcheck: {total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}{verdict}\n\n"


def _score_table(run: RunResult):
    counts = Counter(f.path for f in run.findings)
    if run.scores is None:
        rows = sorted(run.files, key=lambda file: (-counts[file.path], file.path))
        yield "| file | words | findings |\n|---|---:|---:|\n"
        for file in rows:
            yield f"| {cell(file.path)} | {file.words:,} | {counts[file.path]} |\n"
        yield "\n"
        return
    scores = run.scores.files
    rows = sorted(run.files, key=lambda file: (scores[file.path].too_short, scores[file.path].score,
                                               -counts[file.path], file.path))
    yield "| file | words | findings | score | result |\n|---|---:|---:|---:|---|\n"
    for file in rows:
        yield f"| {cell(file.path)} | {file.words:,} | {counts[file.path]} | {_score_cells(scores[file.path])} |\n"
    if len(run.files) > 1:
        total = run.scores.total
        yield f"| **all files** | {total.words:,} | {len(run.findings)} | {_score_cells(total)} |\n"
    total = run.scores.total
    shortest = f"; texts under {total.min_words:,} words are too short to score" if total.min_words else ""
    note = score_note(run.scores)
    yield (f"\nScored with the `{total.model}` model: pass mark {total.passing_threshold:g}, "
           f"no critical error allowed{shortest}." + (f" {cell(note)}" if note else "") + "\n\n")


def _score_cells(score) -> str:
    if score.too_short:
        return "— | too short to score"
    verdict = "✅ pass" if score.passed else "❌ fail" + (" (critical error)" if score.critical else "")
    return f"{score.score:.2f} | {verdict}"


def _by_rule(run: RunResult):
    counts: dict[str, Counter] = defaultdict(Counter)
    mqm = {}
    for finding in run.findings:
        counts[finding.rule][finding.severity] += 1
        mqm[finding.rule] = finding.mqm
    header = " | ".join(s.label for s in _SEVERITIES)
    yield f"### Findings by rule\n\n| rule | MQM error type | {header} |\n|---|---|{'---:|' * len(_SEVERITIES)}\n"
    for rule in sorted(counts, key=lambda r: (-sum(counts[r].values()), r)):
        numbers = " | ".join(str(counts[rule][s] or "") for s in _SEVERITIES)
        yield f"| `{rule}` | {cell(mqm[rule])} | {numbers} |\n"
    yield "\n"


def _by_term(run: RunResult):
    forms: dict[str, Counter] = defaultdict(Counter)
    for finding in run.findings:
        if finding.term:
            forms[finding.term][finding.text] += 1
    if not forms:
        return
    yield "### Findings by term\n\n| term | canonical form | found as |\n|---|---|---|\n"
    for term_id in sorted(forms, key=lambda t: (-sum(forms[t].values()), t)):
        term = run.terms.get(term_id)
        canonical = cell(term.canonical) if term else ""
        found = ", ".join(f"{cell(text)} ×{n}" for text, n in sorted(forms[term_id].items(), key=lambda i: (-i[1], i[0])))
        yield f"| {cell(term_id)} | {canonical} | {found} |\n"
    yield "\n"


def _listing(run: RunResult):
    findings = run.findings
    yield f"<details><summary>All findings ({len(findings)})</summary>\n\n"
    yield "| location | severity | rule | text | suggestion |\n|---|---|---|---|---|\n"
    for f in findings[:MAX_LISTED]:
        yield (f"| {cell(f.path)}:{f.line}:{f.column} | {f.severity.label} | `{f.rule}` | {cell(f.text)} "
               f"| {cell(f.suggestion or '')} |\n")
    if len(findings) > MAX_LISTED:
        yield f"\n{len(findings) - MAX_LISTED} more not listed: see the JSON or SARIF report.\n"
    yield "\n</details>\n"
