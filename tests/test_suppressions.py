"""Inline suppressions and baselines: intended findings silenced, only new defects reported."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SMALL_GLOSSARY
from tests.cli_runs import mtcheck


@pytest.fixture()
def glossary(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    return path


def check_json(*args) -> dict:
    result = mtcheck("check", *args, "-f", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def lines_and_rules(report) -> list[tuple[int, str]]:
    return [(f["line"], f["rule"]) for file in report["files"] for f in file["findings"]]


def test_a_directive_silences_its_rules_on_the_next_line_only(tmp_path, glossary):
    article = tmp_path / "a.md"
    article.write_text(
        "The USO met.\n"
        "<!-- mtcheck: ignore term-forbidden -->\n"
        "The USO left, said Aljbin Kurti.\n"
        "The USO stayed.\n"
        "  # mtcheck: ignore\r\n"
        "The USO and Aljbin Kurti.\n"
        "The text says mtcheck: ignore term-forbidden in passing; the USO is still found.\n",
        encoding="utf-8")
    report = check_json(article, "-g", glossary)
    assert lines_and_rules(report) == [(1, "term-forbidden"), (3, "term-misspelled"), (4, "term-forbidden"),
                                       (7, "term-forbidden")]
    assert report["summary"]["suppressed"] == {"total": 3, "by_rule": {"term-forbidden": 2, "term-misspelled": 1}}
    assert report["files"][0]["suppressed"] == {"term-forbidden": 2, "term-misspelled": 1}


def test_ignore_file(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_text("mtcheck: ignore-file term-forbidden\nThe USO met Aljbin Kurti.\n", encoding="utf-8")
    assert lines_and_rules(check_json(article, "-g", glossary)) == [(2, "term-misspelled")]
    article.write_text("<!-- mtcheck: ignore-file -->\nThe USO met Aljbin Kurti.\n", encoding="utf-8")
    report = check_json(article, "-g", glossary)
    assert lines_and_rules(report) == [] and report["summary"]["suppressed"]["total"] == 2


def test_directives_work_across_segments_of_a_streamed_file(tmp_path, glossary):
    from mtcheck import load_glossaries
    from mtcheck.documents import StreamedDocument
    from mtcheck.engine import Checker

    article = tmp_path / "long.txt"
    filler = "Nothing to see here at all.\n\n" * 40
    article.write_text(filler + "mtcheck: ignore\nThe USO met.\n\n" + filler + "The USO left.\n", encoding="utf-8")
    checker = Checker(load_glossaries([str(glossary)]))
    streamed = checker.check_document(StreamedDocument(str(article), segment_chars=300))
    whole = checker.check_document(StreamedDocument(str(article)))
    assert streamed == whole and [f.line for f in whole.findings] == [164] and whole.suppressed == {"term-forbidden": 1}


def test_a_baseline_reports_only_new_findings_after_lines_move(tmp_path, glossary):
    article = tmp_path / "a.txt"
    baseline = tmp_path / "baseline.json"
    article.write_text("The USO met Aljbin Kurti.\nThe Union of Serbian Municipalities too.\n", encoding="utf-8")
    first = mtcheck("check", article, "-g", glossary, "--write-baseline", baseline)
    assert first.returncode == 0  # recording a baseline is a success, findings or not
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert sorted(e["text"] for e in entries) == ["Aljbin Kurti", "USO", "Union of Serbian Municipalities"]

    article.write_text("A new opening line.\n\nThe USO met Aljbin Kurti.\nThe Union of Serbian Municipalities too.\n",
                       encoding="utf-8")
    unchanged = mtcheck("check", article, "-g", glossary, "--baseline", baseline, "-f", "json")
    assert unchanged.returncode == 0
    report = json.loads(unchanged.stdout)
    assert report["summary"]["findings"] == 0 and report["summary"]["baselined"] == 3

    article.write_text(article.read_text(encoding="utf-8") + "And Aljbina Kurti.\n", encoding="utf-8")
    new = mtcheck("check", article, "-g", glossary, "--baseline", baseline, "-f", "json")
    assert new.returncode == 1
    assert [f["text"] for f in json.loads(new.stdout)["files"][0]["findings"]] == ["Aljbina Kurti"]


def test_a_broken_baseline_is_a_usage_error(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_text("The USO met.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": [\n  {"fingerprint": "x"', encoding="utf-8")
    result = mtcheck("check", article, "-g", glossary, "--baseline", baseline)
    assert result.returncode == 2 and result.stderr.decode().startswith(f"error: {baseline}:2:")
    result = mtcheck("check", article, "-g", glossary, "--baseline", tmp_path / "missing.json")
    assert result.returncode == 2 and "no such file" in result.stderr.decode()
