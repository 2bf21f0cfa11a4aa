"""Bad and odd input: each case handled the way a CI job needs (issue 8's table, in progress)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from mtcheck.documents import EXAMINE_WHOLE_UP_TO, examination_segments
from mtcheck.model import Document
from mtcheck.rules import RULES
from mtcheck.scoring.weights import PRESETS
from tests.conftest import BUNDLED_GLOSSARY, CORRECTED_SAMPLE, MT_SAMPLE, SMALL_GLOSSARY
from tests.cli_runs import mtcheck


def test_utf16_with_a_bom_is_read_and_fixed_in_its_own_encoding(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        article = tmp_path / f"{codec}.txt"
        article.write_bytes(bom + "The USO met\r\nAljbin Kurti.\r\n".encode(codec))
        report = json.loads(mtcheck("check", article, "-g", glossary, "-f", "json").stdout)
        assert [(f["line"], f["column"], f["text"]) for f in report["files"][0]["findings"]] == [
            (1, 5, "USO"), (2, 1, "Aljbin Kurti")]
        assert mtcheck("fix", "--no-cache", article, "-g", glossary, "--write").returncode == 0
        assert article.read_bytes() == bom + "The CSM met\r\nAlbin Kurti.\r\n".encode(codec)


def test_a_binary_file_among_texts_is_skipped_with_a_warning(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The USO met.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = mtcheck("check", folder, "-g", glossary, "-f", "json")
    assert result.returncode == 1  # a.txt's major finding
    assert result.stderr.decode() == f"warning: {folder / 'b.txt'}: looks binary (NUL byte at offset 8), skipped\n"
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(folder / "a.txt")]
    assert report["summary"]["skipped"] == [{"path": str(folder / "b.txt"), "reason": "looks binary (NUL byte at offset 8)"}]


def test_fix_writes_through_links_inside_the_tree_and_refuses_links_leading_out(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("The USO met.\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "real.txt").write_text("The USO left.\n", encoding="utf-8")
    (tree / "inside-link.txt").symlink_to(tree / "real.txt")
    assert mtcheck("fix", "--no-cache", tree / "inside-link.txt", "-g", glossary, "--write").returncode == 0
    assert (tree / "inside-link.txt").is_symlink() and (tree / "real.txt").read_text() == "The CSM left.\n"

    (tree / "escape.txt").symlink_to(outside)
    result = mtcheck("fix", "--no-cache", tree, "-g", glossary, "--write")
    assert result.returncode == 2 and "outside the checked tree" in result.stderr.decode()
    assert outside.read_text(encoding="utf-8") == "The USO met.\n"


HEADER = "version: 1\nname: g\nlanguage: en\n"
BAD_GLOSSARIES = {  # the README's bad-input table: file content -> the start of the one error line
    "tab-indent.yaml": (HEADER + "terms:\n\t- id: a\n", ":5:1: YAML syntax error"),
    "duplicate-key.yaml": (HEADER + "name: h\nterms: []\n", ":4:1: duplicate key 'name'"),
    "not-a-mapping.yaml": ("[1, 2]\n", ":1:1: a glossary must be a YAML mapping"),
    "python-tag.yaml": (HEADER + "terms: !!python/object/apply:os.system [\"touch pwned\"]\n",
                        ":4:8: tag 'tag:yaml.org,2002:python/object/apply:os.system' refused"),
    "blank-form.yaml": (HEADER + "terms:\n  - id: a\n    canonical: \"   \"\n", ":6:16: terms[0].canonical: '   ' is not"),
    "empty-form.yaml": (HEADER + "terms:\n  - id: a\n    canonical: \"\"\n", ":6:16: terms[0].canonical: '' is not"),
    "alias-bomb.yaml": ("a: &a [" + ",".join(["x"] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(6)),
        ":1:8: document expands to more than 1,000,000 nodes"),
}


@pytest.mark.parametrize("name", sorted(BAD_GLOSSARIES))
def test_bad_glossaries_give_their_error_exit_2_and_write_nothing(tmp_path, name):
    content, expected = BAD_GLOSSARIES[name]
    glossary = tmp_path / name
    glossary.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The USO met.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", name, "-f", "json", "-o", "out.json", cwd=tmp_path)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and lines[0].startswith(f"error: {name}{expected}"), lines
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "pwned").exists()
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "error: mtcheck: --scheduler needs --engine dask"),
    (["-f", "json", "-f", "sarif"], "error: mtcheck: several formats for one output"),
    (["--source", "a.txt", "a.txt"], "error: mtcheck: --source pairs one source file with one target file"),
])
def test_conflicting_flags_are_usage_errors(tmp_path, args, message):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The USO met.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", glossary, *args, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.decode().startswith(message)


def test_an_empty_file_is_fine(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    report = json.loads(mtcheck("check", "empty.txt", "-g", glossary, "-f", "json", cwd=tmp_path).stdout)
    assert report["files"][0]["words"] == 0 and report["files"][0]["findings"] == []
    assert report["files"][0]["score"]["score"] == 100


def test_encoding_chooses_how_texts_are_decoded(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    article = tmp_path / "cp1250.txt"
    article.write_bytes("The USO met in Zvečan.\n".encode("cp1250"))
    refused = mtcheck("check", article, "-g", glossary)
    assert refused.returncode == 2 and refused.stderr.decode() == f"error: {article}:1:19: not valid UTF-8 (byte offset 18)\n"
    report = json.loads(mtcheck("check", article, "-g", glossary, "--encoding", "cp1250", "-f", "json").stdout)
    assert [f["text"] for f in report["files"][0]["findings"]] == ["USO"]
    unknown = mtcheck("check", article, "-g", glossary, "--encoding", "klingon")
    assert unknown.returncode == 2 and unknown.stderr.decode() == "error: mtcheck: unknown encoding 'klingon'\n"


# The JSON report contract as a JSON Schema, shipped in the package ----------------------------


def report_schema() -> dict:
    return json.loads(resources.files("mtcheck.reporters").joinpath("json_report.schema.json").read_text("utf-8"))


def closed(schema):
    """The schema with unknown fields refused wherever it lists fields: the shipped schema lets
    reports gain fields, this copy checks that it describes every field mtcheck writes today."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: closed(value) for key, value in schema.items()}
    if "properties" in schema and "additionalProperties" not in schema:
        result["additionalProperties"] = False
    return result


def schema_errors(report: dict, schema: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]


def test_the_report_schema_is_valid_and_names_every_rule_and_scoring_model():
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["$defs"]["rule"]["enum"]) == set(RULES)
    assert set(schema["$defs"]["score"]["properties"]["model"]["enum"]) == set(PRESETS)
    kinds = {"$defs": schema["$defs"], "properties": {"mqm": {"$ref": "#/$defs/mqm"}, "category": {"$ref": "#/$defs/category"}}}
    for rule in RULES.values():
        assert schema_errors({"mqm": rule.mqm, "category": rule.category}, kinds) == [], rule.id


@pytest.mark.parametrize("sample", [MT_SAMPLE, CORRECTED_SAMPLE], ids=["mt", "corrected"])
def test_the_sample_report_follows_the_schema_field_for_field(sample):
    result = mtcheck("check", sample, "-f", "json")
    report = json.loads(result.stdout)
    assert result.returncode in (0, 1) and report["summary"]["files"] == 1
    assert schema_errors(report, closed(report_schema())) == []


def test_a_report_with_every_optional_field_follows_the_schema(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "suppressed.txt").write_text("The USO met.\nmtcheck: ignore term-forbidden\nThe USO left.\n", encoding="utf-8")
    (tmp_path / "baselined.txt").write_text("The USO met.\n", encoding="utf-8")
    assert mtcheck("check", "baselined.txt", "-g", glossary, "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    (tmp_path / "pairs.csv").write_text("id,source,target\nu1,Zajednica srpskih opština,The ZSO met.\n", encoding="utf-8")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "binary.txt").write_bytes(b"\x00\x01\x02PNG" + bytes(range(256)))  # skipped in a folder
    result = mtcheck("check", "suppressed.txt", "baselined.txt", "pairs.csv", "images", "-g", glossary,
                     "--baseline", "base.json", "-f", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    files = {file["path"]: file for file in report["files"]}
    assert files["suppressed.txt"]["suppressed"] == {"term-forbidden": 1}
    assert files["baselined.txt"]["baselined"] == 1
    assert {(f["segment"], f["unit"]) for f in files["pairs.csv"]["findings"]} == {(0, "u1")}
    assert report["summary"]["skipped"] == [{"path": "images/binary.txt", "reason": "looks binary (NUL byte at offset 0)"}]
    assert schema_errors(report, closed(report_schema())) == []


def test_the_schema_refuses_reports_that_break_the_contract():
    report = json.loads(mtcheck("check", MT_SAMPLE, "-f", "json").stdout)
    finding = report["files"][0]["findings"][0]
    broken = [dict(finding, severity="fatal"), dict(finding, rule="no-such-rule"), dict(finding, offset=-1),
              {key: value for key, value in finding.items() if key != "suggestion"}, dict(finding, line="4")]
    for bad in broken:
        report["files"][0]["findings"][0] = bad
        assert schema_errors(report, report_schema()), bad


# Catastrophic and invalid regular expressions in the config -----------------------------------


def mtcheck_bounded(*args, cwd, seconds: int = 120):
    """The CLI in a subprocess, killed (failing the test) if it runs away: a hang guard, not a timing test."""
    command = [sys.executable, "-m", "mtcheck", *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, timeout=seconds, env={**os.environ, "NO_COLOR": "1"})


def write_pattern_config(folder, pattern: str):
    config = folder / "mtcheck.yaml"
    config.write_text(f"rules:\n  artifact:\n    patterns: [{json.dumps(pattern)}]\n", encoding="utf-8")
    return config


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|a)+$"])  # the issue's, and one exponential on any engine
def test_a_catastrophic_boilerplate_pattern_stops_with_a_config_error(tmp_path, pattern):
    (tmp_path / "a.txt").write_text("a" * 5000 + "b\n", encoding="utf-8")
    write_pattern_config(tmp_path, pattern)
    result = mtcheck_bounded("check", "--no-cache", "a.txt", "-g", BUNDLED_GLOSSARY, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode() == (f"error: a.txt: rules.artifact.patterns: {pattern!r} took over 2 s on this text "
                                      "(catastrophic backtracking?): make the pattern simpler\n")


def test_an_invalid_boilerplate_pattern_is_a_one_line_config_error(tmp_path):
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    write_pattern_config(tmp_path, "Follow (us")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--config", "mtcheck.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode() == ("error: mtcheck.yaml:3:16: rules.artifact.patterns: not a regular expression: "
                                      "missing ) at position 10\n")


# Size -------------------------------------------------------------------------------------------


SYLLABLES = [onset + vowel for onset in "b d g k l m n p r s t v z br dr gr kr tr".split() for vowel in "aeiou"]


def invented_name(number: int) -> str:
    """A distinct name-like word per number below 90**3, never an English word ("Babadix")."""
    a, b, c = number // 8100 % 90, number // 90 % 90, number % 90
    return (SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c] + "x").capitalize()


def write_big_glossary(path, terms: int) -> None:
    lines = ["version: 1", "name: big", "language: en", "terms:"]
    for number in range(terms):
        name = invented_name(number)
        lines += [f"  - id: t{number}", f"    canonical: {name} Institute", f"    forbidden: [{name} Bureau]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# The README's figures for a glossary of 20,000 terms were measured by hand. What they rest on
# holds at a tenth of the size: loading, schema validation and building the index take time in
# proportion to the terms (profiled: no step compares terms pairwise), and nothing has a limit on
# their number short of the YAML reader's 1,000,000 nodes (20,000 terms make 100,000). 2,000 terms,
# with the first, one in the middle and the last found, take the same paths in a tenth of the time.
def test_a_glossary_of_2000_terms_validates_and_checks(tmp_path):
    write_big_glossary(tmp_path / "big.yaml", 2_000)
    validated = mtcheck("glossary", "validate", "big.yaml", cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr
    first, middle, last = invented_name(7), invented_name(1_234), invented_name(1_999)
    (tmp_path / "a.txt").write_text(f"The {first} Institute met the {middle} Bureau and the {last} Institute.\n"
                                    f"The {first} Institue said so.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", "big.yaml", "-f", "json", cwd=tmp_path)
    found = [(f["rule"], f["text"], f["term"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert result.returncode == 1
    assert found == [("term-forbidden", f"{middle} Bureau", "t1234"), ("term-misspelled", f"{first} Institue", "t7")]


# The README's 10 MB line (-j 1: 7.7 s) was measured by hand. A line just over EXAMINE_WHOLE_UP_TO
# characters goes the same way at a fifth of the size: it is cut into pieces of at most SEGMENT_CHARS
# (three here, ten for 10 MB), between words as it has no paragraph or line break, and the findings
# at its two ends keep their offsets across the cuts.
def test_a_line_too_long_to_examine_whole_is_checked(tmp_path):
    sentence = "The CSM met in Zvečan and the EU agreed. "
    line = "The USO came. " + sentence * (EXAMINE_WHOLE_UP_TO // len(sentence)) + "The USO left."
    assert len(list(examination_segments(Document("line.txt", line)))) == 3
    (tmp_path / "line.txt").write_text(line + "\n", encoding="utf-8")
    result = mtcheck("check", "line.txt", "-g", "g.yaml", "-j", "1", "-f", "json", cwd=_with_small_glossary(tmp_path))
    found = [(f["rule"], f["offset"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert result.returncode == 1 and found == [("term-forbidden", 4), ("term-forbidden", len(line) - 9)]


def _with_small_glossary(folder):
    (folder / "g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    return folder
