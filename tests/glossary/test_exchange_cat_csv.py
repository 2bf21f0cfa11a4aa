"""Termbases with a column per language, shaped as Phrase TMS (XLSX export, CID/concept_*/{code}/
{code}_{attribute} columns, synonyms in rows sharing a CID) and memoQ (CSV export, semicolons,
Entry_* columns, {Language}_Def, a {Language} column per term with Term_Info/Term_Example after it)
write them, imported into a version-1 glossary, and glossaries exported in those shapes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mtcheck.errors import GlossaryError, InputError
from mtcheck.glossary.exchange import export_glossaries, import_glossary
from mtcheck.glossary.loader import load_glossaries
from tests.cli_runs import mtcheck
from tests.conftest import SMALL_GLOSSARY
from tests.glossary.test_exchange import reload

DATA = Path(__file__).parent.parent / "data" / "exchange"
PHRASE_CSV = DATA / "phrase-termbase.csv"
MEMOQ_CSV = DATA / "memoq-termbase.csv"
MEMOQ_TERM_INFO = DATA / "memoq-term-info.csv"


def phrase_workbook(folder: Path) -> Path:
    """The Phrase file as Phrase TMS exports it: an XLSX sheet whose flags are TRUE/FALSE cells."""
    workbook = Workbook()
    with open(PHRASE_CSV, newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            workbook.active.append([{"TRUE": True, "FALSE": False}.get(cell, cell or None) for cell in row])
    path = folder / "phrase-termbase.xlsx"
    workbook.save(path)
    return path


@pytest.fixture(params=["csv", "xlsx"])
def phrase_file(request, tmp_path) -> tuple[Path, str]:
    return (PHRASE_CSV if request.param == "csv" else phrase_workbook(tmp_path)), request.param


def test_phrase_target_column_gives_canonical_variants_and_forbidden_forms(phrase_file, tmp_path):
    path, kind = phrase_file
    glossary = reload(tmp_path, import_glossary(str(path), kind, language="en", source_language="sr-Latn"))
    assert (glossary.name, glossary.language, glossary.source_language) == ("phrase-termbase", "en", "sr-Latn")
    csm, kfor = glossary.terms
    assert csm.id == "c1"  # rows sharing a CID are one concept
    assert csm.canonical == "Community of Serb Municipalities"  # the preferred term
    assert csm.variants == ("Association of Serb Municipalities",)
    assert csm.forbidden == ("Union of Serb Municipalities",)  # en_forbidden TRUE
    assert csm.source == ("Zajednica srpskih opština", "ZSO")
    assert (csm.type, csm.note, csm.case_sensitive) == ("Politics", "Body of Serb-majority municipalities in Kosovo", False)
    assert (kfor.canonical, kfor.case_sensitive, kfor.note, kfor.type) == ("KFOR", True, "NATO-led force", "Security")


def test_the_other_language_can_be_the_target(tmp_path):
    glossary = reload(tmp_path, import_glossary(str(PHRASE_CSV), "csv", language="sr-Latn"))
    csm, _ = glossary.terms
    assert (glossary.language, glossary.source_language) == ("sr-Latn", "en")  # the only other column
    assert (csm.canonical, csm.variants) == ("Zajednica srpskih opština", ("ZSO",))
    assert csm.source == ("Community of Serb Municipalities", "Association of Serb Municipalities",
                          "Union of Serb Municipalities")


def test_memoq_csv_with_language_names_and_repeated_term_columns(tmp_path):
    text = import_glossary(str(MEMOQ_CSV), "csv", language="de")  # German, by its code
    glossary = reload(tmp_path, text)
    assert (glossary.language, glossary.source_language) == ("de", "en")
    disc, pad = glossary.terms
    assert (disc.id, disc.canonical, disc.variants, disc.source) == ("1", "Bremsscheibe", ("Bremsrotor",), ("brake disc",))
    assert disc.type == "Automotive"  # Entry_Subject
    assert disc.note == "Braking system part. Scheibe am Rad"  # Entry_Note and German_Def, one sentence each
    assert (pad.canonical, pad.source, pad.note) == ("Bremsbelag", ("brake pad",), None)
    assert "# ignored CSV columns: Entry_ClientID, Entry_Created" in text
    assert "Entry_ProjectID, Term_Example\n" in text  # Term_Info is read, Term_Example is not
    assert "not interpreted" not in text  # every Term_Info of the file is empty


def test_memoq_term_info_marking_a_term_forbidden(tmp_path):
    """The columns as memoQ's documentation lists them; the Term_Info values are the plainest
    reading only, since the documentation seen does not show its coding."""
    glossary = reload(tmp_path, import_glossary(str(MEMOQ_TERM_INFO), "csv", language="de"))
    disc, pad = glossary.terms
    assert (disc.canonical, disc.forbidden, disc.source) == ("Bremsscheibe", ("Scheibenbremse",), ("brake disc",))
    assert (pad.canonical, pad.forbidden) == ("Bremsbelag", ("Bremsklotz",))


def test_a_term_info_value_not_understood_is_named_and_changes_nothing(tmp_path):
    path = tmp_path / "tb.csv"
    path.write_text("Entry_ID;English;Term_Info;German;Term_Info\n1;brake;;Bremse;|x|notforbidden\n", encoding="utf-8")
    text = import_glossary(str(path), "csv", language="de")
    [term] = reload(tmp_path, text).terms
    assert (term.canonical, term.forbidden) == ("Bremse", ())
    assert "# Term_Info values not interpreted (only a 'forbidden' part is read" in text
    assert "'|x|notforbidden'" in text


@pytest.mark.parametrize("flag", ["de_caseSensitive", "de_Case sensitive", "de_case"])
def test_phrase_case_flag_in_any_spelling_that_names_it(flag, tmp_path):
    path = tmp_path / "tb.csv"
    path.write_text(f"Concept ID,en,de,{flag},de_Forbidden\nc1,ABS,ABS,TRUE,FALSE\nc1,,Blockierverhinderer,FALSE,TRUE\n", encoding="utf-8")
    [term] = reload(tmp_path, import_glossary(str(path), "csv", language="de")).terms
    assert (term.id, term.canonical, term.case_sensitive, term.forbidden) == ("c1", "ABS", True, ("Blockierverhinderer",))


def test_a_forbidden_status_or_flag_never_becomes_canonical(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("en,en_status,de,de_forbidden,de,de_forbidden\n"
                    "brake,preferred,Bremse,yes,Stopper,no\n"
                    "clutch,,Kupplung,FALSE,,\n"
                    "gone,,Alt,TRUE,,\n", encoding="utf-8")
    text = import_glossary(str(path), "csv", language="de")
    glossary = reload(tmp_path, text)
    brake, clutch = glossary.terms
    assert (brake.canonical, brake.forbidden, brake.source) == ("Stopper", ("Bremse",), ("brake",))
    assert clutch.canonical == "Kupplung"
    assert "left out the concept at line 4: no de term that is not forbidden" in text


def test_several_languages_need_the_language_option(tmp_path):
    with pytest.raises(InputError, match=r"phrase-termbase\.csv:1: the columns hold en, sr-latn: give the target language"):
        import_glossary(str(PHRASE_CSV), "csv")
    with pytest.raises(InputError, match="no column holds language fr"):
        import_glossary(str(PHRASE_CSV), "csv", language="fr")


def test_command_line_import_of_a_memoq_file(tmp_path):
    out = tmp_path / "brakes.yaml"
    result = mtcheck("glossary", "import", MEMOQ_CSV, "--language", "de", "--name", "brakes", "-o", out, text=True)
    assert result.returncode == 0, result.stderr
    assert "name: brakes\nlanguage: de\nsource_language: en\n" in out.read_text(encoding="utf-8")
    result = mtcheck("glossary", "import", MEMOQ_CSV, "-o", tmp_path / "x.yaml", text=True)
    assert result.returncode == 2 and "give the target language option" in result.stderr
    assert result.stderr.count("\n") == 1


# --- export in the CAT tools' shapes --------------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "small.yaml"
    path.write_text(SMALL_GLOSSARY.replace("canonical: KFOR", "canonical: KFOR\n    case_sensitive: true"), encoding="utf-8")
    return load_glossaries([path])[0]


def _exported(glossary, folder: Path, to: str, columns: str) -> Path:
    path = folder / f"{columns}.{to}"
    data = export_glossaries([glossary], to, columns)
    path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize("to", ["csv", "xlsx"])
def test_phrase_shape_round_trip_keeps_forms_type_note_and_case(small, to, tmp_path):
    path = _exported(small, tmp_path, to, "phrase")
    imported = reload(tmp_path, import_glossary(str(path), to, language="en"))
    assert (imported.language, imported.source_language) == ("en", "sr")  # the only other column
    assert [term.id for term in imported.terms] == [term.id for term in small.terms]
    for new, old in zip(imported.terms, small.terms):
        assert new.canonical == old.canonical
        assert new.variants == old.variants + old.short  # Phrase has no short forms: synonyms
        assert (new.forbidden, new.source) == (old.forbidden, old.source)
        assert (new.type, new.note, new.case_sensitive) == (old.type, old.note, old.case_sensitive)


def test_phrase_shape_columns_and_rows(small, tmp_path):
    rows = list(csv.reader(_exported(small, tmp_path, "csv", "phrase").open(encoding="utf-8", newline="")))
    assert rows[0] == ["CID", "concept_domain", "concept_note", "sr", "en", "en_preferred", "en_forbidden",
                       "en_caseSensitive"]
    assert rows[1] == ["csm", "", "Name used in the 2013 Brussels Agreement.", "Zajednica srpskih opština",
                       "Community of Serb Municipalities", "TRUE", "FALSE", "FALSE"]
    assert [row[4:7] for row in rows[2:6]] == [["Association of Serb Municipalities", "FALSE", "FALSE"],
                                               ["CSM", "FALSE", "FALSE"],
                                               ["Union of Serbian Municipalities", "FALSE", "TRUE"],
                                               ["USO", "FALSE", "TRUE"]]


def test_phrase_workbook_flags_are_boolean_cells(small, tmp_path):
    sheet = load_workbook(_exported(small, tmp_path, "xlsx", "phrase")).active
    assert [cell.value for cell in sheet[2]][5:8] == [True, False, False]


@pytest.mark.parametrize("to", ["csv", "xlsx"])
def test_memoq_shape_round_trip_keeps_forms_and_puts_forbidden_forms_in_the_note(small, to, tmp_path):
    path = _exported(small, tmp_path, to, "memoq")
    imported = reload(tmp_path, import_glossary(str(path), to, language="en"))
    assert (imported.language, imported.source_language) == ("en", "sr")
    for new, old in zip(imported.terms, small.terms, strict=True):
        assert (new.id, new.canonical, new.variants, new.source) == (old.id, old.canonical, old.variants + old.short, old.source)
        assert new.forbidden == ()  # memoQ's forbidden mark is not documented: not written as terms
    csm = imported.terms[0]
    assert csm.note == "Name used in the 2013 Brussels Agreement. Forbidden: Union of Serbian Municipalities; USO"


def test_memoq_shape_is_the_documented_column_order_with_semicolons(small, tmp_path):
    lines = _exported(small, tmp_path, "csv", "memoq").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(";")
    assert header[:10] == ["Entry_ID", "Entry_Subject", "Entry_Domain", "Entry_ClientID", "Entry_ProjectID",
                           "Entry_Created", "Entry_Creator", "Entry_LastModified", "Entry_Modifier", "Entry_Note"]
    assert header[10:14] == ["Serbian_Def", "Serbian", "Term_Info", "Term_Example"]
    assert header.count("English") == 3  # csm: canonical, a variant and a short form
    assert header[header.index("English_Def") + 1:header.index("English_Def") + 4] == ["English", "Term_Info", "Term_Example"]


def test_termbase_shapes_refuse_what_they_cannot_hold(small, tmp_path):
    with pytest.raises(InputError, match="--columns phrase shapes a csv or xlsx export, not tbx"):
        export_glossaries([small], "tbx", "phrase")
    with pytest.raises(InputError, match="unknown --columns 'trados'"):
        export_glossaries([small], "csv", "trados")
    path = tmp_path / "nosource.yaml"
    path.write_text("version: 1\nname: n\nlanguage: en\nterms:\n  - {id: a, canonical: Alpha, source: [Alfa]}\n",
                    encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"nosource\.yaml: term 'a' has source forms, but the glossary names no source_language"):
        export_glossaries(load_glossaries([path]), "csv", "memoq")


def test_command_line_export_in_memoq_shape(small_glossary_file, tmp_path):
    out = tmp_path / "tb.csv"
    result = mtcheck("glossary", "export", small_glossary_file, "--columns", "memoq", "-o", out, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ("Wrote 2 forbidden forms into Entry_Note, not as terms: memoQ's forbidden mark "
                             "(Term_Info) is not documented.\n")
    assert out.read_text(encoding="utf-8").startswith("Entry_ID;Entry_Subject;")
    result = mtcheck("glossary", "export", small_glossary_file, "--columns", "memoq", "--to", "json", text=True)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "--columns memoq shapes a csv or xlsx export, not json" in result.stderr
