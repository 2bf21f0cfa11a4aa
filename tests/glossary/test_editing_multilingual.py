"""`mtcheck glossary add`, `edit`, `remove` and `init` on multilingual glossaries (format version 2):
forms go into the block of the language named with --language, never a guessed one; what a person
wrote elsewhere is kept byte for byte; every refusal is one line, exit 2, and writes nothing."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli_runs import glossary, mtcheck
from tests.glossary.test_editing import COMMENTED

NEWS = """\
# Serbia-Kosovo news, three languages.
version: 2
name: news
languages: [en, de, sr-Latn]   # the blocks' languages
source_language: sr-Latn
defaults: {severity: major}

terms:
  # --- Organisations ---
  - id: csm
    note: The body the 2013 Brussels Agreement sets up.
    forms:
      en:
        canonical: Community of Serb Municipalities   # as agreed
        short: [CSM]
        forbidden: [Union of Serbian Municipalities]
      de:
        canonical: Gemeinschaft der serbischen Gemeinden
        forbidden: [Serbischer Gemeindebund]   # seen in MT
      sr-Latn: {canonical: Zajednica srpskih opština, short: [ZSO]}

  # --- People ---
  - id: kurti
    note: The Prime Minister.
    forms:
      en: {canonical: Albin Kurti, short: [Kurti]}   # since 2021
# end of the terms
"""
LANGUAGES = "en, de, sr-Latn"


@pytest.fixture()
def news(tmp_path):
    path = tmp_path / "news.yaml"
    path.write_text(NEWS, encoding="utf-8")
    return path


def changed(path, *args) -> str:
    result = glossary(*args[:1], path, *args[1:])
    assert result.returncode == 0, result.stderr
    assert glossary("validate", path).returncode == 0
    return path.read_text(encoding="utf-8")


def refused(path, *args, before: str = NEWS) -> str:
    """The one error line of a refused change (the file left as it was), without its 'error: PATH: '."""
    result = glossary(*args[:1], path, *args[1:])
    assert result.returncode == 2 and path.read_text(encoding="utf-8") == before
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"error: {path}"), line
    return re.sub(r"^error: [^:]+(:\d+:\d+)?: ", "", line)


# --- edit: the forms of one language's block -----------------------------------------------------

def test_forms_go_into_the_english_block_and_nothing_else_changes(news):
    text = changed(news, "edit", "csm", "--language", "en", "--add-variant", "Association of Serb Municipalities",
                   "--add-forbidden", "USO", "--remove", "CSM")
    assert text == NEWS.replace(
        "        short: [CSM]\n        forbidden: [Union of Serbian Municipalities]\n",
        "        forbidden: [Union of Serbian Municipalities, USO]\n"
        "        variants: [Association of Serb Municipalities]\n")


def test_forms_go_into_the_german_block_written_with_its_comment(news):
    text = changed(news, "edit", "csm", "--language", "de", "--add-forbidden", "Serbenbund", "--add-short", "GSG")
    assert text == NEWS.replace(
        "        forbidden: [Serbischer Gemeindebund]   # seen in MT\n",
        "        forbidden: [Serbischer Gemeindebund, Serbenbund] # seen in MT\n        short: [GSG]\n")


def test_forms_go_into_an_inline_block(news):
    text = changed(news, "edit", "csm", "--language", "sr-Latn", "--add-forbidden", "Savez srpskih opština")
    assert text == NEWS.replace("{canonical: Zajednica srpskih opština, short: [ZSO]}",
                                "{canonical: Zajednica srpskih opština, short: [ZSO], forbidden: [Savez srpskih opština]}")


def test_a_language_tag_is_matched_without_regard_to_case(news):
    text = changed(news, "edit", "csm", "--language", "SR-latn", "--remove", "zso")
    assert "      sr-Latn: {canonical: Zajednica srpskih opština}\n" in text


def test_canonical_note_and_examples_with_a_language_go_into_its_block(news):
    text = changed(news, "edit", "csm", "--language", "de", "--set", "canonical=Gemeinschaft serbischer Gemeinden",
                   "--set", "note=So nennt sie die EU.", "--add-example-flag", "Der Serbischer Gemeindebund tagte.")
    assert text == NEWS.replace(
        "        canonical: Gemeinschaft der serbischen Gemeinden\n"
        "        forbidden: [Serbischer Gemeindebund]   # seen in MT\n",
        "        canonical: Gemeinschaft serbischer Gemeinden\n"
        "        forbidden: [Serbischer Gemeindebund]   # seen in MT\n"
        "        note: So nennt sie die EU.\n"
        '        examples:\n          flag: ["Der Serbischer Gemeindebund tagte."]\n')
    assert glossary("test", news).returncode == 0  # the German example is run in German


def test_term_settings_stay_with_the_term_above_its_forms(news):
    text = changed(news, "edit", "kurti", "--language", "en", "--set", "severity=critical", "--set", "fuzzy=false",
                   "--review", "common-word=a name")
    assert text == NEWS.replace(
        "    note: The Prime Minister.\n    forms:\n",
        "    note: The Prime Minister.\n    severity: critical\n    fuzzy: false\n    reviewed:\n      common-word: a name\n"
        "    forms:\n")
    german = changed(news, "edit", "kurti", "--language", "de", "--set", "severity=minor")  # no German block needed
    assert "    severity: minor\n" in german and "      de:" not in german.split("id: kurti")[1]
    plain = changed(news, "edit", "kurti", "--set", "note=", "--set", "type=person")  # no form changed: no language needed
    assert "  - id: kurti\n    severity: minor\n    fuzzy: false\n" in plain and "    type: person\n    forms:\n" in plain


def test_a_canonical_makes_the_block_of_a_language_the_term_lacks(news):
    text = changed(news, "edit", "kurti", "--language", "de", "--set", "canonical=Albin Kurti", "--add-short", "Kurti")
    assert text == NEWS.replace("      en: {canonical: Albin Kurti, short: [Kurti]}   # since 2021\n",
                                "      en: {canonical: Albin Kurti, short: [Kurti]}   # since 2021\n"
                                "      de: {canonical: Albin Kurti, short: [Kurti]}\n")


def test_a_new_language_joins_the_files_list(news):
    text = changed(news, "edit", "kurti", "--language", "fr", "--set", "canonical=Albin Kurti")
    assert text.startswith(NEWS.split("languages:")[0] + "languages: [en, de, sr-Latn, fr] # the blocks' languages\n")
    assert "      fr: {canonical: Albin Kurti}\n" in text
    assert glossary("lint", news).returncode == 0


def test_the_set_of_glossaries_reads_the_new_forms(news, tmp_path):
    """End to end: a German text checked with --language de sees the forbidden form just added."""
    article = tmp_path / "de.txt"
    article.write_text("Der Serbenbund tagte gestern in Pristina.\n", encoding="utf-8")
    before = mtcheck("check", article, "-g", news, "--language", "de", "--no-config", "-f", "json")
    assert before.returncode == 0, before.stderr
    changed(news, "edit", "csm", "--language", "de", "--add-forbidden", "Serbenbund")
    after = mtcheck("check", article, "-g", news, "--language", "de", "--no-config", "-f", "json")
    assert after.returncode == 1, after.stderr
    [found] = json.loads(after.stdout)["files"][0]["findings"]
    assert (found["rule"], found["text"], found["term"]) == ("term-forbidden", "Serbenbund", "csm")
    english = mtcheck("check", article, "-g", news, "--language", "en", "--no-config", "-f", "json")
    assert "Serbenbund" not in english.stdout.decode()  # the English block does not have it


# --- edit: refusals --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--add-forbidden", "USO"], ["--remove", "CSM"], ["--set", "canonical=CSM"], ["--add-example-pass", "The CSM met."],
])
def test_a_form_edit_without_a_language_is_refused_naming_the_files_languages(news, args):
    assert refused(news, "edit", "csm", *args) == (
        f"a multilingual glossary: name the language block to change with --language (one of {LANGUAGES})")


def test_variants_for_a_language_without_a_block_are_refused_with_a_hint(news):
    assert refused(news, "edit", "kurti", "--language", "de", "--add-variant", "Kurti Albin") == (
        "term 'kurti' has no de forms yet: give it a canonical form first (--language de --set canonical=FORM); "
        "its languages: en")


def test_source_forms_are_a_blocks_forms_in_version_2(news):
    assert refused(news, "edit", "csm", "--language", "sr-Latn", "--add-source", "ZSO").startswith(
        "a version-2 term has no source list: a source form is a form of the source language's block")


@pytest.mark.parametrize("args, message", [
    (["edit", "nobody", "--language", "de", "--add-short", "X"], "no term 'nobody' in this glossary"),
    (["remove", "nobody", "--language", "de"], "no term 'nobody' in this glossary"),
    (["edit", "csm", "--language", "de", "--remove", "Gemeindebund"], "term 'csm' has no form 'Gemeindebund'"),
    (["edit", "csm", "--language", "de", "--remove", "Gemeinschaft der serbischen Gemeinden"],
     "term 'csm': 'Gemeinschaft der serbischen Gemeinden' is its canonical form: give the term another with "
     "--set canonical=FORM (the old one is then gone; --add-variant keeps it as a variant)"),
    (["edit", "kurti", "--language", "en", "--add-forbidden", "CSM"],
     "refused: en form 'CSM' of term 'kurti' is also a form of term 'csm'"),
])
def test_unknown_terms_and_forms_and_invalid_results_are_refused(news, args, message):
    assert refused(news, *args).split(" (", 1)[0] == message.split(" (", 1)[0]


def test_a_version_1_glossary_takes_its_own_language_or_its_source_language_for_source_forms(tmp_path):
    path = tmp_path / "v1.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    assert "forbidden: [Union of Serbian Municipalities, USO, WSO]" in changed(
        path, "edit", "csm", "--language", "en", "--add-forbidden", "WSO")
    assert "source: [Zajednica srpskih opština, ZSO, Zajednica]" in changed(
        path, "edit", "csm", "--language", "sr", "--add-source", "Zajednica")
    before = path.read_text(encoding="utf-8")
    message = ("--language {}: this glossary is version 1, of one language (en, source forms in sr); "
               "'mtcheck glossary migrate' makes it multilingual")
    assert refused(path, "edit", "csm", "--language", "de", "--add-variant", "X", before=before) == message.format("de")
    assert refused(path, "edit", "csm", "--language", "sr", "--add-variant", "X", before=before) == message.format("sr")
    assert refused(path, "add", "--language", "de", "--id", "x", "--canonical", "X", before=before) == message.format("de")
    assert refused(path, "remove", "csm", "--language", "en", before=before) == (
        "--language en: a version-1 term has one language; remove the term without --language")


# --- add and remove -----------------------------------------------------------------------------

def test_add_writes_a_term_with_the_forms_of_its_language(news):
    text = changed(news, "add", "--language", "de", "--id", "eulex", "--canonical", "EULEX", "--forbidden",
                   "Eulex-Mission", "--type", "organization", "--note", "The EU's rule-of-law mission.")
    assert text == NEWS.replace("# end of the terms\n", "") + (
        "  - id: eulex\n    type: organization\n    note: The EU's rule-of-law mission.\n    forms:\n"
        "      de:\n        canonical: EULEX\n        forbidden: [Eulex-Mission]\n# end of the terms\n")


def test_add_writes_a_listed_language_as_the_list_spells_it(news):
    text = changed(news, "add", "--language", "SR-LATN", "--id", "eulex", "--canonical", "EULEKS")
    assert "    forms:\n      sr-Latn:\n        canonical: EULEKS\n" in text and "languages: [en, de, sr-Latn]" in text


def test_add_in_a_new_language_adds_it_to_the_list(news):
    text = changed(news, "add", "--language", "fr", "--id", "eulex", "--canonical", "EULEX")
    assert "languages: [en, de, sr-Latn, fr]" in text and "    forms:\n      fr:\n        canonical: EULEX\n" in text


def test_add_refuses_no_language_and_source_forms(news):
    assert refused(news, "add", "--id", "eulex", "--canonical", "EULEX") == (
        f"a multilingual glossary: name the language of the forms with --language (one of {LANGUAGES})")
    assert refused(news, "add", "--language", "en", "--id", "eulex", "--canonical", "EULEX", "--source", "EULEKS") \
        .startswith("a version-2 term has no source list")
    assert refused(news, "add", "--language", "en", "--id", "csm", "--canonical", "X") == (
        "term 'csm' exists already: use 'mtcheck glossary edit'")


def test_remove_with_a_language_takes_its_block_only(news):
    text = changed(news, "remove", "csm", "--language", "de")
    assert text == NEWS.replace("      de:\n        canonical: Gemeinschaft der serbischen Gemeinden\n"
                                "        forbidden: [Serbischer Gemeindebund]   # seen in MT\n", "")
    assert refused(news, "remove", "kurti", "--language", "en", before=text) == (
        "term 'kurti': en is its only language; remove the term without --language")
    assert refused(news, "remove", "kurti", "--language", "de", before=text) == "term 'kurti' has no de forms (its languages: en)"


def test_remove_without_a_language_takes_the_whole_term(news):
    text = changed(news, "remove", "kurti")
    assert text == NEWS.replace("  - id: kurti\n    note: The Prime Minister.\n    forms:\n"
                                "      en: {canonical: Albin Kurti, short: [Kurti]}   # since 2021\n", "")


# --- init --languages -------------------------------------------------------------------------

def test_init_languages_writes_a_valid_lint_clean_multilingual_starter(tmp_path):
    path = tmp_path / "news.yaml"
    result = glossary("init", path, "--name", "news", "--languages", "en,de", "--source-language", "sr-Latn")
    assert result.returncode == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert "\nversion: 2 " in text and "\nlanguages: [en, de, sr-Latn] " in text and "\nsource_language: sr-Latn " in text
    assert text.endswith("\nterms: []\n")
    assert glossary("validate", path).returncode == 0
    assert (glossary("lint", path).returncode, glossary("lint", path).stdout) == (0, b"")


def test_the_multilingual_starters_example_term_is_itself_valid(tmp_path):
    path = tmp_path / "news.yaml"
    assert glossary("init", path, "--name", "news", "--languages", "en,de,sr-Latn", "--source-language",
                    "sr-Latn").returncode == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#   - id: csm"))
    example = [line[2:] for line in lines[start:] if line.startswith("#  ")]
    path.write_text("\n".join(lines[:start] + ["terms:"] + example) + "\n", encoding="utf-8")
    assert glossary("validate", path).returncode == 0
    assert (glossary("lint", path).returncode, glossary("lint", path).stdout) == (0, b"")
    assert glossary("test", path).returncode == 0


def test_a_starter_filled_from_the_command_line_checks_a_german_text(tmp_path):
    path, article = tmp_path / "news.yaml", tmp_path / "de.txt"
    assert glossary("init", path, "--name", "news", "--languages", "en,de").returncode == 0
    changed(path, "add", "--language", "en", "--id", "csm", "--canonical", "Community of Serb Municipalities",
            "--note", "The body.")
    changed(path, "edit", "csm", "--language", "de", "--set", "canonical=Gemeinschaft der serbischen Gemeinden",
            "--add-forbidden", "Serbischer Gemeindebund")
    article.write_text("Ein Serbischer Gemeindebund tagte.\n", encoding="utf-8")
    result = mtcheck("check", article, "-g", path, "--language", "de", "--no-config", "-f", "json")
    assert result.returncode == 1, result.stderr
    assert [(f["rule"], f["text"]) for f in json.loads(result.stdout)["files"][0]["findings"]] == [
        ("term-forbidden", "Serbischer Gemeindebund")]


@pytest.mark.parametrize("options, message", [
    (["--languages", "en,de", "--language", "en"], None),
    (["--languages", "en,EN"], "--languages en,EN: a language is named twice"),
    (["--languages", ","], "--languages names no language: use BCP 47 tags such as 'en,de,sr-Latn'"),
    (["--languages", "en,de_DE"], "--languages 'de_DE' is not valid: use BCP 47 tags such as 'en,de,sr-Latn'"),
])
def test_init_languages_refusals_write_nothing(tmp_path, options, message):
    path = tmp_path / "news.yaml"
    result = glossary("init", path, "--name", "news", *options)
    assert result.returncode == 2 and not path.exists()
    [line] = result.stderr.decode().splitlines()
    assert line.endswith(message or "glossary init needs --language L (one language) or --languages L1,L2,... "
                                    "(multilingual), not both")
