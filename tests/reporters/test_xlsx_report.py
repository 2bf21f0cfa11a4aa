"""The XLSX findings report: one row per finding, a per-file sheet, cells never formulas, the same
bytes for the same run, and never on standard output."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook

from mtcheck.reporters.xlsx_report import FINDING_COLUMNS
from tests.cli_runs import mtcheck
from tests.conftest import SMALL_GLOSSARY

TEXT = "The Union of Serbian Municipalities met.\nThe USO met again.\n"


@pytest.fixture
def case(tmp_path):
    glossary = tmp_path / "small.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    text = tmp_path / "=cmd.txt"  # a file name a spreadsheet would run as a formula
    text.write_text(TEXT, encoding="utf-8")
    return tmp_path, glossary, text


def check(folder, glossary, text, *formats) -> None:
    result = mtcheck("check", text.name, "-g", glossary, "--no-config", *formats, cwd=folder)
    assert result.returncode == 1, result.stderr  # the forbidden forms are major findings


def test_one_row_per_finding_with_its_fields(case):
    folder, glossary, text = case
    check(folder, glossary, text, "-f", "xlsx", "-o", "report.xlsx")
    workbook = load_workbook(folder / "report.xlsx")
    assert workbook.sheetnames == ["Findings", "Files"]
    sheet = workbook["Findings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(header for header, _, _ in FINDING_COLUMNS)
    found = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert [(f["File"], f["Line"], f["Rule"], f["Severity"], f["Flagged text"]) for f in found] == [
        ("=cmd.txt", 1, "term-forbidden", "major", "Union of Serbian Municipalities"),
        ("=cmd.txt", 2, "term-forbidden", "major", "USO"),
    ]
    assert [(f["Term"], f["Suggestion"]) for f in found] == [("csm", "Community of Serb Municipalities"), ("csm", "CSM")]
    assert all(f["MQM type"].startswith("Terminology") and f["Message"] for f in found)
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:M3")
    assert sheet.column_dimensions["M"].width == 60
    files = list(workbook["Files"].iter_rows(values_only=True))
    assert files[0] == ("File", "Words", "Findings", "MQM score", "Passed")
    assert files[1] == ("=cmd.txt", 10, 2, None, None)  # too short to score: no score


def test_no_cell_is_a_formula(case):
    folder, glossary, text = case
    check(folder, glossary, text, "-f", "xlsx:report.xlsx")
    cells = [cell for sheet in load_workbook(folder / "report.xlsx") for row in sheet.iter_rows() for cell in row]
    file_cells = [cell for cell in cells if cell.value == "=cmd.txt"]
    assert len(file_cells) == 3 and all(cell.data_type == "s" and cell.quotePrefix for cell in file_cells)
    assert not any(cell.data_type == "f" for cell in cells)


def test_the_same_run_gives_the_same_bytes(case):
    folder, glossary, text = case
    check(folder, glossary, text, "-f", "xlsx:one.xlsx")
    check(folder, glossary, text, "-f", "json", "-f", "xlsx:two.xlsx")
    assert (folder / "one.xlsx").read_bytes() == (folder / "two.xlsx").read_bytes()
    with zipfile.ZipFile(folder / "one.xlsx") as archive:
        assert b"<dcterms:modified" in archive.read("docProps/core.xml")
        assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_standard_output_is_refused_in_one_line(case):
    folder, glossary, text = case
    result = mtcheck("check", text.name, "-g", glossary, "--no-config", "-f", "xlsx", cwd=folder, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("error: mtcheck: an xlsx report is a workbook, not text: write it to a file "
                             "(-o report.xlsx, or -f xlsx:FILE)\n")
