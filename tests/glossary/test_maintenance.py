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


def test_the_bundled_glossary_lints_clean_its_one_nested_form_reviewed():
    result = glossary("lint", BUNDLED_GLOSSARY)
    assert (result.returncode, result.stdout) == (0, b"")
    shown = glossary("lint", BUNDLED_GLOSSARY, "--show-reviewed")
    [line] = shown.stdout.decode().splitlines()
    assert shown.returncode == 0 and ": nested-form: term 'kosovo-and-metohija': " in line
    assert line.endswith("[reviewed: Kosovo and Metohija is the Serbian official name, a term of its own; 'Office for "
                         "Kosovo and Metohija' is a separate term (office-for-kosovo), and the longer match wins inside it.]")


REVIEWED = """\
version: 1
name: pads
language: en
terms:
  - id: gap-pad
    canonical: gap pad
    reviewed: {nested-form: "A product of its own; the thermal one is another."}
  - id: thermal-gap-pad
    canonical: thermal gap pad
    note: The product line.
  - id: kurti
    canonical: Albin Kurti
    note: The Prime Minister.
  - id: kurti-street
    canonical: Albin Kurti Street
    note: A street.
"""


def lint_lines(path, *options) -> tuple[int, list[str]]:
    result = glossary("lint", path, *options)
    return result.returncode, [line.split(": ", 1)[1] for line in result.stdout.decode().splitlines()]


def test_a_review_silences_its_code_for_its_term_only(tmp_path):
    path = tmp_path / "pads.yaml"
    path.write_text(REVIEWED, encoding="utf-8")
    assert lint_lines(path) == (1, [
        "no-note: term 'gap-pad' has no note saying why its canonical form is canonical",
        "nested-form: term 'kurti': form 'Albin Kurti' is inside 'Albin Kurti Street' of term 'kurti-street'; "
        "the longer match wins"])
    assert lint_lines(path, "--show-reviewed")[1][0] == (
        "nested-form: term 'gap-pad': form 'gap pad' is inside 'thermal gap pad' of term 'thermal-gap-pad'; the longer "
        "match wins [reviewed: A product of its own; the thermal one is another.]")


def test_lint_ignores_the_codes_asked_and_refuses_unknown_ones(tmp_path):
    path = tmp_path / "pads.yaml"
    path.write_text(REVIEWED, encoding="utf-8")
    assert lint_lines(path, "--ignore", "no-note") == (1, [
        "nested-form: term 'kurti': form 'Albin Kurti' is inside 'Albin Kurti Street' of term 'kurti-street'; "
        "the longer match wins"])
    assert lint_lines(path, "--ignore", "no-note,nested-form") == (0, [])
    assert lint_lines(path, "--ignore", "no-note", "--ignore", "nested-form") == (0, [])
    unknown = glossary("lint", path, "--ignore", "nested")
    assert unknown.returncode == 2 and unknown.stderr.decode() == (
        "error: mtcheck: unknown lint code 'nested' (choose from fuzzy-collision, common-word, case-only-variant, "
        "no-note, near-duplicate, nested-form)\n")


def test_a_review_names_a_known_code_and_gives_a_reason(tmp_path):
    path = tmp_path / "pads.yaml"
    path.write_text(REVIEWED.replace("{nested-form: ", "{nested: ").replace("    note: A street.\n",
                                                                          "    reviewed: {no-note: \" \"}\n"),
                    encoding="utf-8")
    result = glossary("validate", path)
    assert result.returncode == 1 and result.stdout.decode().splitlines() == [
        f"{path}:7:16: unknown key 'nested' in terms[0].reviewed (did you mean 'nested-form'?)",
        f"{path}:16:25: terms[3].reviewed.no-note: no reason given: say why the entry is right",
    ]


def test_every_lint_code_is_documented_and_reviewable():
    from mtcheck.glossary.maintenance import LINT_CODES
    from tests.conftest import ROOT

    schema = json.loads(glossary("schema").stdout)
    assert list(schema["$defs"]["term"]["properties"]["reviewed"]["properties"]) == list(LINT_CODES)
    helped = glossary("lint", "--help").stdout.decode()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in LINT_CODES:
        assert f"{code}:" in helped and f"| `{code}` |" in readme, code


def test_stats_and_schema():
    stats = json.loads(glossary("stats", BUNDLED_GLOSSARY, "--format", "json").stdout)
    [row] = stats["files"]
    assert row["terms"] == 50 and row["by_role"]["canonical"] == 50 and row["language"] == "en"
    assert row["with_examples"] >= 5
    schema = json.loads(glossary("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((BUNDLED_GLOSSARY / "kosovo-serbia.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
