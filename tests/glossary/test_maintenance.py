"""Keeping a glossary in shape (mtcheck/glossary/maintenance.py), through `mtcheck glossary`: validate,
test (its examples), lint, stats, and the schema."""

from __future__ import annotations

import json

import jsonschema
import yaml

from tests.cli_runs import glossary
from tests.conftest import BUNDLED_GLOSSARY, SMALL_GLOSSARY


def test_the_bundled_glossary_validates_and_its_examples_pass():
    result = glossary("validate", BUNDLED_GLOSSARY)
    assert result.returncode == 0 and result.stdout == b""
    tested = glossary("test", BUNDLED_GLOSSARY)
    assert tested.returncode == 0 and tested.stderr.decode().strip().endswith("examples passed.")


def test_validate_lists_every_problem_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nname: bad\nlanguage: en\nterms:\n  - id: a\n    canonical: Alpha\n    colour: red\n"
                   "  - id: b\n", encoding="utf-8")
    result = glossary("validate", bad)
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1 and len(lines) == 2
    assert lines[0].startswith(f"{bad}:7:5: ") and "colour" in lines[0]
    assert lines[1].startswith(f"{bad}:8:5: ") and "canonical" in lines[1]


def test_failing_examples_name_the_term_the_sentence_and_what_was_found(small_glossary_file):
    small_glossary_file.write_text(SMALL_GLOSSARY.replace(
        "    note: Name used in the 2013 Brussels Agreement.\n",
        "    note: Name used in the 2013 Brussels Agreement.\n"
        "    examples:\n"
        "      flag: [\"the USO met\", \"the CSM met\"]\n"
        "      pass: [\"the Community of Serb Municipalities met\", \"the Union of Serbian Municipalities met\"]\n"),
        encoding="utf-8")
    result = glossary("test", small_glossary_file)
    assert result.returncode == 1
    lines = small_glossary_file.read_text(encoding="utf-8").splitlines()

    def where(sentence: str) -> str:
        quoted = '"' + sentence + '"'
        number = next(i for i, line in enumerate(lines) if quoted in line)
        return f"{small_glossary_file}:{number + 1}:{lines[number].index(quoted) + 1}"

    assert result.stdout.decode().splitlines() == [
        f"{where('the CSM met')}: term 'csm': expected a finding in 'the CSM met', found none",
        f"{where('the Union of Serbian Municipalities met')}: term 'csm': expected no finding in "
        "'the Union of Serbian Municipalities met', found term-forbidden on 'Union of Serbian Municipalities'",
    ]
    assert glossary("validate", small_glossary_file).returncode == 1  # validate runs the examples too


def test_lint_names_each_risk(tmp_path):
    risky = tmp_path / "risky.yaml"
    risky.write_text("""\
version: 1
name: risky
language: en
terms:
  - id: community
    canonical: Community
    note: A form that is an everyday word.
  - id: gap-pad
    canonical: gap pad
    note: Inside the next one.
  - id: thermal-gap-pad
    canonical: thermal gap pad
  - id: zvecan
    canonical: Zvečan
    variants: [Zvecan]
    note: A variant without its diacritics.
  - id: kurti
    canonical: Albin Kurti
    note: The Prime Minister.
  - id: kurti-again
    canonical: Albin Kurtti
    note: Probably the same person.
""", encoding="utf-8")
    result = glossary("lint", risky)
    assert result.returncode == 1
    codes = [line.split(": ")[1] for line in result.stdout.decode().splitlines()]
    assert sorted(set(codes)) == ["case-only-variant", "common-word", "fuzzy-collision", "near-duplicate",
                                  "nested-form", "no-note"]
    assert glossary("lint", BUNDLED_GLOSSARY).stdout.decode().count("nested-form") == 1


def test_stats_and_schema():
    stats = json.loads(glossary("stats", BUNDLED_GLOSSARY, "--format", "json").stdout)
    [row] = stats["files"]
    assert row["terms"] == 50 and row["by_role"]["canonical"] == 50 and row["language"] == "en"
    assert row["with_examples"] >= 5
    schema = json.loads(glossary("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((BUNDLED_GLOSSARY / "kosovo-serbia.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
