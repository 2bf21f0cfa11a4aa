"""Reports for CI: SARIF and JUnit validated against their schemas, GitHub commands escaped,
Markdown inert, JSON Lines parseable, several formats in one run."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from mtcheck.reporters import render
from mtcheck.reporters.github_report import command
from mtcheck.workflow import CheckRequest, scored_run
from tests.conftest import MT_SAMPLE, ROOT, SMALL_GLOSSARY
from tests.test_cli import mtcheck

SCHEMAS = Path(__file__).parent.parent / "data" / "schemas"


@pytest.fixture(scope="module")
def sample_run():
    with contextlib.chdir(ROOT):  # relative paths, as a CI job gives them
        run = scored_run(CheckRequest(paths=["samples"], use_config=False, glossaries=["glossaries"], cache_dir=None)).run
    return run


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """An article whose findings carry characters every format must escape."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "small.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    article = folder / "a|b <c>.txt"
    article.write_text("50% of the USO, said: x,y\n<script>alert(1)</script> the Union of Serbian Municipalities\x0b.\n",
                       encoding="utf-8")
    run = scored_run(CheckRequest(paths=[str(article)], use_config=False, glossaries=[str(folder)], cache_dir=None)).run
    return run


def test_sarif_validates_and_maps_levels(sample_run):
    log = json.loads(render("sarif", sample_run))
    jsonschema.validate(log, json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in sample_run.rules]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in driver["rules"])
    results = log["runs"][0]["results"]
    assert len(results) == len(sample_run.findings) == 14
    first = next(r for r in results if r["ruleId"] == "term-misspelled")
    assert first["ruleId"] == "term-misspelled" and first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 24, 27)
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "samples/bbc-serbian-stoltenberg-belgrade.mt.txt"
    fix = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "CSM"  # an acronym for an acronym
    assert driver["rules"][first["ruleIndex"]]["id"] == "term-misspelled"


def test_sarif_levels_follow_severity(hostile_run, tmp_path):
    log = json.loads(render("sarif", hostile_run))
    levels = {r["properties"]["severity"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels["major"] == "error"
    from mtcheck.reporters.sarif_report import LEVELS
    from mtcheck.model import Severity

    assert [LEVELS[s] for s in Severity] == ["note", "warning", "error", "error"]
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "a%7Cb%20%3Cc%3E.txt")


def test_sarif_fingerprints_survive_a_line_shift(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    article = tmp_path / "a.txt"

    def fingerprints(text: str) -> list[str]:
        article.write_text(text, encoding="utf-8")
        run = scored_run(CheckRequest(paths=[str(article)], use_config=False, glossaries=[str(glossary)], cache_dir=None)).run
        return [r["partialFingerprints"]["mtcheck/v1"] for r in json.loads(render("sarif", run))["runs"][0]["results"]]

    before = fingerprints("The USO met.\nThe USO left.\n")
    after = fingerprints("A new first line.\n\nThe USO met.\nThe USO left.\n")
    assert before == after and len(set(before)) == 2


def test_junit_validates_one_suite_per_file_one_case_per_rule(sample_run):
    xml = render("junit", sample_run)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd")))
    document = etree.fromstring(xml.encode("utf-8"))
    schema.assertValid(document)
    suites = document.findall("testsuite")
    assert [s.get("name") for s in suites] == [f.path for f in sample_run.files]
    bad, = (s for s in suites if s.get("name").endswith("mt.txt"))
    clean, = (s for s in suites if s.get("name").endswith("corrected.txt"))
    assert len(bad.findall("testcase")) == len(sample_run.rules) and bad.get("failures") == "6"
    failure = bad.find("testcase[@name='term-forbidden']/failure")
    assert failure.get("message") == "4 findings" and "Serbian List" in failure.text
    assert clean.find("testcase/failure") is None and clean.get("failures") == "0"


def test_junit_holds_hostile_text(hostile_run):
    xml = render("junit", hostile_run)
    document = etree.fromstring(xml.encode("utf-8"))
    etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd"))).assertValid(document)
    assert document.find("testsuite").get("name").endswith("a|b <c>.txt")


def test_github_commands_are_escaped(hostile_run):
    lines = render("github", hostile_run).splitlines()
    assert len(lines) == len(hostile_run.findings)
    first = lines[0]
    assert first.startswith("::error file=")
    properties, _, message = first[2:].partition("::")
    assert "%3A" not in message and "," not in properties.split("title=")[1]
    finding = hostile_run.findings[0]
    from dataclasses import replace

    tricky = command(replace(finding, message="100% sure\nnext::line", path="x,y:z.txt"))
    assert tricky.endswith(f"::100%25 sure%0Anext::line [suggest: {finding.suggestion}]")
    assert "file=x%2Cy%3Az.txt," in tricky and "\n" not in tricky


def test_markdown_is_inert_and_worst_files_come_first(sample_run, hostile_run):
    text = render("markdown", sample_run)
    rows = [line for line in text.splitlines() if line.startswith("| samples/")]
    assert rows[0].startswith("| samples/bbc-serbian-stoltenberg-belgrade.mt.txt | 1,645 | 14 | 59.88 | ❌ fail")
    assert "| csm | Community of Serb Municipalities |" in text and "<details>" in text
    hostile = render("markdown", hostile_run)
    assert "<script>" not in hostile and "<c>" not in hostile and "a\\|b &lt;c&gt;.txt" in hostile


def test_jsonl_one_finding_per_line(sample_run):
    lines = render("jsonl", sample_run).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 14 and records[0]["path"].endswith("mt.txt") and records[0]["rule"] == "term-misspelled"


def test_several_formats_in_one_run(tmp_path):
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    result = mtcheck("check", MT_SAMPLE, "-f", "text", "-f", f"sarif:{sarif}", "--format", f"junit:{junit}")
    assert result.returncode == 1 and result.stdout.decode().startswith(str(MT_SAMPLE))
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == 14
    assert etree.parse(str(junit)).getroot().tag == "testsuites"


@pytest.mark.parametrize("args, message", [
    (("-f", "json", "-f", "sarif"), "several formats for one output"),
    (("-f", "yaml"), "unknown format 'yaml'"),
    (("-f", "sarif:{out}", "-f", "json:{out}"), "same file"),
    (("-f", "sarif:{out}", "-o", "{out}"), "--output needs a plain --format"),
])
def test_conflicting_formats_are_usage_errors(tmp_path, args, message):
    out = str(tmp_path / "out")
    result = mtcheck("check", MT_SAMPLE, *[a.format(out=out) for a in args])
    assert result.returncode == 2 and message in result.stderr.decode()
    assert not Path(out).exists()
