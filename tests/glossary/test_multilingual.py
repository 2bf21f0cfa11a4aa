"""Glossary format version 2: terms with forms per language, located errors, the projection onto
one language pair, the schema, and migrate from version 1."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import pytest

from mtcheck import load_glossaries
from mtcheck.errors import GlossaryError
from mtcheck.glossary.concepts import in_language, matching_language, termbase_schema
from mtcheck.glossary.loader import glossary_schema
from mtcheck.yamlnodes import load_located
from tests.cli_runs import glossary, mtcheck
from tests.conftest import BUNDLED_GLOSSARY as BUNDLED, SAMPLES

BUNDLED_GLOSSARY = BUNDLED / "kosovo-serbia.yaml"

NEWS = textwrap.dedent("""\
    # Serbia-Kosovo news, three languages
    version: 2
    name: news
    languages: [en, de, sr-Latn]
    source_language: sr-Latn
    defaults: {severity: major}
    terms:
      - id: csm
        type: organization
        note: The body the 2013 Brussels Agreement sets up.
        forms:
          en:
            canonical: Community of Serb Municipalities
            short: [CSM]
            forbidden: [Union of Serbian Municipalities]
            examples: {flag: [the Union of Serbian Municipalities met]}
          de:
            canonical: Gemeinschaft der serbischen Gemeinden
            forbidden: [Serbischer Gemeindebund]
            note: So nennt sie die EU.
          sr-Latn:
            canonical: Zajednica srpskih opština
            short: [ZSO]
            forbidden: [Savez srpskih opština]
      - id: kosovo
        forms:
          en: {canonical: Kosovo}
          sr-Latn: {canonical: Kosovo, variants: [Kosova]}
    """)


def write(tmp_path, text: str, name: str = "news.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path, text: str) -> list[str]:
    path = write(tmp_path, text, "g.yaml")
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([path])
    return [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def test_loads_as_its_first_target_language(tmp_path):
    [news] = load_glossaries([write(tmp_path, NEWS)])
    assert (news.language, news.source_language, news.languages) == ("en", "sr-Latn", ("en", "de", "sr-Latn"))
    csm = news.terms[0]
    assert csm.canonical == "Community of Serb Municipalities" and csm.forbidden == ("Union of Serbian Municipalities",)
    assert csm.source == ("Zajednica srpskih opština", "ZSO", "Savez srpskih opština")
    assert csm.severity.label == "major" and csm.note == "The body the 2013 Brussels Agreement sets up."


def test_projection_takes_the_target_block_and_the_source_block(tmp_path):
    [news] = load_glossaries([write(tmp_path, NEWS)])
    german = news.termbase.project("de-DE", "en")
    [csm] = german.terms  # kosovo has no German forms: not in the German projection
    assert german.language == "de-DE" and german.source_language == "en"
    assert (csm.canonical, csm.forbidden) == ("Gemeinschaft der serbischen Gemeinden", ("Serbischer Gemeindebund",))
    assert csm.source == ("Community of Serb Municipalities", "CSM", "Union of Serbian Municipalities")
    assert csm.note == "So nennt sie die EU."  # the language's own note before the term's


def test_a_form_written_alike_in_both_languages_is_no_source_form(tmp_path):
    [news] = load_glossaries([write(tmp_path, NEWS)])
    kosovo = news.termbase.project("en").terms[1]
    assert kosovo.source == ("Kosova",)  # "Kosovo" is English too: never "untranslated"


def test_language_matching():
    languages = ("en-US", "de", "sr-Latn", "sr-Cyrl")
    assert matching_language("de-AT", languages) == "de"
    assert matching_language("en-GB", languages) == "en-US"  # same primary language, no script
    assert matching_language("sr@latin", languages) == "sr-Latn"
    assert matching_language("sr-Cyrl-RS", languages) == "sr-Cyrl"
    assert matching_language("fr", languages) is None


def test_version_1_glossaries_apply_to_their_own_language_only(tmp_path):
    v1 = write(tmp_path, "version: 1\nname: g\nlanguage: de\nterms:\n  - {id: eu, canonical: Europäische Union}\n", "de.yaml")
    loaded = load_glossaries([write(tmp_path, NEWS), v1])
    assert [g.name for g in in_language(loaded, "de")] == ["news", "g"]
    assert [g.name for g in in_language(loaded, "en")] == ["news"]
    assert in_language(loaded, "fr") == []


@pytest.mark.parametrize("text, expected", [
    (NEWS.replace("languages: [en, de, sr-Latn]", "languages: [en, de]"),
     "g.yaml:21:7: term 'csm': language 'sr-Latn' is not among the glossary's languages (en, de)"),
    (NEWS.replace("forbidden: [Serbischer Gemeindebund]", "forbidden: [Gemeinschaft der serbischen Gemeinden]"),
     "g.yaml:19:21: term 'csm' (de): form 'Gemeinschaft der serbischen Gemeinden' is both canonical and forbidden"),
    (NEWS.replace("variants: [Kosova]", "variants: [ZSO]"),
     "g.yaml:28:47: sr-Latn form 'ZSO' of term 'kosovo' is also a form of term 'csm'"),
    (NEWS.replace("source_language: sr-Latn", "source_language: fr"),
     "g.yaml:5:18: source_language 'fr' is none of the glossary's languages (en, de, sr-Latn)"),
    (NEWS.replace("- id: kosovo", "- id: csm"),
     "g.yaml:25:9: duplicate term id 'csm' (first defined at g.yaml:8:9)"),
    (NEWS.replace("      de:\n", "      de-!:\n"),
     "g.yaml:17:7: terms[0].forms: 'de-!' does not match ^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"),
    (NEWS.replace("        canonical: Gemeinschaft der serbischen Gemeinden\n", ""),
     "g.yaml:18:9: missing required key 'canonical' in terms[0].forms.de"),
    (NEWS.replace("canonical: Kosovo}", "canonical: Kosovo, forbiden: [Kosova]}"),
     "g.yaml:27:31: unknown key 'forbiden' in terms[1].forms.en (did you mean 'forbidden'?)"),
])
def test_problems_are_located(tmp_path, text, expected):
    assert expected in problems(tmp_path, text)


def test_the_schemas_validate_both_versions(tmp_path):
    v2 = load_located(NEWS, "news.yaml")[0].data
    v1 = load_located(BUNDLED_GLOSSARY.read_text("utf-8"), "g.yaml")[0].data
    jsonschema.Draft202012Validator(termbase_schema()).validate(v2)
    jsonschema.Draft202012Validator(glossary_schema()).validate(v1)
    printed = glossary("schema", "--version", "2")
    assert printed.returncode == 0 and json.loads(printed.stdout)["properties"]["version"] == {
        "const": 2, "description": "Format version 2: each term holds its forms per language."}
    assert json.loads(glossary("schema").stdout) == glossary_schema()  # version 1 by default, as before
    either = jsonschema.Draft202012Validator(json.loads(glossary("schema", "--version", "both").stdout))
    assert not list(either.iter_errors(v1)) and not list(either.iter_errors(v2))
    v2["terms"][0]["forms"]["en"]["forbiden"] = ["x"]
    v1["terms"][0]["forms"] = {}
    assert len(list(either.iter_errors(v2))) == 1 and len(list(either.iter_errors(v1))) == 1


def test_validate_runs_each_languages_examples(tmp_path):
    path = write(tmp_path, NEWS)
    assert glossary("validate", path).returncode == 0
    broken = NEWS.replace("        note: So nennt sie die EU.\n",
                          "        note: So nennt sie die EU.\n        examples: {pass: [Ein Serbischer Gemeindebund tagt]}\n")
    result = glossary("validate", write(tmp_path, broken, "broken.yaml"))
    assert result.returncode == 1
    assert b"broken.yaml:21:27: term 'csm': expected no finding in 'Ein Serbischer Gemeindebund tagt'" in result.stdout


def test_migrate_keeps_comments_and_finds_what_version_1_found(tmp_path):
    migrated = tmp_path / "v2.yaml"
    result = glossary("migrate", BUNDLED_GLOSSARY, "-o", migrated)
    assert result.returncode == 0, result.stderr
    text = migrated.read_text("utf-8")
    assert text.startswith("# mtcheck glossary: Serbia–Kosovo news (English target, Serbian source)\n")
    assert "  # Organizations and institutions\n" in text and "version: 2\n" in text and "languages: [en, sr]\n" in text
    [before], [after] = load_glossaries([BUNDLED_GLOSSARY]), load_glossaries([migrated])
    assert before.terms == after.terms and after.languages == ("en", "sr")
    article = SAMPLES / "bbc-serbian-stoltenberg-belgrade.mt.txt"
    reports = [mtcheck("check", "--no-config", "-g", path, article, "-f", "json").stdout for path in (BUNDLED_GLOSSARY, migrated)]
    findings = [json.loads(report)["files"][0]["findings"] for report in reports]
    assert findings[0] == findings[1] and len(findings[0]) > 5


def test_migrate_refuses_to_overwrite(tmp_path):
    path = write(tmp_path, BUNDLED_GLOSSARY.read_text("utf-8"), "g.yaml")
    taken = write(tmp_path, "keep me", "taken.yaml")
    assert glossary("migrate", path).returncode == 2
    assert glossary("migrate", path, "-o", taken).returncode == 2 and taken.read_text() == "keep me"
    assert glossary("migrate", path, "--force").returncode == 0
    assert load_glossaries([path])[0].languages == ("en", "sr")
    assert b"already a glossary of version 2" in glossary("migrate", path, "--force").stderr


def test_tools_locate_a_term_by_its_place_in_the_file_not_in_a_language(tmp_path):
    # "lista" has no English forms: the English view's second term is the file's third
    text = NEWS.replace("  - id: kosovo\n", "  - id: lista\n    forms:\n      sr-Latn: {canonical: Srpska lista}\n"
                                           "  - id: kosovo\n").replace(
        "en: {canonical: Kosovo}", "en: {canonical: Kosovo, examples: {flag: [Nothing to see]}}")
    path = write(tmp_path, text)
    result = glossary("validate", path)
    assert result.stdout.decode().splitlines() == [
        f"{path}:30:49: term 'kosovo': expected a finding in 'Nothing to see', found none"]
    linted = glossary("lint", path).stdout.decode()
    assert f"{path}:28:5: no-note: term 'kosovo'" in linted  # in English, and again in Serbian: said once
    assert linted.count("no-note: term 'kosovo'") == 1


def test_a_term_records_what_lint_need_not_say_again_and_exchange_keeps_it(tmp_path):
    text = NEWS.replace("  - id: kosovo\n", "  - id: kosovo\n    reviewed: {no-note: 'The name says it all.'}\n")
    path = write(tmp_path, text)
    linted = glossary("lint", path).stdout.decode()
    assert "no-note" not in linted and "common-word: term 'kosovo'" in linted  # reviewed for no-note only
    [news] = load_glossaries([path])
    assert news.terms[1].reviewed == (("no-note", "The name says it all."),)
    for to in ("tbx", "csv"):
        exported, back = tmp_path / f"news.{to}", tmp_path / f"back-{to}.yaml"
        assert glossary("export", path, "-o", exported).returncode == 0
        assert glossary("import", "--multilingual", exported, "-o", back).returncode == 0
        assert load_glossaries([back])[0].termbase.concepts[1].reviewed == (("no-note", "The name says it all."),)


def test_a_form_another_file_has_in_the_same_language_is_an_error(tmp_path):
    news = write(tmp_path, NEWS)
    german = write(tmp_path, "version: 1\nname: de\nlanguage: de\nterms:\n"
                             "  - {id: gsg, canonical: Gemeinschaft der serbischen Gemeinden}\n", "de.yaml")
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([german, news])
    assert [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems] == [
        "news.yaml:18:20: de form 'Gemeinschaft der serbischen Gemeinden' of term 'csm' is also a form of term "
        "'gsg' (de.yaml)"]
    english = write(tmp_path, "version: 1\nname: en\nlanguage: en\nterms:\n  - {id: kosova, canonical: Kosova}\n", "en.yaml")
    loaded = load_glossaries([english, news])  # another language's form (Serbian "Kosova") is no claim in English
    [_, projected] = in_language(loaded, "en")
    assert projected.terms[1].source == ()  # and not an untranslated word where English writes it


def test_the_readme_example_is_a_valid_glossary(tmp_path):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Glossary format, version 2"):]
    example = section[section.index("```yaml\n") + 8:section.index("```\n", section.index("```yaml\n") + 8)]
    [balkans] = load_glossaries([write(tmp_path, example, "balkans.yaml")])
    assert balkans.languages == ("en", "de", "sr-Latn") and [t.id for t in balkans.termbase.project("de").terms] == ["csm"]
    assert glossary("validate", tmp_path / "balkans.yaml").returncode == 0  # its examples pass


def test_the_maintenance_commands_work_on_version_2_or_refuse(tmp_path):
    path = write(tmp_path, NEWS)
    changed = write(tmp_path, NEWS.replace("forbidden: [Serbischer Gemeindebund]",
                                           "forbidden: [Serbischer Gemeindebund, Serbenbund]"), "changed.yaml")
    assert "+ forms.de.forbidden: 'Serbenbund'" in glossary("diff", path, changed).stdout.decode()
    assert glossary("edit", path, "kosovo", "--set", "severity=minor").returncode == 0
    assert load_glossaries([path])[0].terms[1].severity.label == "minor"
    before = path.read_text("utf-8")
    refused = glossary("add", path, "--id", "eu", "--canonical", "European Union")  # version 1's shape: refused
    assert refused.returncode == 2 and path.read_text("utf-8") == before
    assert glossary("remove", path, "kosovo").returncode == 0 and [t.id for t in load_glossaries([path])[0].terms] == ["csm"]


def test_stats_count_the_terms_of_each_language(tmp_path):
    result = glossary("stats", write(tmp_path, NEWS), "--format", "json")
    [row] = json.loads(result.stdout)["files"]
    assert (row["terms"], row["language"], row["languages"]) == (2, "en", {"en": 2, "de": 1, "sr-Latn": 2})


def test_a_glossary_with_no_language_is_a_problem_not_a_crash(tmp_path):
    assert problems(tmp_path, "version: 2\nname: empty\nterms: []\n") == [
        "g.yaml:1:1: no language: list the glossary's languages in 'languages'"]
