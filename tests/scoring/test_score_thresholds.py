"""Score thresholds (issue 15, items 9 and 10): --min-score and the pass mark compare the score as
reports show it; reports say what the scores mean for the exit code; texts too short to score are
reported as such and left out of --min-score, while their findings still count for --fail-on."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from lxml import etree

from mtcheck.config import load_config
from mtcheck.errors import ConfigError
from mtcheck.model import Finding, Severity
from mtcheck.reporters.summary import score_note
from mtcheck.scoring.quality import DEFAULT_MIN_WORDS, RunScores, ScoringModel, quality_score
from mtcheck.workflow import CheckRequest, run_check
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE, ROOT

REPORT_SCHEMA = jsonschema.Draft202012Validator(json.loads(
    resources.files("mtcheck.reporters").joinpath("json_report.schema.json").read_text("utf-8")))
JUNIT_SCHEMA = ROOT / "tests" / "data" / "schemas" / "junit.xsd"
SAMPLE_SCORE = 59.878419  # the sample's score, shown as 59.88
ONE_SENTENCE = "The USO met.\n"  # one forbidden term (major) in 3 words: -1566.67 by the formula


def checked(*paths, formats=("text",), **options):
    """The outcome of a check and its reports' text, by format (the first on 'standard output')."""
    extra = tuple((name, f"unused.{name}") for name in formats[1:])
    request = CheckRequest(paths=[str(p) for p in paths], glossaries=[str(BUNDLED_GLOSSARY)], use_config=False,
                           cache_dir=None, jobs=1, output_format=formats[0], extra_outputs=extra, **options)
    outcome = run_check(request)
    return outcome, {report.format: "".join(report.chunks) for report in outcome.reports}


def minor(mqm: str = "Terminology/Wrong term") -> Finding:
    return Finding(rule="term-forbidden", category="terminology", severity=Severity.MINOR, path="a.txt", line=1,
                   column=1, end_line=1, end_column=2, offset=0, length=1, text="x", message="m", mqm=mqm)


@pytest.fixture
def one_sentence(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(ONE_SENTENCE, encoding="utf-8")
    return path


# --- Item 9: thresholds compare the score as shown ----------------------------------------------


def test_min_score_equal_to_the_shown_score_passes():
    """Failed on the old code: 59.878 < 59.88, so a file shown as 59.88 failed --min-score 59.88."""
    outcome, reports = checked(MT_SAMPLE, min_score=59.88, fail_on="never")
    assert outcome.run.scores.files[str(MT_SAMPLE)].score == pytest.approx(SAMPLE_SCORE)
    assert not outcome.failed
    assert reports["text"].splitlines()[-1] == (
        "--min-score 59.88: no score below it; the pass mark 90 alone does not fail the run.")


def test_min_score_above_the_shown_score_fails_and_the_text_report_ends_saying_so():
    """Failed on the old code: the run exited 1 and no line of the report said why."""
    outcome, reports = checked(MT_SAMPLE, min_score=59.89, fail_on="never")
    assert outcome.failed
    assert reports["text"].splitlines()[-1] == f"--min-score 59.89 fails the run: {MT_SAMPLE} scores 59.88."


def test_the_command_line_exit_codes_of_the_issue():
    """The issue's reproduction, end to end: exit 0 at 59.88, 1 at 59.89."""
    def exit_code(min_score: str) -> int:
        return mtcheck("check", MT_SAMPLE, "-g", BUNDLED_GLOSSARY, "--no-config", "--fail-on", "never",
                       "--min-score", min_score).returncode

    assert (exit_code("59.88"), exit_code("59.89")) == (0, 1)


def test_the_pass_mark_compares_the_score_as_shown():
    """Failed on the old code: 89.996 is shown as 90.00, and was called FAIL against the pass mark 90."""
    score = quality_score([minor()] * 25, 2499)  # 25 points in 2,499 words: 10.004 per 1,000
    assert score.score == pytest.approx(89.996, abs=1e-3) and f"{score.score:.2f}" == "90.00"
    assert score.passed


@pytest.mark.parametrize("words", range(480, 520))
def test_the_compared_score_is_the_shown_one(words):
    for errors in range(0, 40, 3):
        score = quality_score([minor()] * errors, words)
        assert f"{score.shown:.2f}" == f"{score.score:.2f}"


# --- Item 9: no FAIL on a run that exits 0 without saying why -----------------------------------


def test_a_fail_against_the_pass_mark_says_the_pass_mark_does_not_fail_the_run():
    """Failed on the old code: 'FAIL' was the last word of a run that exited 0."""
    outcome, reports = checked(MT_SAMPLE, fail_on="never", formats=("text", "markdown", "html"))
    assert not outcome.failed
    note = "The pass mark does not fail the run: --min-score N (or scoring.min_score) does."
    assert reports["text"].splitlines()[-1] == note
    assert "The pass mark does not fail the run: --min-score N (or scoring.min\\_score) does." in reports["markdown"]
    assert f'<p class="score-note">{note}</p>' in reports["html"]


def test_no_note_when_every_score_passes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Jens Stoltenberg met the delegation. " * 120, encoding="utf-8")
    _, reports = checked(clean)
    assert reports["text"].splitlines()[-1].startswith("Quality score (mqm, pass mark 90): 100.00 pass")


def test_every_report_says_when_min_score_fails_the_run(tmp_path):
    """Failed on the old code: with --fail-on never only the exit code told that --min-score had failed."""
    formats = ("text", "markdown", "html", "github", "junit", "json")
    outcome, reports = checked(MT_SAMPLE, min_score=60, fail_on="never", formats=formats)
    assert outcome.failed
    note = f"--min-score 60 fails the run: {MT_SAMPLE} scores 59.88."
    assert reports["text"].splitlines()[-1] == note
    assert note in reports["markdown"] and note in reports["html"]
    assert reports["github"].splitlines()[-1] == (
        f"::error file={MT_SAMPLE},title=MQM score below --min-score::{MT_SAMPLE} scores 59.88, below --min-score 60")
    junit = etree.fromstring(reports["junit"].encode())
    etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA))).assertValid(junit)
    [suite] = junit.xpath("//testsuite")
    assert suite.xpath("testcase[@name='mqm-min-score']/failure/@message") == ["MQM score 59.88 is below --min-score 60"]
    assert int(suite.get("tests")) == len(suite.xpath("testcase")) == len(outcome.run.rules) + 1
    assert int(suite.get("failures")) == len(suite.xpath("testcase[failure]"))
    report = json.loads(reports["json"])
    REPORT_SCHEMA.validate(report)
    assert report["summary"]["min_score"] == 60
    assert report["files"][0]["score"]["below_min_score"] and report["summary"]["score"]["below_min_score"]


def test_without_min_score_the_json_report_is_as_before():
    _, reports = checked(MT_SAMPLE, formats=("json",))
    report = json.loads(reports["json"])
    assert "min_score" not in report["summary"]
    assert not {"below_min_score", "too_short", "min_words"} & set(report["files"][0]["score"])


# --- Item 10: texts too short to score ----------------------------------------------------------


def test_one_sentence_is_too_short_to_score(one_sentence):
    """Failed on the old code: the report showed a score of -1566.67."""
    _, reports = checked(one_sentence, fail_on="never")
    text = reports["text"]
    assert "-1566.67" not in text and "FAIL" not in text
    assert text.splitlines()[-1] == (
        "Quality score (mqm, pass mark 90): too short to score (fewer than 500 words); 5 penalty points in 3 words; "
        "Terminology/Inconsistent with terminology resource 1 major")


def test_too_short_is_left_out_of_min_score_but_its_findings_fail_the_run(one_sentence):
    """Failed on the old code: the one sentence's -1566.67 failed --min-score 50."""
    outcome, reports = checked(one_sentence, min_score=50, fail_on="never")
    assert not outcome.failed
    assert reports["text"].splitlines()[-1] == "--min-score 50: no score below it; 1 file too short to score left out."
    outcome, _ = checked(one_sentence, min_score=50, fail_on="major")
    assert outcome.failed  # the forbidden term is a major finding


def test_the_default_minimum(one_sentence):
    assert ScoringModel().min_words == DEFAULT_MIN_WORDS == 500
    assert quality_score([], 499).too_short and not quality_score([], 500).too_short


def test_min_words_is_configurable(tmp_path, one_sentence):
    """Failed on the old code: scoring.min_words was an unknown key."""
    config = tmp_path / "mtcheck.yaml"
    config.write_text("scoring:\n  min_words: 0\n", encoding="utf-8")
    assert load_config(config).scoring.min_words == 0
    outcome, reports = checked(one_sentence, min_score=50, fail_on="never", config_file=str(config))
    assert outcome.failed  # every text is scored now
    assert f"{one_sentence} scores -1566.67" in reports["text"].splitlines()[-1]


@pytest.mark.parametrize("value", ["-1", "2.5", "many", "true", "null"])
def test_min_words_is_validated(tmp_path, value):
    config = tmp_path / "mtcheck.yaml"
    config.write_text(f"scoring:\n  min_words: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert "scoring.min_words" in str(error.value)


def short_files(folder, count: int, text: str) -> list:
    paths = []
    for n in range(count):
        paths.append(folder / f"caption-{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def test_short_files_are_held_to_min_score_together_when_they_have_the_words(tmp_path):
    """The run's score counts every file's words and findings: six captions of 100 words, each too
    short alone, make a sample of 600 words, scored and held to --min-score."""
    caption = "The USO met. " + "The delegation arrived in Belgrade on Monday. " * 14 + "\n"  # 101 words
    paths = short_files(tmp_path, 6, caption)
    outcome, reports = checked(*paths, min_score=80, fail_on="never", formats=("text", "json", "github"))
    scores = outcome.run.scores
    assert all(score.too_short for score in scores.files.values()) and not scores.total.too_short
    assert outcome.failed and scores.total.shown == pytest.approx(100 - 30 / 606 * 1000, abs=0.005)
    assert reports["text"].splitlines()[-1] == (
        "--min-score 80 fails the run: the run's score, 50.50 over all 606 words (files too short to score "
        "count in it), is below it; 6 files too short to score left out.")
    report = json.loads(reports["json"])
    REPORT_SCHEMA.validate(report)
    assert [f["score"]["too_short"] for f in report["files"]] == [True] * 6
    assert report["summary"]["score"]["below_min_score"] and "too_short" not in report["summary"]["score"]
    assert reports["github"].splitlines()[-1] == (
        "::error title=MQM score below --min-score::the run's score, 50.50 over all 606 words, is below --min-score 80")


def test_a_run_too_short_in_all_is_not_held_to_min_score(tmp_path):
    paths = short_files(tmp_path, 2, ONE_SENTENCE)
    outcome, reports = checked(*paths, min_score=80, fail_on="never")
    assert not outcome.failed and outcome.run.scores.total.too_short
    [score_line] = [line for line in reports["text"].splitlines() if line.startswith("Quality score")]
    assert score_line == (
        "Quality score (mqm, pass mark 90): too short to score (fewer than 500 words); 10 penalty points in 6 words; "
        "Terminology/Inconsistent with terminology resource 2 major")


def test_reports_show_too_short_files_last_and_without_a_score(tmp_path, one_sentence):
    formats = ("markdown", "html", "junit", "json")
    _, reports = checked(one_sentence, MT_SAMPLE, min_score=50, fail_on="never", formats=formats)
    table = reports["markdown"].split("| file |", 1)[1].split("\n\n", 1)[0]
    assert table.splitlines()[2:4] == [f"| {MT_SAMPLE} | 1,645 | 14 | 59.88 | ❌ fail |".replace("_", "\\_"),
                    f"| {one_sentence} | 3 | 1 | — | too short to score |".replace("_", "\\_")]
    assert "texts under 500 words are too short to score" in reports["markdown"]
    assert '<span class="verdict short">too short to score</span>' in reports["html"]
    assert "-1566.67" not in reports["html"]
    junit = etree.fromstring(reports["junit"].encode())
    etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA))).assertValid(junit)
    [suite] = junit.xpath(f"//testsuite[@name='{one_sentence}']")
    assert suite.xpath("properties/property/@name") == ["words", "mqm-too-short"]
    assert suite.xpath("testcase[@name='mqm-min-score']/skipped/@message") == ["too short to score (fewer than 500 words)"]
    assert suite.get("skipped") == "1" and int(suite.get("failures")) == len(suite.xpath("testcase[failure]")) == 1
    report = json.loads(reports["json"])
    REPORT_SCHEMA.validate(report)
    [short] = [f["score"] for f in report["files"] if f["path"] == str(one_sentence)]
    assert short["too_short"] and short["min_words"] == 500 and short["below_min_score"] is False


def test_score_note_of_scores_built_by_hand():
    """The note speaks of the run's score only when no file is below (the files' lines say the rest)."""
    low, high = quality_score([minor()] * 40, 1000), quality_score([], 1000)
    scores = RunScores({"a.txt": low, "b.txt": low, "c.txt": high}, low, min_score=70)
    assert score_note(scores) == "--min-score 70 fails the run: 2 files score below it, the lowest a.txt (60.00)."
    assert score_note(RunScores({"c.txt": high}, high)) is None
