"""Glossary export and import as XLSX: the CSV columns in a worksheet, round trips, bad workbooks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mtcheck.errors import InputError
from mtcheck.glossary.exchange import export_glossaries, import_glossary
from mtcheck.glossary.loader import load_glossaries
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, SMALL_GLOSSARY
from tests.glossary.test_exchange import assert_same_terms, reload, without_examples_and_reviews

TRICKY = """version: 1
name: tricky
language: en
source_language: sr
terms:
  - {id: minus, canonical: minus five, variants: ["-5 °C", "+381", "'=quoted", "@home"], note: "=HYPERLINK(\\"x\\")"}
  - {id: kfor, canonical: KFOR, case_sensitive: true, fuzzy: false, severity: major, type: org, source: [Kfor snage]}
"""


@pytest.fixture(scope="module", params=["bundled", "small", "tricky"])
def glossary(request, tmp_path_factory):
    if request.param == "bundled":
        return load_glossaries([BUNDLED_GLOSSARY])[0]
    path = tmp_path_factory.mktemp(request.param) / f"{request.param}.yaml"
    path.write_text(SMALL_GLOSSARY if request.param == "small" else TRICKY, encoding="utf-8")
    return load_glossaries([path])[0]


def exported(glossary, folder: Path) -> Path:
    path = folder / "export.xlsx"
    path.write_bytes(export_glossaries([glossary], "xlsx"))
    return path


def test_xlsx_round_trip_keeps_every_field_but_the_examples(glossary, tmp_path):
    imported = reload(tmp_path, import_glossary(str(exported(glossary, tmp_path)), "xlsx"))  # no options
    assert (imported.name, imported.language, imported.source_language) == (
        glossary.name, glossary.language, glossary.source_language)
    assert_same_terms(imported, glossary, carried=without_examples_and_reviews)


def test_xlsx_holds_the_csv_columns_and_cells(glossary, tmp_path):
    sheet = load_workbook(exported(glossary, tmp_path)).worksheets[0]
    rows = [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    csv_path = tmp_path / "export.csv"
    csv_path.write_text(export_glossaries([glossary], "csv"), encoding="utf-8")
    import csv

    with open(csv_path, newline="", encoding="utf-8") as handle:
        assert rows == list(csv.reader(handle))
    assert sheet.title == glossary.name[:31]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_no_exported_cell_is_a_formula(tmp_path):
    [tricky] = load_glossaries([_write(tmp_path, "tricky.yaml", TRICKY)])
    sheet = load_workbook(exported(tricky, tmp_path)).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'-5 °C | '+381 | ''=quoted | '@home" not in [c.value for c in cells]  # one cell, one guard
    assert "'-5 °C | +381 | '=quoted | @home" in [c.value for c in cells]
    assert "'=HYPERLINK(\"x\")" in [c.value for c in cells]


def test_xlsx_export_is_byte_identical(glossary, tmp_path):
    assert export_glossaries([glossary], "xlsx") == export_glossaries([glossary], "xlsx")
    with zipfile.ZipFile(exported(glossary, tmp_path)) as archive:
        assert {member.date_time for member in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_workbook_saved_by_a_spreadsheet_with_typed_cells_imports(tmp_path):
    """Numbers and booleans typed in a spreadsheet come back as the text a CSV cell would hold."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Terms"
    sheet.append(["id", "canonical (de)", "fuzzy", "case_sensitive", "note"])
    sheet.append([None, None, None, None, None])  # an empty row is skipped
    sheet.append(["bremse", "Bremse", 90, True, 2024])
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    imported = reload(tmp_path, import_glossary(str(path), "xlsx", name="typed"))
    [term] = imported.terms
    assert (imported.language, term.fuzzy, term.case_sensitive, term.note) == ("de", 90, True, "2024")


def test_not_a_workbook_is_one_line_naming_the_file(tmp_path):
    path = _write(tmp_path, "terms.xlsx", "id,canonical\n")
    with pytest.raises(InputError, match=r"terms\.xlsx: not an XLSX workbook"):
        import_glossary(str(path), "xlsx", language="en")


def test_a_sheet_without_the_header_names_the_sheet_and_row(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Glossar"
    workbook.active.append(["Begriff", "Anmerkung"])
    path = tmp_path / "glossar.xlsx"
    workbook.save(path)
    with pytest.raises(InputError) as caught:
        import_glossary(str(path), "xlsx", language="de")
    assert str(caught.value).startswith(f"{path}[sheet Glossar]:1: the header row lacks the required column(s) id, canonical")


def test_a_bad_cell_names_the_sheet_and_row(tmp_path):
    workbook = Workbook()
    workbook.active.append(["id", "canonical (en)", "severity"])
    workbook.active.append(["a", "Alpha", "huge"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    with pytest.raises(InputError, match=r"bad\.xlsx\[sheet Sheet\]:2: unknown severity 'huge'"):
        import_glossary(str(path), "xlsx")


def test_command_line_round_trip_by_suffix(tmp_path):
    workbook, yaml_path = tmp_path / "g.xlsx", tmp_path / "g.yaml"
    result = mtcheck("glossary", "export", BUNDLED_GLOSSARY, "-o", workbook)
    assert result.returncode == 0, result.stderr
    result = mtcheck("glossary", "import", workbook, "-o", yaml_path)
    assert result.returncode == 0, result.stderr
    [again] = load_glossaries([yaml_path])
    [bundled] = load_glossaries([BUNDLED_GLOSSARY])
    assert (again.name, again.language, again.source_language) == ("kosovo-serbia", "en", "sr")
    assert [t.canonical for t in again.terms] == [t.canonical for t in bundled.terms]


def test_command_line_refuses_a_workbook_on_standard_output_and_bad_files(tmp_path):
    result = mtcheck("glossary", "export", BUNDLED_GLOSSARY, "--to", "xlsx", text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "give --output FILE.xlsx" in result.stderr
    bad = _write(tmp_path, "bad.xlsx", "not a zip")
    result = mtcheck("glossary", "import", bad, "-o", tmp_path / "out.yaml", text=True)
    assert result.returncode == 2 and "not an XLSX workbook" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.yaml").exists()
