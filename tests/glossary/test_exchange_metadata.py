"""Glossary exports carry the glossary-level metadata (name, language, source_language), and import
reads it back with no options: export -> import gives the same metadata, for CSV, TBX and JSON."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from mtcheck.errors import GlossaryError, InputError
from mtcheck.glossary.exchange import exchange_format, export_glossaries, import_glossary
from mtcheck.glossary.loader import load_glossaries
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY

FORMATS = ("csv", "tbx", "json")

# Glossaries whose metadata an export has lost before: a source language with no source forms
# (TBX said it only through the source forms' langSec), names that are valid but no slug ("." and
# "_", over 60 characters: the TBX title was slugged), no source language, a region subtag.
GLOSSARIES = {
    "source language, no source forms": "name: newsroom\nlanguage: en\nsource_language: sr\n",
    "dots and underscores in the name": "name: kosovo_serbia.v2\nlanguage: en-GB\nsource_language: sr-Latn\n",
    "a long name": f"name: {'terms-of-the-belgrade-pristina-dialogue-' * 3}2024\nlanguage: en\nsource_language: sq\n",
    "no source language": "name: plain\nlanguage: pt-BR\n",
    "a name a spreadsheet would run": "name: -minus\nlanguage: de\nsource_language: en\n",
}
TERMS = "terms:\n  - {id: csm, canonical: Community of Serb Municipalities, short: [CSM]}\n  - {id: kfor, canonical: KFOR}\n"


def metadata(glossary):
    return glossary.name, glossary.language, glossary.source_language


def load_one(path: Path):
    [glossary] = load_glossaries([path])
    return glossary


def round_trip(glossary, to: str, folder: Path):
    """The glossary ``import`` makes, without options, of ``glossary``'s export."""
    exported = folder / f"export.{to}"
    exported.write_text(export_glossaries([glossary], to), encoding="utf-8")
    imported = folder / f"imported-{to}.yaml"
    imported.write_text(import_glossary(str(exported), to), encoding="utf-8")
    return load_one(imported)


@pytest.fixture(params=sorted(GLOSSARIES))
def glossary(request, tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("version: 1\n" + GLOSSARIES[request.param] + TERMS, encoding="utf-8")
    return load_one(path)


@pytest.mark.parametrize("to", FORMATS)
def test_export_then_import_keeps_the_glossary_metadata(glossary, to, tmp_path):
    again = round_trip(glossary, to, tmp_path)
    assert metadata(again) == metadata(glossary)
    assert [term.id for term in again.terms] == [term.id for term in glossary.terms]


@pytest.mark.parametrize("to", FORMATS)
def test_the_bundled_glossary_comes_back_with_its_metadata_and_terms(to, tmp_path):
    [bundled] = load_glossaries([BUNDLED_GLOSSARY])
    again = round_trip(bundled, to, tmp_path)
    assert metadata(again) == ("kosovo-serbia", "en", "sr")
    assert [(t.id, t.canonical, t.source) for t in again.terms] == [(t.id, t.canonical, t.source) for t in bundled.terms]


@pytest.mark.parametrize("to", FORMATS)
def test_the_command_line_round_trip_needs_no_options(to, tmp_path):
    exported, imported = tmp_path / f"g.{to}", tmp_path / "g.yaml"
    exporting = mtcheck("glossary", "export", BUNDLED_GLOSSARY, "-o", exported)  # the suffix says the format
    assert exporting.returncode == 0, exporting.stderr
    result = mtcheck("glossary", "import", exported, "-o", imported)
    assert result.returncode == 0, result.stderr
    assert metadata(load_one(imported)) == ("kosovo-serbia", "en", "sr")
    assert f"imported from {to.upper()} file" in imported.read_text(encoding="utf-8")


@pytest.mark.parametrize("path, given, option, default, expected", [
    ("terms.TBX", None, "--from", None, "tbx"),
    ("terms.csv", "json", "--from", None, "json"),  # an explicit format wins over the suffix
    ("out.txt", None, "--to", "csv", "csv"),
    (None, None, "--to", "csv", "csv"),  # export to standard output
])
def test_the_exchange_format_comes_from_the_option_else_the_suffix(path, given, option, default, expected):
    assert exchange_format(path, given, option, default) == expected


@pytest.mark.parametrize("path, given, message", [
    ("terms.yaml", None, "terms.yaml: cannot tell its format from its suffix: give --from (csv, json, tbx, xlsx)"),
    ("terms.tbx", "xml", "unknown --from 'xml' (choose from csv, json, tbx, xlsx)"),
])
def test_an_unknown_exchange_format_is_an_error_naming_the_choices(path, given, message):
    with pytest.raises(InputError) as raised:
        exchange_format(path, given, "--from")
    assert str(raised.value.problems[0]).endswith(message)


# --- CSV: the header row carries the languages, a column the name --------------------------------

def test_csv_header_names_the_languages_and_each_row_its_glossary(glossary):
    rows = list(csv.reader(io.StringIO(export_glossaries([glossary], "csv"))))
    header = rows[0]
    assert header[1:5] == [f"{role} ({glossary.language})" for role in ("canonical", "variants", "short", "forbidden")]
    assert header[5] == (f"source ({glossary.source_language})" if glossary.source_language else "source")
    assert header[-1] == "glossary"
    assert {row[-1].lstrip("'") for row in rows[1:]} == {glossary.name}


def test_a_csv_file_holds_one_language_pair(tmp_path):
    for name, language in (("a", "en"), ("b", "fr")):
        (tmp_path / f"{name}.yaml").write_text(f"version: 1\nname: {name}\nlanguage: {language}\n"
                                               f"terms:\n  - {{id: {name}1, canonical: Term {name}}}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="one language pair, not a \\(language en\\), b \\(language fr\\)"):
        export_glossaries(load_glossaries([tmp_path]), "csv")


def test_glossaries_of_one_language_pair_share_a_csv_file_and_import_as_one(tmp_path):
    for name in ("politics", "places"):
        (tmp_path / f"{name}.yaml").write_text(f"version: 1\nname: {name}\nlanguage: en\nsource_language: sr\n"
                                               f"terms:\n  - {{id: {name}1, canonical: Term {name}}}\n", encoding="utf-8")
    exported = tmp_path / "both.csv"
    exported.write_text(export_glossaries(load_glossaries([tmp_path]), "csv"), encoding="utf-8")
    back = tmp_path / "back"
    back.mkdir()
    (back / "g.yaml").write_text(import_glossary(str(exported), "csv"), encoding="utf-8")
    assert metadata(load_one(back / "g.yaml")) == ("places-politics", "en", "sr")  # as a TBX title is


def test_options_win_over_the_csv_header(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("id,canonical (en),source (sr),glossary\na,Alpha,Alfa,greek\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(import_glossary(str(path), "csv", name="mine", language="en-US",
                                                     source_language="hr"), encoding="utf-8")
    assert metadata(load_one(tmp_path / "g.yaml")) == ("mine", "en-US", "hr")


def test_a_csv_from_another_tool_still_imports_with_the_language_option(tmp_path):
    path = tmp_path / "Brakes.csv"
    path.write_text("Canonical,ID\nBremsbelag,pad\n", encoding="utf-8")
    with pytest.raises(InputError, match="names no language .*give the language option"):
        import_glossary(str(path), "csv")
    (tmp_path / "g.yaml").write_text(import_glossary(str(path), "csv", language="de"), encoding="utf-8")
    assert metadata(load_one(tmp_path / "g.yaml")) == ("brakes", "de", None)


@pytest.mark.parametrize("header, message", [
    ("id,canonical (en),variants (de)", "the CSV form columns name different languages: en, de"),
    ("id,canonical (english!)", "column 'canonical' names the language 'english!', which is not a BCP 47 tag"),
])
def test_bad_csv_header_languages_are_errors_on_line_1(tmp_path, header, message):
    path = tmp_path / "g.csv"
    path.write_text(header + "\na,Alpha,\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        import_glossary(str(path), "csv")
    assert caught.value.problems[0].line == 1


def test_a_language_in_the_header_of_another_column_is_no_language(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("id,canonical (en),note (internal)\na,Alpha,hi\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(import_glossary(str(path), "csv"), encoding="utf-8")
    [term] = load_one(tmp_path / "g.yaml").terms
    assert term.note == "hi"


# --- TBX ----------------------------------------------------------------------------------------

def test_tbx_title_statement_notes_the_source_language(glossary):
    from lxml import etree

    root = etree.fromstring(export_glossaries([glossary], "tbx").encode("utf-8"))
    notes = root.findall("{*}tbxHeader/{*}fileDesc/{*}titleStmt/{*}note")
    expected = [f"mtcheck:source_language={glossary.source_language}"] if glossary.source_language else []
    assert [note.text for note in notes] == expected


# --- JSON ---------------------------------------------------------------------------------------

def test_json_import_keeps_every_term_field(tmp_path):
    [bundled] = load_glossaries([BUNDLED_GLOSSARY])
    again = round_trip(bundled, "json", tmp_path)
    assert again.terms == tuple(term for term in bundled.terms)  # Term records compare field by field


def test_json_import_takes_the_glossaries_in_the_target_language(tmp_path):
    for name, language in (("a", "en"), ("b", "fr"), ("c", "en")):
        (tmp_path / f"{name}.yaml").write_text(f"version: 1\nname: {name}\nlanguage: {language}\nsource_language: sr\n"
                                               f"terms:\n  - {{id: {name}1, canonical: Term {name}}}\n", encoding="utf-8")
    exported = tmp_path / "all.json"
    exported.write_text(export_glossaries(load_glossaries([tmp_path]), "json"), encoding="utf-8")
    text = import_glossary(str(exported), "json")
    assert "# glossary 'b' was not imported: its language is fr, not en\n" in text
    back = tmp_path / "back"
    back.mkdir()
    (back / "g.yaml").write_text(text, encoding="utf-8")
    imported = load_one(back / "g.yaml")
    assert metadata(imported) == ("a-c", "en", "sr") and [t.id for t in imported.terms] == ["a1", "c1"]


@pytest.mark.parametrize("content, message, line", [
    ('{"version": 1, "glossaries": [\n{"name": "x"', "malformed JSON: Expecting ',' delimiter", 2),
    ('{"version": 1, "glossaries": [{"version": 1, "name": "x", "language": "en", "terms": [{"id": "a"}]}]}',
     r"missing required key 'canonical' in glossaries\[0\]\.terms\[0\]", None),
    ('{"version": 2, "glossaries": []}', "unsupported version 2", None),
    ('{"version": 1, "glossaries": []}', "the file holds no glossary to take the language from", None),
    ('{"version": 1, "glossaries": [{"version": 1, "name": "x", "language": "en", "terms": [{"id": "a", '
     '"canonical": "Alpha", "note": "\\ud800"}]}]}', "a string holds a lone surrogate U\\+D800, which is no character", None),
])
def test_bad_json_is_a_one_line_error(tmp_path, content, message, line):
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        import_glossary(str(path), "json")
    assert caught.value.problems[0].line == line and "\n" not in str(caught.value)


@pytest.mark.parametrize("to", (*FORMATS, "xlsx"))
def test_every_setting_of_a_term_comes_back(to, tmp_path):
    # Before: `morphology: exact` (a brand found only as written) was lost by every export but JSON's
    # writer, and JSON's import dropped it too.
    path = tmp_path / "glossary.yaml"
    path.write_text("version: 1\nname: brands\nlanguage: de\nterms:\n"
                    "  - {id: bb, canonical: Bundesbank, morphology: exact, severity: minor, fuzzy: false,"
                    " case_sensitive: true}\n  - {id: ezb, canonical: Europäische Zentralbank}\n", encoding="utf-8")
    original = load_one(path)
    exported = tmp_path / f"export.{to}"
    if to == "xlsx":
        exported.write_bytes(export_glossaries([original], to))
    else:
        exported.write_text(export_glossaries([original], to), encoding="utf-8")
    imported = tmp_path / "imported.yaml"
    imported.write_text(import_glossary(str(exported), to), encoding="utf-8")
    again = load_one(imported)
    settings = lambda g: [(t.id, t.morphology, t.severity, t.fuzzy, t.case_sensitive) for t in g.terms]  # noqa: E731
    assert settings(again) == settings(original)
