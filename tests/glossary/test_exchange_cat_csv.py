"""Termbases with a column per language, shaped as Phrase TMS (XLSX export, CID/concept_*/{code}/
{code}_{attribute} columns, synonyms in rows sharing a CID) and memoQ (CSV export, semicolons,
Entry_* columns, {Language}_Def, a {Language} column per term with Term_Info/Term_Example after it)
write them, imported into a version-1 glossary."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from mtcheck.errors import InputError
from mtcheck.glossary.exchange import import_glossary
from tests.cli_runs import mtcheck
from tests.glossary.test_exchange import reload

DATA = Path(__file__).parent.parent / "data" / "exchange"
PHRASE_CSV = DATA / "phrase-termbase.csv"
MEMOQ_CSV = DATA / "memoq-termbase.csv"


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
    assert disc.note == "Braking system part Scheibe am Rad"  # Entry_Note and German_Def
    assert (pad.canonical, pad.source, pad.note) == ("Bremsbelag", ("brake pad",), None)
    assert "# ignored CSV columns: Entry_ClientID, Entry_Created" in text
    assert "Term_Example, Term_Info\n" in text


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
