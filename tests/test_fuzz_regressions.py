"""The fuzz targets (fuzz/targets.py) in the test suite: the seed corpus, a short bounded fuzz pass
with hypothesis, and every failing input fuzzing found, kept as a regression test.

Long runs are not part of the suite: ``.venv/bin/python fuzz/run.py --seconds 120`` (fuzz/README.md).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz.strategies import STRATEGIES
from fuzz.targets import KNOWN_UNFIXED, TARGETS, Violation, glossary_target, known_unfixed, seed_inputs
from fuzz.targets import _check_problems, _check_result
from mtcheck.errors import GlossaryError, Problem
from mtcheck.model import FileResult, Finding, Severity
from tests.test_cli import mtcheck

BOUNDED = settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("target, name, data", [(target, name, data) for target in TARGETS
                                                for name, data in seed_inputs(target)])
def test_the_seed_corpus_passes_its_target(target, name, data):
    TARGETS[target](data)


@BOUNDED
@given(data=STRATEGIES["glossary"]())
def test_a_bounded_fuzz_pass_over_glossary_files(data):
    glossary_target(data)  # known, reported failures are tolerated here and held as xfails below


@BOUNDED
@given(data=STRATEGIES["checker"]())
def test_a_bounded_fuzz_pass_over_articles(data):
    TARGETS["checker"](data)


def test_the_targets_catch_what_they_look_for():
    with pytest.raises(Violation, match="one-line error"):
        _check_problems(GlossaryError(Problem("g.yaml", "two\nlines")), "g.yaml")
    with pytest.raises(Violation, match="one-line error"):
        _check_problems(GlossaryError(Problem("other.yaml", "elsewhere")), "g.yaml")
    wrong = Finding("artifact", "design and markup", Severity.MAJOR, "a.txt", 1, 2, 1, 4, 1, 2, "xy", "m",
                    mqm="Design and markup/Markup tag")
    with pytest.raises(Violation, match="does not slice"):
        _check_result("abcd", FileResult("a.txt", 1, (wrong,)))


# Failures fuzzing found in files outside the harness's remit, reported and not fixed yet: each
# strict xfail turns into a failure when the fix lands; then drop the marker and the entry of
# KNOWN_UNFIXED in fuzz/targets.py. The CLI must exit 2 with one line per problem naming the file,
# the first where the input goes wrong.
FOUND = {  # name -> (glossary file, where its error must point)
    "reader-error-two-lines": (b"version: 1\nname: g\x00\n", "g.yaml:2:8: "),
    "tagged-mapping-key": (b"!!python/object/apply:os.system a: 1\n", "g.yaml:1:1: "),
    "tagged-mapping-key-binary": (b"!!binary a: 1\n", "g.yaml:1:1: "),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_each_known_failure_is_what_the_harness_tolerates(name):
    with pytest.raises(Exception) as caught:
        glossary_target(FOUND[name][0], tolerate_known=False)
    assert known_unfixed(caught.value) == name.removesuffix("-binary")
    assert set(KNOWN_UNFIXED) == {found.removesuffix("-binary") for found in FOUND}


@pytest.mark.xfail(strict=True, reason="mtcheck/yamlnodes.py: fuzzing found it; reported, not fixed yet")
@pytest.mark.parametrize("name", sorted(FOUND))
def test_found_glossaries_give_a_one_line_error_and_exit_2(tmp_path, name):
    content, where = FOUND[name]
    (tmp_path / "g.yaml").write_bytes(content)
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", "g.yaml", cwd=tmp_path)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and lines[0].startswith(f"error: {where}"), lines
    assert all(line.startswith("error: g.yaml:") for line in lines), lines
