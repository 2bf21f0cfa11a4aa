"""`mtcheck glossary`: validate, test, lint, stats, schema, add, edit."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
import yaml

from tests.conftest import BUNDLED_GLOSSARY, SMALL_GLOSSARY
from tests.cli_runs import mtcheck


def glossary(*args):
    return mtcheck("glossary", *args)


@pytest.fixture()
def small(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    return path


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


def test_failing_examples_name_the_term_the_sentence_and_what_was_found(small):
    small.write_text(SMALL_GLOSSARY.replace(
        "    note: Name used in the 2013 Brussels Agreement.\n",
        "    note: Name used in the 2013 Brussels Agreement.\n"
        "    examples:\n"
        "      flag: [\"the USO met\", \"the CSM met\"]\n"
        "      pass: [\"the Community of Serb Municipalities met\", \"the Union of Serbian Municipalities met\"]\n"),
        encoding="utf-8")
    result = glossary("test", small)
    assert result.returncode == 1
    lines = small.read_text(encoding="utf-8").splitlines()

    def where(sentence: str) -> str:
        quoted = '"' + sentence + '"'
        number = next(i for i, line in enumerate(lines) if quoted in line)
        return f"{small}:{number + 1}:{lines[number].index(quoted) + 1}"

    assert result.stdout.decode().splitlines() == [
        f"{where('the CSM met')}: term 'csm': expected a finding in 'the CSM met', found none",
        f"{where('the Union of Serbian Municipalities met')}: term 'csm': expected no finding in "
        "'the Union of Serbian Municipalities met', found term-forbidden on 'Union of Serbian Municipalities'",
    ]
    assert glossary("validate", small).returncode == 1  # validate runs the examples too


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


def test_add_and_edit_keep_comments_and_order(tmp_path):
    path = tmp_path / "g.yaml"
    shutil.copy(BUNDLED_GLOSSARY / "kosovo-serbia.yaml", path)
    before = path.read_text(encoding="utf-8")
    added = glossary("add", path, "--id", "kaja-kallas-2", "--canonical", "Kaja Kallas Junior", "--forbidden",
                     "Kaya Kalas Junior", "--note", "A test entry.")
    assert added.returncode == 0, added.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before):] == (
        "  - id: kaja-kallas-2\n    canonical: Kaja Kallas Junior\n    forbidden: [Kaya Kalas Junior]\n"
        "    note: A test entry.\n")
    edited = glossary("edit", path, "csm", "--add-forbidden", "WSO", "--set-note", "Shorter note.")
    assert edited.returncode == 0, edited.stderr
    text = path.read_text(encoding="utf-8")
    assert "    forbidden: [Union of Serbian Municipalities, USO, WSO]\n" in text and 'note: "Shorter note."' in text
    assert text.count("#") == before.count("#")  # every comment kept
    assert glossary("validate", path).returncode == 0


def test_invalid_changes_are_refused_and_nothing_is_written(small):
    before = small.read_bytes()
    taken = glossary("add", small, "--id", "kurti", "--canonical", "Someone Else")
    assert taken.returncode == 2 and "exists already" in taken.stderr.decode()
    clash = glossary("edit", small, "kurti", "--add-forbidden", "Albin Kurti")
    assert clash.returncode == 2 and "refused" in clash.stderr.decode()
    bad_id = glossary("add", small, "--id", "Bad Id", "--canonical", "X")
    assert bad_id.returncode == 2 and "refused" in bad_id.stderr.decode()
    assert small.read_bytes() == before


@pytest.mark.parametrize("to", ["csv", "tbx"])
def test_export_then_import_through_the_cli(tmp_path, to):
    exported = tmp_path / f"g.{to}"
    assert glossary("export", BUNDLED_GLOSSARY, "--to", to, "-o", exported).returncode == 0
    imported = tmp_path / "g.yaml"
    result = glossary("import", exported, "--from", to, "-o", imported, "--name", "kosovo-serbia", "--language", "en",
                      "--source-language", "sr")
    assert result.returncode == 0, result.stderr
    from mtcheck import load_glossaries

    [before], [after] = load_glossaries([BUNDLED_GLOSSARY]), load_glossaries([imported])
    keep = ("id", "canonical", "variants", "short", "forbidden", "source", "type", "note", "severity", "fuzzy",
            "case_sensitive")
    assert [[getattr(t, k) for k in keep] for t in before.terms] == [[getattr(t, k) for k in keep] for t in after.terms]
    assert glossary("import", exported, "--from", "xlsx", "-o", imported).returncode == 2


def test_suggest_writes_a_draft_that_validates(tmp_path):
    from tests.conftest import SAMPLES

    draft = tmp_path / "draft.yaml"
    result = glossary("suggest", SAMPLES, "-o", draft)
    assert result.returncode == 0 and "draft terms" in result.stderr.decode()
    text = draft.read_text(encoding="utf-8")
    assert 'canonical: "Albin Kurti"' in text and '"Aljbin Kurti"' in text and "# " in text
    assert glossary("validate", draft).returncode == 0
    covered = glossary("suggest", SAMPLES, "-g", BUNDLED_GLOSSARY, "-o", draft)
    assert covered.returncode == 0 and "Kurti" not in draft.read_text(encoding="utf-8")
