"""Type-checked, never run: the README's uses of the public API, which tests/test_packaging.py checks
with ``mypy --strict``. An ``assert_type`` fails when a name reaches type checkers as ``Any``: a
lazy import they cannot see, or a signature without annotations."""

from __future__ import annotations

from typing import assert_type

import mtcheck
from mtcheck import (
    Checker, Config, FileResult, Finding, Glossary, MtcheckError, RunResult, ScoreRequest, ScoringModel, Severity, Term,
    check_text, fails, find_config, load_glossaries, quality_score, run_score, score_run,
)


def checks_texts() -> None:
    glossaries = load_glossaries(["glossaries/"])
    assert_type(glossaries, list[Glossary])
    assert_type(glossaries[0].terms[0], Term)
    result = check_text("Prime Minister Aljbin Kurti met Vucic.", glossaries)
    assert_type(result, FileResult)
    for finding in result.findings:
        assert_type(finding, Finding)
        assert_type(finding.suggestion, str | None)
        assert_type(finding.severity, Severity)
    checker = Checker(glossaries, find_config())
    assert_type(checker.config, Config)
    run = checker.check_paths(["samples/"])
    assert_type(run, RunResult)
    assert_type(fails(run, "major"), bool)


def scores_runs(run: RunResult) -> None:
    scores = score_run(run, ScoringModel(passing_threshold=95, acceptable_penalty=5))
    assert_type(scores.total.score, float)
    assert_type(quality_score(run.findings, 100).passed, bool)
    report = run_score(ScoreRequest(hypotheses=["hyp.txt"], references=["ref.txt"]))
    assert_type({metric.name: metric.score for metric in report.corpus}, dict[str, float])


def reports_errors() -> None:
    try:
        load_glossaries(["nope/"])
    except MtcheckError as error:
        assert_type(str(error.problems[0]), str)
    assert_type(mtcheck.__version__, str)
