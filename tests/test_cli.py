"""The command line as a CI job sees it: exit codes, formats, stdin, config, one-line errors.

Run in this process (tests/cli_runs.py) except where the process itself is under test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runs import index_cache, mtcheck  # re-exported: several test files import it from tests.test_cli
from tests.conftest import BUNDLED_GLOSSARY, CORRECTED_SAMPLE, MT_SAMPLE, ROOT, SMALL_GLOSSARY


def test_exit_1_on_major_findings_and_0_on_clean_text():
    bad = mtcheck("check", MT_SAMPLE)
    assert bad.returncode == 1, bad.stderr
    first = bad.stdout.decode().splitlines()[0]
    assert first.startswith(f"{MT_SAMPLE}:1:24: major term-misspelled (Terminology/Inconsistent with terminology "
                            "resource) 'WSO'")
    assert mtcheck("check", CORRECTED_SAMPLE).returncode == 0


def test_a_run_ends_and_leaves_no_worker_process_behind(tmp_path):
    """The console script ends a completed run without tearing its objects down; its workers must be
    gone by then: one left waiting for work would hold the output pipe open, and this would time out."""
    cache = tmp_path / "cache"
    env = {**os.environ, **index_cache(cache, BUNDLED_GLOSSARY)}  # the index is not the subject: not compiled twice
    for launcher in ([sys.executable, "-m", "mtcheck"], [str(Path(sys.executable).with_name("mtcheck"))]):
        if not os.path.exists(launcher[0]):
            continue
        shutil.rmtree(cache / "results", ignore_errors=True)  # the files' results, which would leave the workers idle
        run = subprocess.run([*launcher, "check", "--verbose", "--jobs", "2", "-f", "json", "-g", str(BUNDLED_GLOSSARY),
                              str(MT_SAMPLE), str(CORRECTED_SAMPLE)], capture_output=True, timeout=60, cwd=ROOT, env=env)
        assert run.returncode == 1, run.stderr
        assert [f["path"] for f in json.loads(run.stdout)["files"]] == [str(MT_SAMPLE), str(CORRECTED_SAMPLE)]
        assert "from the cache" in run.stderr.decode() and "2 examined by up to 2 worker processes" in run.stderr.decode()



def test_a_check_of_one_article_with_the_index_cached_imports_only_what_it_uses(tmp_path):
    """Start-up time counts for one article (issue 18): a run that compiles no index, compares no
    translation file, configures no pattern and has one file to check needs no worker pool, no regex
    module, no number reader, no fixer, no wordfreq, YAML or JSON Schema, and no web stack (`review`'s)."""
    unused = ["concurrent.futures.process", "jsonschema", "mtcheck.fixer", "mtcheck.numerals", "regex", "statistics",
              "wordfreq", "yaml", "mtcheck.review", "starlette", "uvicorn"]
    code = ("import sys\nfrom mtcheck.entry import main\n"
            f"sys.argv = ['mtcheck', 'check', '-g', {str(BUNDLED_GLOSSARY)!r}, {str(MT_SAMPLE)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('imported:', [name for name in {unused!r} if name in sys.modules], file=sys.stderr)\n")
    env = {**os.environ, **index_cache(tmp_path / "cache", BUNDLED_GLOSSARY)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert run.returncode == 0 and run.stderr.splitlines()[-1] == "imported: []", run.stderr


def test_an_error_is_one_line_where_click_is_not_installed(tmp_path):
    """typer 0.28 carries its own click, so `pip install mtcheck` brings no `click` package: the last
    words of an error must not import it (they did, and every error became a traceback)."""
    (tmp_path / "a.docx").write_text("x", encoding="utf-8")
    code = ("import sys\nsys.modules['click'] = None  # as in an environment without it\n"
            "from mtcheck.entry import main\n"
            f"sys.argv = ['mtcheck', 'check', '--no-cache', {str(tmp_path / 'a.docx')!r}]\n"
            "main()\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("error: ") and "Traceback" not in run.stderr and len(run.stderr.splitlines()) == 1


def test_fail_on_threshold(small_glossary_file, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Kurti spoke. Corti left. Kurti left.")
    assert mtcheck("check", text, "-g", small_glossary_file).returncode == 0  # minor only
    assert mtcheck("check", text, "-g", small_glossary_file, "--fail-on", "minor").returncode == 1
    assert mtcheck("check", MT_SAMPLE, "--fail-on", "never").returncode == 0
    assert mtcheck("check", MT_SAMPLE, "--fail-on", "critical").returncode == 0


def test_json_output_follows_the_contract(tmp_path):
    out = tmp_path / "report.json"
    result = mtcheck("check", MT_SAMPLE, "--format", "json", "--output", out)
    assert result.returncode == 1 and result.stdout == b""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["version"] == 1 and set(report) == {"version", "files", "summary"}
    [file] = report["files"]
    assert file["path"] == str(MT_SAMPLE) and file["words"] > 1500
    text = MT_SAMPLE.read_text(encoding="utf-8")
    keys = {"rule", "category", "severity", "line", "column", "end_line", "end_column", "offset", "length",
            "text", "term", "suggestion", "message"}
    optional = {"mqm"}
    for finding in file["findings"]:
        assert keys <= set(finding) <= keys | optional
        assert text[finding["offset"]:finding["offset"] + finding["length"]] == finding["text"]
        assert finding["mqm"].split("/")[0].lower() == finding["category"]
    summary = report["summary"]
    assert summary["files"] == 1 and summary["findings"] == len(file["findings"])
    assert sum(summary["by_severity"].values()) == sum(summary["by_rule"].values()) == summary["findings"]


def test_output_is_deterministic():
    first = mtcheck("check", MT_SAMPLE, "--format", "json").stdout
    assert first == mtcheck("check", MT_SAMPLE, "--format", "json").stdout


def test_stdin_and_bom(small_glossary_file):
    result = mtcheck("check", "-", "-g", small_glossary_file, "--format", "json", stdin="\ufeffthe USO met".encode())
    report = json.loads(result.stdout)
    [finding] = report["files"][0]["findings"]
    assert report["files"][0]["path"] == "<stdin>" and (finding["offset"], finding["text"]) == (4, "USO")


def test_folders_recurse_into_txt_and_md(tmp_path, small_glossary_file):
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text("the USO")
    (tmp_path / "docs" / "deep" / "b.txt").write_text("the ZSO")
    (tmp_path / "docs" / "c.html").write_text("the USO")
    report = json.loads(mtcheck("check", "docs", "-g", small_glossary_file, "-f", "json", cwd=tmp_path).stdout)
    assert [f["path"] for f in report["files"]] == ["docs/a.md", "docs/deep/b.txt"]


def test_select_and_ignore_rules():
    result = mtcheck("check", MT_SAMPLE, "--select", "term-forbidden,term-untranslated", "-f", "json")
    rules = set(json.loads(result.stdout)["summary"]["by_rule"])
    assert rules == {"term-forbidden", "term-untranslated"}
    result = mtcheck("check", MT_SAMPLE, "--ignore", "term-misspelled", "-f", "json")
    assert "term-misspelled" not in json.loads(result.stdout)["summary"]["by_rule"]


def test_config_file_and_no_config(tmp_path, small_glossary_file):
    (tmp_path / "mtcheck.yaml").write_text(
        f"glossaries: [{small_glossary_file}]\nfail_on: minor\nrules:\n  term-forbidden: {{severity: minor}}\n")
    (tmp_path / "a.txt").write_text("the USO")
    result = mtcheck("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 1 and b"minor term-forbidden" in result.stdout
    assert mtcheck("check", "a.txt", "--no-config", cwd=tmp_path).returncode == 2  # no glossary at all


def test_pyproject_config(tmp_path, small_glossary_file):
    (tmp_path / "pyproject.toml").write_text(f'[tool.mtcheck]\nglossaries = ["{small_glossary_file}"]\nfail_on = "never"\n')
    (tmp_path / "a.txt").write_text("the USO")
    result = mtcheck("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 0 and b"term-forbidden" in result.stdout


def test_default_glossaries_folder_and_explicit_glossary_replaces_config(tmp_path, small_glossary_file):
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "g.yaml").write_text(SMALL_GLOSSARY)
    (tmp_path / "a.txt").write_text("the USO")
    assert mtcheck("check", "a.txt", cwd=tmp_path).returncode == 1
    (tmp_path / "mtcheck.yaml").write_text("glossaries: [missing/]\n")
    assert mtcheck("check", "a.txt", "-g", small_glossary_file, cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("args, message", [
    (["check", "nope.txt", "-g", BUNDLED_GLOSSARY], "error: nope.txt: no such file or folder"),
    (["check", "empty", "-g", BUNDLED_GLOSSARY], "error: empty: no *.txt, *.md or translation files in this folder"),
    (["check", "a.txt", "-g", "broken.yaml"], "error: broken.yaml:1:1: missing required key 'language'"),
    (["check", "a.txt", "-g", BUNDLED_GLOSSARY, "--format", "xml"], "error: mtcheck: unknown format 'xml'"),
    (["check", "a.txt", "-g", BUNDLED_GLOSSARY, "--fail-on", "bad"], "error: mtcheck: unknown --fail-on 'bad'"),
    (["check", "a.txt", "-g", BUNDLED_GLOSSARY, "--select", "nope"], "error: mtcheck: unknown rule 'nope'"),
    (["check", "bad.txt", "-g", BUNDLED_GLOSSARY], "error: bad.txt:2:3: not valid UTF-8 (byte offset 5)"),
    (["check", "a.txt", "--config", "bad-config.yaml"], "error: bad-config.yaml:1:1: unknown key 'glosaries' (did you mean 'glossaries'?)"),
])
def test_bad_input_gives_one_line_errors_and_exit_2(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "bad.txt").write_bytes(b"ok\nok\xffno")
    (tmp_path / "broken.yaml").write_text("version: 1\nname: x\nterms: []\n")
    (tmp_path / "bad-config.yaml").write_text("glosaries: [x]\n")
    result = mtcheck(*args, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.splitlines()[0].startswith(message) and "Traceback" not in stderr
    assert result.stdout == b""


@pytest.mark.parametrize("content, message", [
    (b"fail_on: major\x00\n", "mtcheck.yaml:1:15: YAML syntax error: character '\\x00' is not allowed"),
    (b"!!python/name:os.system fail_on: major\n",
     "mtcheck.yaml:1:1: tag 'tag:yaml.org,2002:python/name:os.system' refused: only plain YAML is read (safe loading)"),
])
def test_a_config_file_the_yaml_reader_refuses_gives_one_line_and_exit_2(tmp_path, content, message):
    (tmp_path / "mtcheck.yaml").write_bytes(content)
    (tmp_path / "a.txt").write_text("text")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--config", "mtcheck.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode(), result.stdout) == (2, f"error: {message}\n", b"")


def test_usage_errors_exit_2():
    assert mtcheck("check").returncode == 2
    assert mtcheck("check", MT_SAMPLE, "--no-such-option").returncode == 2


def test_help_and_version():
    assert mtcheck("--help").returncode == 0
    assert mtcheck("--version").stdout.decode().startswith("mtcheck ")


def test_help_wraps_paragraphs_at_the_terminal_not_at_the_docstring():
    # Before: typer kept the docstring's line breaks after the first paragraph, so at any width a
    # line ended at "fix. With --write, a" and the next began "file that another program changed".
    lines = mtcheck("fix", "--help", env={"COLUMNS": "200"}).stdout.decode().splitlines()
    assert any("something to fix. With --write, a file that another program changed while fix ran" in line for line in lines)
    lint = mtcheck("glossary", "lint", "--help", env={"COLUMNS": "200"}).stdout.decode().splitlines()
    assert any(line.strip().startswith("nested-form: ") for line in lint)  # a list of codes stays a list


def test_exclude_globs_from_config(tmp_path, small_glossary_file):
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text("the USO")
    (tmp_path / "docs" / "drafts" / "b.txt").write_text("the USO")
    (tmp_path / "mtcheck.yaml").write_text(f"glossaries: [{small_glossary_file}]\nexclude: ['docs/drafts/*']\n")
    report = json.loads(mtcheck("check", "docs", "-f", "json", cwd=tmp_path).stdout)
    assert [f["path"] for f in report["files"]] == ["docs/a.txt"]


def test_empty_file_is_fine(tmp_path, small_glossary_file):
    (tmp_path / "empty.txt").write_text("")
    result = mtcheck("check", "empty.txt", "-g", small_glossary_file, "-f", "json", cwd=tmp_path)
    assert result.returncode == 0
    [file] = json.loads(result.stdout)["files"]
    assert file["path"] == "empty.txt" and file["words"] == 0 and file["findings"] == []
    assert file["score"]["score"] == 100 and file["score"]["passed"]


def test_unwritable_output_is_an_error_and_leaves_nothing(tmp_path, small_glossary_file):
    (tmp_path / "a.txt").write_text("the USO")
    result = mtcheck("check", "a.txt", "-g", small_glossary_file, "-o", "missing/report.json", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.decode().startswith("error: missing/report.json: cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "small.yaml"]


def test_quality_score_in_json_and_min_score(small_glossary_file, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Kurti spoke. Corti. " + "Kurti left the meeting early. " * 100, encoding="utf-8")  # enough words to score
    out = tmp_path / "report.json"
    assert mtcheck("check", text, "-g", small_glossary_file, "-f", "json", "-o", out).returncode == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    [file] = report["files"]
    score = file["score"]
    assert score["words"] == file["words"] == 3 + 5 * 100 and score["penalty"] == 1  # one minor name-inconsistent
    assert score["errors"] == {"Terminology/Inconsistent use of terminology": {"minor": 1}}
    assert score["score"] == pytest.approx(100 - 1000 / 503) and score["passed"]
    assert report["summary"]["score"] == score
    assert mtcheck("check", text, "-g", small_glossary_file, "--min-score", "99").returncode == 1
    assert mtcheck("check", text, "-g", small_glossary_file, "--min-score", "98").returncode == 0
    (tmp_path / "mtcheck.yaml").write_text("scoring:\n  min_score: 99\n", encoding="utf-8")
    assert mtcheck("check", text, "-g", small_glossary_file, cwd=tmp_path).returncode == 1


def test_text_report_shows_the_quality_score():
    lines = mtcheck("check", MT_SAMPLE).stdout.decode().splitlines()
    assert lines[-2].startswith("Quality score (mqm, pass mark 90): 59.88 FAIL; 66 penalty points in 1,645 words")
    assert lines[-1] == "The pass mark does not fail the run: --min-score N (or scoring.min_score) does."


def test_a_progress_bar_only_for_a_person_at_a_terminal(monkeypatch):
    from mtcheck import cli
    from mtcheck.terminal import ProgressBar

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert isinstance(cli._progress_bar(machine_format_on_stdout=False), ProgressBar)
    assert cli._progress_bar(machine_format_on_stdout=True) is None  # JSON on stdout: nothing else there
    monkeypatch.setenv("CI", "true")
    assert cli._progress_bar(machine_format_on_stdout=False) is None  # CI logs
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli._progress_bar(machine_format_on_stdout=False) is None  # a pipe or a file
