"""One multilingual glossary (version 2) for every target language: a TBX termbase with English,
German and Serbian forms imported into one file, which checks texts in each language (--language,
the config's language, or the target language a translation file declares, several in one run)
and exports back to TBX, CSV and XLSX without loss."""

from __future__ import annotations

import json

import pytest

from mtcheck import load_glossaries
from tests.cli_runs import glossary, mtcheck
from tests.conftest import ROOT

TBX = ROOT / "tests" / "data" / "multilingual" / "en-de-sr.tbx"
TEXTS = {  # a forbidden form of the concept "zso" in each language
    "en": ("Members of the Union of Serbian Municipalities met in Mitrovica.", "Union of Serbian Municipalities"),
    "de": ("Ein Serbischer Gemeindebund wurde nie gegründet.", "Serbischer Gemeindebund"),
    "sr-Latn": ("Savez srpskih opština nikada nije osnovan.", "Savez srpskih opština"),
}
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="fr" target-language="{language}" datatype="plaintext" original="story.txt">
    <body>
      <trans-unit id="1"><source>La communauté ne fut jamais fondée.</source><target state="translated">{text}</target></trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.fixture
def termbase(tmp_path):
    path = tmp_path / "news.yaml"
    result = glossary("import", "--multilingual", TBX, "-o", path)
    assert result.returncode == 0, result.stderr
    return path


def findings(*args) -> list[dict]:
    """The glossary's findings (not those of the rules that find a sentence in another language)."""
    result = mtcheck("check", "--no-config", *args, "-f", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    return [f for file in json.loads(result.stdout)["files"] for f in file["findings"] if f["term"]]


def test_the_import_keeps_every_language_in_one_file(termbase):
    [news] = load_glossaries([termbase])
    assert news.languages == ("en", "de", "sr-Latn") and news.language == "en"
    zso = news.termbase.concepts[0]
    assert [forms.forbidden for forms in zso.forms] == [
        ("Union of Serbian Municipalities",), ("Serbischer Gemeindebund",), ("Savez srpskih opština",)]
    assert zso.in_language("en").short == ("CSM",) and zso.type == "organisation"
    assert zso.in_language("de").note == "So nennen sie die EU-Texte."


@pytest.mark.parametrize("language", TEXTS)
def test_each_language_is_checked_with_its_own_forms(termbase, tmp_path, language):
    text, forbidden = TEXTS[language]
    path = tmp_path / f"story.{language}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    found = findings("-g", termbase, path, "--language", language)
    assert [(f["rule"], f["term"], f["text"]) for f in found] == [("term-forbidden", "zso", forbidden)]


def test_a_text_in_another_language_than_the_one_named_is_not_judged_by_its_forms(termbase, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXTS["de"][0] + "\n", encoding="utf-8")
    assert findings("-g", termbase, path, "--language", "en") == []


def test_a_term_without_forms_in_a_language_is_absent_in_it(termbase, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Die KFOR und die Kosovo Force patrouillieren im Norden.\n", encoding="utf-8")
    assert findings("-g", termbase, path, "--language", "de") == []
    assert [f["term"] for f in findings("-g", termbase, path, "--language", "en")] == ["kfor"]  # mixed forms


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_translation_files_are_checked_in_the_languages_they_declare_in_one_run(termbase, tmp_path, jobs):
    folder = tmp_path / "stories"
    folder.mkdir()
    for language, (text, _) in TEXTS.items():
        (folder / f"story.{language}.xlf").write_text(XLIFF.format(language=language, text=text), encoding="utf-8")
    (folder / "story.fr.xlf").write_text(XLIFF.format(language="fr", text="Rien."), encoding="utf-8")
    result = mtcheck("check", "--no-config", "-g", termbase, folder, "-f", "json", "--fail-on", "never", "-j", jobs)
    report = json.loads(result.stdout)
    by_file = {file["path"].rsplit("/", 1)[1]: [(f["rule"], f["text"]) for f in file["findings"]] for file in report["files"]}
    assert list(by_file) == ["story.de.xlf", "story.en.xlf", "story.sr-Latn.xlf"]  # path order
    assert by_file == {f"story.{language}.xlf": [("term-forbidden", forbidden)] for language, (_, forbidden) in TEXTS.items()}
    assert b"story.fr.xlf: a translation into 'fr', not the glossary's language 'en', skipped" in result.stderr


def test_the_config_names_the_language_and_the_cache_keeps_an_index_per_language(termbase, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXTS["de"][0] + " " + TEXTS["en"][0] + "\n", encoding="utf-8")
    (tmp_path / "mtcheck.yaml").write_text(f"glossaries: [{termbase.name}]\nlanguage: de\n", encoding="utf-8")
    cache = ["--cache-dir", tmp_path / "cache"]
    for language, forbidden in (("de", "Serbischer Gemeindebund"), ("en", "Union of Serbian Municipalities")):
        for _ in range(2):  # compiled, then from the cache
            args = ["--language", language] if language != "de" else []
            result = mtcheck("check", path, *args, *cache, "-f", "json", cwd=tmp_path, cache=True)
            found = [f["text"] for file in json.loads(result.stdout)["files"] for f in file["findings"] if f["term"]]
            assert found == [forbidden], (language, result.stderr)


def test_a_language_no_glossary_has_is_an_error(termbase, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Rien.\n", encoding="utf-8")
    result = mtcheck("check", "--no-config", "-g", termbase, path, "--language", "fr")
    assert result.returncode == 2 and b"no glossary has forms in 'fr' (they have: en, de, sr-Latn)" in result.stderr
    assert b"not a BCP 47 language tag" in mtcheck("check", "--no-config", "-g", termbase, path, "--language", "d e").stderr


@pytest.mark.parametrize("to", ["tbx", "csv", "xlsx"])
def test_export_imports_back_and_exports_the_same_bytes(termbase, tmp_path, to):
    exported, again = tmp_path / f"news.{to}", tmp_path / f"again.{to}"
    reimported = tmp_path / "reimported.yaml"
    assert glossary("export", termbase, "-o", exported).returncode == 0
    assert glossary("import", "--multilingual", exported, "-o", reimported, "--name", "western-balkans-newsroom-termbase").returncode == 0
    assert glossary("export", reimported, "-o", again).returncode == 0
    assert exported.read_bytes() == again.read_bytes()
    [before], [after] = load_glossaries([termbase]), load_glossaries([reimported])
    assert before.termbase.concepts == after.termbase.concepts and before.languages == after.languages


def test_the_csv_has_a_column_per_language_and_kind(termbase, tmp_path):
    exported = tmp_path / "news.csv"
    glossary("export", termbase, "-o", exported)
    header = exported.read_text("utf-8").splitlines()[0].split(",")
    assert header[:9] == ["id", "type", "note", "severity", "fuzzy", "case_sensitive", "morphology", "reviewed", "en"]
    assert {"en_forbidden", "de", "de_variants", "de_forbidden", "sr-Latn", "sr-Latn_short", "sr-Latn_note"} <= set(header)


def test_the_one_language_import_stays_available(termbase, tmp_path):
    german = tmp_path / "de.yaml"
    assert glossary("import", TBX, "--language", "de", "--source-language", "en", "-o", german).returncode == 0
    [one] = load_glossaries([german])
    assert one.language == "de" and one.terms[0].forbidden == ("Serbischer Gemeindebund",)


def test_the_source_language_a_file_declares_gives_the_source_forms(termbase, tmp_path):
    xliff = XLIFF.replace('source-language="fr"', 'source-language="en"').format(
        language="de", text="Die Community of Serb Municipalities tagte.")
    path = tmp_path / "story.de.xlf"
    path.write_text(xliff, encoding="utf-8")
    for extra in ([], ["--source-language", "sr-Latn"]):  # declared, it wins over the option
        found = findings("-g", termbase, path, *extra)
        assert [(f["rule"], f["text"]) for f in found] == [("term-untranslated", "Community of Serb Municipalities")]
    path.write_text(xliff.replace('source-language="en"', 'source-language="fr"'), encoding="utf-8")
    assert findings("-g", termbase, path, "--source-language", "en") == []  # French has no forms here


def test_fix_and_score_take_the_language_too(termbase, tmp_path):
    english, german = tmp_path / "story.en.txt", tmp_path / "story.de.txt"
    english.write_text(TEXTS["en"][0] + "\n", encoding="utf-8")
    german.write_text(TEXTS["de"][0] + "\n", encoding="utf-8")
    fixed = mtcheck("fix", "--no-config", "-g", termbase, english, "--language", "en")
    assert fixed.returncode == 1 and b"+Members of the Community of Serb Municipalities met" in fixed.stdout
    scored = mtcheck("score", german, "--check", "--no-config", "-g", termbase, "--language", "de", "-f", "json")
    assert json.loads(scored.stdout)["quality"]["findings"] == {"term-forbidden": 1}
