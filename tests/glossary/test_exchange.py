"""Glossary export (CSV, TBX, JSON) and import (CSV, TBX, JSON): round trips, foreign TBX files, safety."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_GLOSSARY, SMALL_GLOSSARY
from mtcheck.errors import GlossaryError, InputError
from mtcheck.glossary.exchange import CSV_COLUMNS, export_glossaries, import_glossary
from mtcheck.glossary.loader import load_glossaries
from mtcheck.model import Severity

TBX_DATA = Path(__file__).parent.parent / "data" / "tbx"
TBX_NS = {"t": "urn:iso:std:iso:30042:ed-2"}


@pytest.fixture(scope="module", params=["bundled", "small"])
def glossary(request, tmp_path_factory):
    if request.param == "bundled":
        return load_glossaries([BUNDLED_GLOSSARY])[0]
    path = tmp_path_factory.mktemp("small") / "small.yaml"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    return load_glossaries([path])[0]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def reload(folder: Path, yaml_text: str):
    """The imported text must be a valid glossary on its own."""
    [loaded] = load_glossaries([write(folder, "imported.yaml", yaml_text)])
    return loaded


def without_examples_and_reviews(term):
    return dataclasses.replace(term, flag_examples=(), pass_examples=(), reviewed=())


def assert_same_terms(got, expected, carried=lambda term: term):
    assert [term.id for term in got.terms] == [term.id for term in expected.terms]
    for new, old in zip(got.terms, expected.terms):
        for name in (f.name for f in dataclasses.fields(old)):
            assert getattr(carried(new), name) == getattr(carried(old), name), (old.id, name)


# --- round trips --------------------------------------------------------------------------------

def test_tbx_round_trip_keeps_every_field(glossary, tmp_path):
    tbx = write(tmp_path, "export.tbx", export_glossaries([glossary], "tbx"))
    imported = reload(tmp_path, import_glossary(str(tbx), "tbx"))  # name and languages from the file
    assert (imported.name, imported.language, imported.source_language) == (
        glossary.name, glossary.language, glossary.source_language)
    assert_same_terms(imported, glossary)


def test_csv_round_trip_keeps_every_field_but_the_examples_and_reviews(glossary, tmp_path):
    table = write(tmp_path, "export.csv", export_glossaries([glossary], "csv"))
    text = import_glossary(str(table), "csv", name=glossary.name, language=glossary.language,
                           source_language=glossary.source_language)
    imported = reload(tmp_path, text)
    assert (imported.name, imported.language, imported.source_language) == (
        glossary.name, glossary.language, glossary.source_language)
    assert_same_terms(imported, glossary, carried=without_examples_and_reviews)


def test_json_export_holds_valid_glossaries_with_every_field(glossary, tmp_path):
    data = json.loads(export_glossaries([glossary], "json"))
    assert data["version"] == 1
    [exported] = data["glossaries"]
    loaded = reload(tmp_path, json.dumps(exported))  # JSON is YAML: the loader checks it against the schema
    assert loaded.name == glossary.name and loaded.source_language == glossary.source_language
    assert_same_terms(loaded, glossary)


def test_exports_and_imports_are_deterministic(glossary, tmp_path):
    for to in ("csv", "tbx", "json"):
        assert export_glossaries([glossary], to) == export_glossaries([glossary], to)
    tbx = write(tmp_path, "a.tbx", export_glossaries([glossary], "tbx"))
    assert import_glossary(str(tbx), "tbx") == import_glossary(str(tbx), "tbx")


def test_imported_yaml_names_its_origin(glossary, tmp_path):
    tbx = write(tmp_path, "export.tbx", export_glossaries([glossary], "tbx"))
    text = import_glossary(str(tbx), "tbx")
    assert text.startswith(f"# mtcheck glossary imported from TBX file {tbx}\n")
    assert "\nversion: 1\n" in text


# --- the formats written ------------------------------------------------------------------------

def test_csv_layout(small_glossaries):
    rows = list(csv.DictReader(io.StringIO(export_glossaries(small_glossaries, "csv"))))
    assert tuple(rows[0]) == ("id", "canonical (en)", "variants (en)", "short (en)", "forbidden (en)", "source (sr)",
                              *CSV_COLUMNS[6:])
    csm = rows[0]
    assert csm["short (en)"] == "CSM" and csm["forbidden (en)"] == "Union of Serbian Municipalities | USO"
    assert (csm["severity"], csm["fuzzy"], csm["case_sensitive"], csm["glossary"]) == ("major", "", "", "small")
    zvecan = next(row for row in rows if row["id"] == "zvecan")
    assert zvecan["severity"] == "minor" and zvecan["variants (en)"] == ""


def test_csv_settings_that_differ_from_the_defaults(tmp_path):
    path = write(tmp_path, "g.yaml", "version: 1\nname: g\nlanguage: en\ndefaults: {fuzzy: false, case_sensitive: true}\n"
                                     "terms:\n  - {id: a, canonical: Alpha, fuzzy: 70}\n  - {id: b, canonical: Beta}\n")
    rows = list(csv.DictReader(io.StringIO(export_glossaries(load_glossaries([path]), "csv"))))
    assert [(r["severity"], r["fuzzy"], r["case_sensitive"]) for r in rows] == [("", "70", "true"), ("", "false", "true")]


def test_csv_refuses_a_form_holding_the_separator(tmp_path):
    path = write(tmp_path, "g.yaml", "version: 1\nname: g\nlanguage: en\nterms:\n  - {id: pipe, canonical: A, variants: ['B | C']}\n")
    with pytest.raises(GlossaryError, match="term 'pipe'.*'B | C'"):
        export_glossaries(load_glossaries([path]), "csv")


def test_tbx_layout(small_glossaries):
    from lxml import etree

    root = etree.fromstring(export_glossaries(small_glossaries, "tbx").encode("utf-8"))
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert (root.get("type"), root.get("style"), root.get("{http://www.w3.org/XML/1998/namespace}lang")) == ("TBX-Basic", "dca", "en")
    assert root.findtext("t:tbxHeader/t:fileDesc/t:titleStmt/t:title", namespaces=TBX_NS) == "small"
    assert root.find("t:tbxHeader/t:fileDesc/t:sourceDesc/t:p", namespaces=TBX_NS) is not None
    csm = root.find("t:text/t:body/t:conceptEntry[@id='csm']", namespaces=TBX_NS)
    assert csm.findtext("t:note", namespaces=TBX_NS) == "Name used in the 2013 Brussels Agreement."
    assert "mtcheck:severity=major" in [note.text for note in csm.findall("t:note", namespaces=TBX_NS)]
    en, sr = csm.findall("t:langSec", namespaces=TBX_NS)
    statuses = [(sec.findtext("t:term", namespaces=TBX_NS),
                 [note.text for note in sec.findall("t:termNote", namespaces=TBX_NS)]) for sec in en]
    assert statuses == [
        ("Community of Serb Municipalities", ["preferredTerm-admn-sts"]),
        ("Association of Serb Municipalities", ["admittedTerm-admn-sts"]),
        ("CSM", ["shortForm", "admittedTerm-admn-sts"]),
        ("Union of Serbian Municipalities", ["deprecatedTerm-admn-sts"]),
        ("USO", ["deprecatedTerm-admn-sts"]),
    ]
    assert sr.get("{http://www.w3.org/XML/1998/namespace}lang") == "sr"
    assert [sec.findtext("t:term", namespaces=TBX_NS) for sec in sr] == ["Zajednica srpskih opština", "ZSO"]


def test_tbx_ids_starting_with_a_digit_are_xml_ids_and_come_back(tmp_path):
    path = write(tmp_path, "g.yaml", "version: 1\nname: g\nlanguage: en\nterms:\n"
                                     "  - {id: 2013-agreement, canonical: Brussels Agreement}\n  - {id: _x, canonical: X}\n")
    text = export_glossaries(load_glossaries([path]), "tbx")
    assert 'id="_2013-agreement"' in text and 'id="__x"' in text
    folder = tmp_path / "back"
    folder.mkdir()
    imported = reload(folder, import_glossary(str(write(tmp_path, "g.tbx", text)), "tbx"))
    assert [term.id for term in imported.terms] == ["2013-agreement", "_x"]


def test_unknown_formats():
    with pytest.raises(InputError, match="unknown export format 'ods'"):
        export_glossaries([], "ods")
    with pytest.raises(InputError, match="unknown import format 'ods'"):
        import_glossary("x.ods", "ods", language="en")


# --- TBX files written by other tools ------------------------------------------------------------

def test_import_tbx_v3_basic_file(tmp_path):
    path = TBX_DATA / "basic-v3-en-de.tbx"
    text = import_glossary(str(path), "tbx", language="de", source_language="en")
    glossary = reload(tmp_path, text)
    assert (glossary.name, glossary.language, glossary.source_language) == ("brakes-en-de", "de", "en")
    terms = {term.id: term for term in glossary.terms}
    assert list(terms) == ["c1", "c2", "bremsflussigkeit"]  # "Brake Fluid" is no glossary id
    pad, abs_, fluid = terms.values()
    assert (pad.canonical, pad.forbidden, pad.source, pad.type) == ("Bremsbelag", ("Bremsklotz",), ("brake pad",), "automotive engineering")
    assert pad.note is None  # the definition is in the English section, the note on a single term
    assert (abs_.canonical, abs_.variants, abs_.short) == ("Antiblockiersystem", ("Blockierverhinderer",), ("ABS",))
    assert abs_.forbidden == () and abs_.source == ("anti-lock braking system",)  # each form kept once
    assert abs_.note == "Customer style guide, section 4."
    assert (fluid.forbidden, fluid.note) == (("Bremsöl",), "Hydraulikflüssigkeit der Bremsanlage.")
    assert all(term.severity is None and term.fuzzy == 88 for term in glossary.terms)
    assert "terms in fr were not imported" in text
    assert "left out concept 'c4' (line 110): no usable de term" in text


def test_import_tbx_v3_languages_default_to_the_file(tmp_path):
    text = import_glossary(str(TBX_DATA / "basic-v3-en-de.tbx"), "tbx", name="brakes")
    glossary = reload(tmp_path, text)  # xml:lang="en" is the target; two other languages: no source
    assert (glossary.name, glossary.language, glossary.source_language) == ("brakes", "en", None)
    assert [term.canonical for term in glossary.terms] == ["brake pad", "anti-lock braking system", "brake fluid", "caliper"]
    assert glossary.terms[1].short == ("ABS",)
    assert glossary.terms[2].note == "Hydraulic fluid of the brake system."
    assert "terms in de, fr were not imported" in text


def test_import_tbx_v2_martif_file(tmp_path):
    text = import_glossary(str(TBX_DATA / "basic-2008-en-fr.tbx"), "tbx", language="fr", name="web")
    glossary = reload(tmp_path, text)
    assert (glossary.language, glossary.source_language) == ("fr", "en-US")  # "fr" matches fr-FR
    file_, web, mail = glossary.terms
    assert (file_.id, file_.canonical, file_.source, file_.type) == ("eid-1", "fichier", ("file",), "computing")
    assert (web.canonical, web.variants, web.short, web.source) == ("toile d'araignée mondiale", ("Toile",), ("Web",), ("World Wide Web",))
    assert web.note == "Use the full form in user interfaces."
    assert (mail.canonical, mail.short, mail.forbidden, mail.source) == ("courriel", ("mél",), ("e-mail",), ())


def test_import_derives_unique_ids_and_leaves_out_what_the_format_refuses(tmp_path):
    path = write(tmp_path, "x.tbx", """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
  <conceptEntry><langSec xml:lang="de"><termSec><term>Bremse</term></termSec></langSec></conceptEntry>
  <conceptEntry id="X 1"><langSec xml:lang="de"><termSec><term>Bremse.</term></termSec>
    <termSec><term>Bremse</term></termSec><termSec><term>--</term></termSec></langSec></conceptEntry>
  <conceptEntry id="c3"><langSec xml:lang="de"><termSec><term>bremse</term></termSec></langSec></conceptEntry>
  <conceptEntry id="c4"><langSec xml:lang="de"><termSec><term>Tür</term>
    <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>
</body></text></tbx>
""")
    text = import_glossary(str(path), "tbx")
    glossary = reload(tmp_path, text)
    assert [(term.id, term.canonical, term.variants) for term in glossary.terms] == [
        ("bremse", "Bremse", ()), ("bremse-2", "Bremse.", ())]
    assert "left out variants form 'Bremse' of concept 'X 1' (line 4): a form of term 'bremse'" in text
    assert "left out term '--' of concept 'X 1' (line 4): no letter or digit" in text
    assert "left out concept 'c3' (line 6): 'bremse' is a form of term 'bremse'" in text
    assert "left out concept 'c4' (line 7): no usable de term" in text


# --- CSV written by hand ------------------------------------------------------------------------

def test_import_csv_written_in_a_spreadsheet(tmp_path):
    path = write(tmp_path, "Brakes DE.csv", "\ufeffCanonical,ID,Short,Forbidden,Comment\n"
                                           "Bremsbelag,pad,,Bremsklotz|  Klotz ,ours\n"
                                           ",,,,\n"
                                           'Antiblockiersystem,,ABS,,"two\nlines"\n')
    text = import_glossary(str(path), "csv", language="de")
    glossary = reload(tmp_path, text)
    assert glossary.name == "brakes-de" and glossary.source_language is None
    assert [(t.id, t.canonical, t.short, t.forbidden) for t in glossary.terms] == [
        ("pad", "Bremsbelag", (), ("Bremsklotz", "Klotz")), ("antiblockiersystem", "Antiblockiersystem", ("ABS",), ())]
    assert "# ignored CSV columns: comment\n" in text


def test_csv_import_needs_a_language(tmp_path):
    path = write(tmp_path, "g.csv", "id,canonical\na,Alpha\n")
    with pytest.raises(InputError, match="language"):
        import_glossary(str(path), "csv")


def test_csv_missing_required_columns(tmp_path):
    path = write(tmp_path, "g.csv", "id,term,variants\na,Alpha,\n")
    with pytest.raises(InputError) as caught:
        import_glossary(str(path), "csv", language="en")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(path), 1)
    assert "canonical" in problem.message


@pytest.mark.parametrize("row, message", [
    ("a,Alpha,loud,,", "unknown severity 'loud'"),
    ("a,Alpha,,101,", "fuzzy must be a number from 0 to 100"),
    ("a,Alpha,,,maybe", "case_sensitive must be true or false"),
    ("a,,,,", "canonical form '' needs a letter or digit"),
])
def test_csv_bad_cells_name_the_line(tmp_path, row, message):
    path = write(tmp_path, "g.csv", f"id,canonical,severity,fuzzy,case_sensitive\nb,Beta,,,\n\"c\",\"Gamma\nDelta\",,,\n{row}\n")
    with pytest.raises(InputError, match=message) as caught:
        import_glossary(str(path), "csv", language="en")
    assert (caught.value.problems[0].path, caught.value.problems[0].line) == (str(path), 5)


def test_csv_settings_are_read(tmp_path):
    path = write(tmp_path, "g.csv", "id,canonical,severity,fuzzy,case_sensitive\na,Alpha,Critical,false,yes\nb,Beta,,75,\n")
    alpha, beta = reload(tmp_path, import_glossary(str(path), "csv", language="en")).terms
    assert (alpha.severity, alpha.fuzzy, alpha.case_sensitive) == (Severity.CRITICAL, None, True)
    assert (beta.severity, beta.fuzzy, beta.case_sensitive) == (None, 75, False)


def test_bad_options(tmp_path):
    path = write(tmp_path, "g.csv", "id,canonical\na,Alpha\n")
    with pytest.raises(InputError, match="glossary name 'My Terms'"):
        import_glossary(str(path), "csv", name="My Terms", language="en")
    with pytest.raises(InputError, match="language 'english!'"):
        import_glossary(str(path), "csv", language="english!")


# --- unsafe and broken XML ----------------------------------------------------------------------

@pytest.mark.parametrize("fixture", ["billion-laughs.tbx", "xxe.tbx"])
def test_entity_declarations_are_refused(fixture):
    path = TBX_DATA / fixture
    with pytest.raises(InputError, match="entity declarations are not allowed") as caught:
        import_glossary(str(path), "tbx")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(path), 3)
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd


def test_entity_declarations_in_utf16_are_refused(tmp_path):
    text = (TBX_DATA / "xxe.tbx").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "xxe16.tbx"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(InputError, match="entity declarations are not allowed"):
        import_glossary(str(path), "tbx")


def test_external_dtd_is_not_fetched(tmp_path):
    # basic-2008-en-fr.tbx names a DTD by a relative path; no file of that name exists, and none is read
    assert not (TBX_DATA / "TBXBasiccoreStructV02.dtd").exists()
    import_glossary(str(TBX_DATA / "basic-2008-en-fr.tbx"), "tbx", language="fr")


def test_malformed_xml_names_file_and_line():
    path = TBX_DATA / "malformed.tbx"
    with pytest.raises(InputError, match="malformed XML") as caught:
        import_glossary(str(path), "tbx")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(path), 7)


def test_not_a_tbx_file(tmp_path):
    path = write(tmp_path, "x.tbx", '<?xml version="1.0"?>\n<xliff version="1.2"/>\n')
    with pytest.raises(InputError, match="not a TBX file: the root element is <xliff>"):
        import_glossary(str(path), "tbx")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        import_glossary(str(tmp_path / "nope.tbx"), "tbx")
