"""XLSX workbook for reviewers who work in spreadsheets: a Findings sheet, one row per finding
(header row frozen, an autofilter, fixed column widths), and a Files sheet with each file's words,
findings and MQM score.

A workbook is binary, so this format goes to a file only (``-o report.xlsx`` or ``-f xlsx:FILE``):
``chunks`` yields bytes, once. Text is shown as ``visible`` shows it (controls as escapes, which
XLSX could not hold anyway), and every cell is text, never a formula, however it starts
(``mtcheck.spreadsheet``). The same run gives the same bytes: the workbook's times are fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Finding, RunResult
from mtcheck.visible import visible

BINARY = True  # reporters/__init__.py: written to a file, never to standard output

# (header, width in characters, the cell of a finding)
FINDING_COLUMNS = (
    ("File", 30, lambda f: f.path),
    ("Line", 7, lambda f: f.line),
    ("Column", 8, lambda f: f.column),
    ("Segment", 9, lambda f: f.segment),
    ("Unit", 14, lambda f: f.unit),
    ("Rule", 22, lambda f: f.rule),
    ("Severity", 10, lambda f: f.severity.label),
    ("Category", 14, lambda f: f.category),
    ("MQM type", 30, lambda f: f.mqm),
    ("Term", 20, lambda f: f.term),
    ("Flagged text", 30, lambda f: f.text),
    ("Suggestion", 30, lambda f: f.suggestion),
    ("Message", 60, lambda f: f.message),
)
FILE_HEADER = ("File", "Words", "Findings", "MQM score", "Passed")
FILE_WIDTHS = (40, 10, 10, 11, 8)


def _cell(value):
    return visible(value) if isinstance(value, str) else value


def finding_row(finding: Finding) -> list:
    return [_cell(cell(finding)) for _, _, cell in FINDING_COLUMNS]


def _file_rows(run: RunResult) -> list[list]:
    rows = []
    for file in run.files:
        score = run.scores.files[file.path] if run.scores is not None else None
        shown = None if score is None or score.too_short else round(score.score, 2)
        passed = None if shown is None else ("yes" if score.passed else "no")
        rows.append([visible(file.path), file.words, len(file.findings), shown, passed])
    return rows


def workbook(run: RunResult) -> bytes:
    from mtcheck.spreadsheet import Sheet, workbook_bytes

    findings = Sheet("Findings", [header for header, _, _ in FINDING_COLUMNS],
                     [finding_row(finding) for file in run.files for finding in file.findings],
                     [width for _, width, _ in FINDING_COLUMNS], filtered=True)
    files = Sheet("Files", FILE_HEADER, _file_rows(run), FILE_WIDTHS, filtered=True)
    return workbook_bytes([findings, files])


def chunks(run: RunResult) -> Iterator[bytes]:
    yield workbook(run)
