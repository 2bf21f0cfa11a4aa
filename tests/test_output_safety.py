"""Output that cannot turn against its reader: control characters and bidi overrides from checked
texts, file names and glossaries are shown, never obeyed, in every report a person reads (issue 14,
item 10), and CSV exports hold no cell a spreadsheet would run as a formula (item 11)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from mtcheck.errors import Problem
from mtcheck.glossary.exchange import export_glossaries
from mtcheck.glossary.loader import load_glossaries
from mtcheck.reporters import render
from mtcheck.workflow import CheckRequest, scored_run
from tests.conftest import BUNDLED_GLOSSARY, glossary_file
from tests.test_cli import mtcheck

# What a terminal, a CI log or a browser would obey: C0 controls but tab and line feed, DEL, C1
# controls, bidi embeddings, overrides and isolates ("Trojan Source"), line and paragraph separators.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
ESC = "\x1b"
HIDING_NAME = f"news{ESC}[8m\u202e.txt"
HIDING_TEXT = (f"Prime Minister Aljbin Kurti said <span {ESC}[8mhidden\x07 \u202eevil\u202c\x9b> so.\n\n"
               "The USO was there.\n")
HUMAN_FORMATS = ("text", "github", "markdown", "junit", "html")


@pytest.fixture(scope="module")
def control_run(tmp_path_factory):
    """A run over a file whose name and text hold ESC sequences, BEL, a C1 CSI and a bidi override."""
    folder = tmp_path_factory.mktemp("controls")
    (folder / HIDING_NAME).write_text(HIDING_TEXT, encoding="utf-8")
    run = scored_run(CheckRequest(paths=[str(folder / HIDING_NAME)], use_config=False,
                                  glossaries=[str(BUNDLED_GLOSSARY)], cache_dir=None)).run
    assert {"artifact", "term-misspelled", "term-forbidden"} <= {f.rule for f in run.findings}
    return run


def decoded(shown: str) -> str:
    """The text that ``visible`` showed as ``shown``, by the rule its docstring states: a run of
    backslashes before an escape (x and 2 hex digits, u and 4) holds doubled backslashes, and one
    more when the escape is real; every other backslash is itself."""
    def one(match: re.Match) -> str:
        slashes, escape = match.group(1), match.group(2)
        if len(slashes) % 2 == 0:
            return "\\" * (len(slashes) // 2) + escape
        return "\\" * (len(slashes) // 2) + chr(int(escape[1:], 16))

    return re.sub(r"(\\+)(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})", one, shown)


# --- the shared escaping ------------------------------------------------------------------------

def test_controls_and_bidi_overrides_are_shown_as_escapes():
    from mtcheck.visible import visible

    assert visible(f"Kurti {ESC}[8mhidden") == "Kurti \\x1b[8mhidden"
    assert visible("USO\x07") == "USO\\x07"
    assert visible("a\x00b\x7fc\x85d\x9be") == "a\\x00b\\x7fc\\x85d\\x9be"
    assert visible("\u202eevil\u202c \u2066x\u2069") == "\\u202eevil\\u202c \\u2066x\\u2069"
    assert visible("one\ntwo\r\n") == "one\\x0atwo\\x0d\\x0a"
    assert visible("one\ntwo\r\n", keep_line_breaks=True) == "one\ntwo\r\n"
    assert visible("carriage\roverwrites") == "carriage\\x0doverwrites"


def test_ordinary_text_is_left_as_it_is():
    from mtcheck.visible import visible

    for text in ("Aleksandar Vučić — «Kosovo» 50%", "tab\there", "non\u00a0breaking", "zwj 👩\u200d💻",
                 "C:\\Users\\news\\article.txt", "a \\ b", "\\d+ and \\n in a regex", "Serbian: Приштина"):
        assert visible(text) == text


def test_a_backslash_that_could_be_read_as_an_escape_is_doubled():
    from mtcheck.visible import visible

    assert visible("\\x1b") == "\\\\x1b"  # the four characters, not ESC
    assert visible("\\u202e") == "\\\\u202e"
    assert visible(f"\\{ESC}") == "\\\\\\x1b"
    assert decoded(visible("\\x1b")) == "\\x1b" and decoded(visible(ESC)) == ESC


@given(st.text(alphabet=st.sampled_from(["\\", "x", "u", "1", "b", "2", "0", "e", "a", ESC, "\x07", "\u202e", "\n"])))
def test_escapes_are_unambiguous(text):
    from mtcheck.visible import visible

    shown = visible(text)
    assert not RAW_CONTROL.search(shown) and "\n" not in shown
    assert decoded(shown) == text


# --- the reports --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", HUMAN_FORMATS)
def test_human_reports_show_control_characters_without_obeying_them(control_run, name):
    report = render(name, control_run)
    assert not RAW_CONTROL.search(report), RAW_CONTROL.search(report)
    if name == "markdown":  # which escapes "\" and "[" for itself
        report = re.sub(r"\\([\\\[])", r"\1", report)
    assert "\\x1b[8mhidden\\x07 \\u202eevil\\u202c\\x9b" in report
    assert "news\\x1b[8m\\u202e.txt" in report


def test_junit_stays_valid_xml_and_shows_the_controls(control_run):
    document = etree.fromstring(render("junit", control_run).encode("utf-8"))
    failures = "\n".join(failure.text for failure in document.iter("failure"))
    assert "<span \\x1b[8mhidden\\x07 \\u202eevil\\u202c\\x9b>" in failures
    assert document.find("testsuite").get("name").endswith("news\\x1b[8m\\u202e.txt")


def test_machine_formats_keep_the_exact_text(control_run):
    """JSON escapes C0 controls itself: JSON, JSON Lines and SARIF carry the very characters, so
    that tools (and mtcheck fix) can act on them; SARIF's messages are what viewers show people."""
    artifact = next(f for f in control_run.findings if f.rule == "artifact")
    report = json.loads(render("json", control_run))
    assert any(f["text"] == artifact.text for file in report["files"] for f in file["findings"])
    assert any(json.loads(line).get("text") == artifact.text for line in render("jsonl", control_run).splitlines())
    sarif = json.loads(render("sarif", control_run))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "artifact")
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == artifact.text
    assert not RAW_CONTROL.search(result["message"]["text"]) and "\\x1b[8m" in result["message"]["text"]
    assert ESC not in render("sarif", control_run)  # JSON's own \u001b escape


def test_the_cli_prints_no_control_character(control_run, tmp_path):
    path = tmp_path / HIDING_NAME
    path.write_text(HIDING_TEXT, encoding="utf-8")
    for name in ("text", "github", "markdown"):
        result = mtcheck("check", path, "-g", BUNDLED_GLOSSARY, "-f", name)
        assert result.returncode == 1 and b"\\x1b" in result.stdout
        assert ESC.encode() not in result.stdout and b"\x07" not in result.stdout
        assert "\u202e".encode() not in result.stdout and b"\xc2\x9b" not in result.stdout


def test_a_skipped_file_is_named_without_its_controls(tmp_path):
    xliff = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
             '<file source-language="sr" target-language="fr" datatype="plaintext" original="a.txt"><body>'
             '<trans-unit id="1"><source>Unija.</source><target>Union.</target></trans-unit></body></file></xliff>\n')
    path = tmp_path / f"fr{ESC}]0;title\x07.xlf"
    path.write_text(xliff, encoding="utf-8")
    result = mtcheck("check", path, "-g", BUNDLED_GLOSSARY)
    assert b"warning: " in result.stderr and b"fr\\x1b]0;title\\x07.xlf" in result.stderr
    assert ESC.encode() not in result.stderr + result.stdout and b"\x07" not in result.stderr + result.stdout


def test_score_text_report_shows_system_names_escaped(tmp_path):
    reference = tmp_path / "ref.txt"
    reference.write_text("Albin Kurti met the envoy.\nAnother line.\n", encoding="utf-8")
    hiding = tmp_path / f"hyp{ESC}[8m.txt"
    hiding.write_text("Aljbin Kurti met the envoy.\nAnother line.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Albin Kurti met the envoy.\nAnother line.\n", encoding="utf-8")
    result = mtcheck("score", hiding, other, "-r", reference, "-m", "bleu", "--compare", "--no-config")
    assert result.returncode == 0, result.stderr
    assert b"hyp\\x1b[8m.txt" in result.stdout and ESC.encode() not in result.stdout


def test_problems_quote_paths_and_messages_visibly():
    shown = str(Problem(f"g{ESC}[2J.yaml", "form 'x\u202e' is odd", 3, 4))
    assert shown == "g\\x1b[2J.yaml:3:4: form 'x\\u202e' is odd"
    # a message quoting with repr is escaped already: its backslashes are not doubled
    assert str(Problem("a.yaml", f"character {chr(0)!r} is not allowed")) == "a.yaml: character '\\x00' is not allowed"


def test_glossary_tools_print_no_control_character(tmp_path):
    path = tmp_path / f"terms{ESC}[8m.yaml"
    path.write_text("version: 1\nname: g\nlanguage: en\nterms:\n  - {id: a, canonical: Alpha, type: \"x\\e[8m\"}\n",
                    encoding="utf-8")
    for command in (("glossary", "lint", path), ("glossary", "stats", path)):
        result = mtcheck(*command)
        printed = result.stdout + result.stderr
        assert b"terms\\x1b[8m.yaml" in printed and ESC.encode() not in printed, (command, printed)


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
    return glossary_file(tmp_path, FORMULA_GLOSSARY, "formulas.yaml")


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
