"""CSV exports hold no cell a spreadsheet would run as a formula (issue 14, item 11)."""

from __future__ import annotations

import csv
import io

import pytest

from mtcheck.glossary.exchange import export_glossaries
from mtcheck.glossary.loader import load_glossaries
from tests.test_cli import mtcheck


# --- CSV exports --------------------------------------------------------------------------------

FORMULA_GLOSSARY = """\
version: 1
name: formulas
language: en
terms:
  - id: sum
    canonical: "=SUM(A1)"
    variants: ["-5 °C", "+381"]
    short: ["@user"]
    forbidden: ["'=quoted"]
    note: "=HYPERLINK(\\"http://example.com\\", \\"click\\")"
    type: "-type"
  - id: plus
    canonical: "+381 11"
    variants: ["''@twice", "'t Hooft", "a = b"]
  - id: tab
    canonical: "@home"
    note: "\\t=1+1"
"""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture()
def formula_glossary(tmp_path):
    path = tmp_path / "formulas.yaml"
    path.write_text(FORMULA_GLOSSARY, encoding="utf-8")
    return path


def imported(folder, table):
    """The glossary ``glossary import`` makes of a CSV file, loaded."""
    path = folder / "imported.yaml"
    result = mtcheck("glossary", "import", table, "--from", "csv", "--language", "en", "--name", "formulas", "-o", path)
    assert result.returncode == 0, result.stderr
    [glossary] = load_glossaries([path])
    return glossary


def test_csv_export_starts_no_cell_with_a_formula_character(formula_glossary):
    rows = list(csv.reader(io.StringIO(export_glossaries(load_glossaries([formula_glossary]), "csv"))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert {"'=SUM(A1)", "'-5 °C | +381", "'@user", "''=quoted", "'-type", "'+381 11", "'''@twice | 't Hooft | a = b",
            "'@home", "'\t=1+1"} <= set(cells)


def test_csv_export_then_import_gives_the_same_glossary(formula_glossary, tmp_path):
    table = tmp_path / "formulas.csv"
    result = mtcheck("glossary", "export", formula_glossary, "--to", "csv", "-o", table)
    assert result.returncode == 0, result.stderr
    rows = csv.reader(io.StringIO(table.read_text(encoding="utf-8")))
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_START)]
    [original], again = load_glossaries([formula_glossary]), imported(tmp_path, table)
    fields = ("id", "canonical", "variants", "short", "forbidden", "type")
    assert [[getattr(t, name) for name in fields] for t in again.terms] == \
        [[getattr(t, name) for name in fields] for t in original.terms]
    # import trims notes, as it always did: the tab goes, the formula's text stays
    assert [t.note for t in again.terms] == [t.note and t.note.strip() for t in original.terms]


def test_a_spreadsheets_quote_prefix_is_read_as_text(tmp_path):
    """A cell a person protected in a spreadsheet ("'+381") means the text after the quote; a quote
    inside a cell, or before no formula character, is text."""
    table = tmp_path / "hand.csv"
    table.write_text("id,canonical,variants\nphone,'+381 11,'-5 °C | '+1\nname,'t Hooft,\n", encoding="utf-8")
    phone, name = imported(tmp_path, table).terms
    assert (phone.canonical, phone.variants) == ("+381 11", ("-5 °C", "'+1"))
    assert name.canonical == "'t Hooft"


def test_the_export_help_states_the_quote_rule():
    result = mtcheck("glossary", "export", "--help")
    assert b"formula" in result.stdout
