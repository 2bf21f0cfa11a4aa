"""pattern-check: configured regex checks with their own id, message and severity, run from a config
file through the command line, on texts with and without a source."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from mtcheck.config import load_config
from mtcheck.rules import pattern_check
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, ROOT

CHECKS = [
    {"id": "double-hyphen", "target": " -- ", "message": "write a dash", "severity": "minor"},
    {"id": "lorem", "target": "(?i)lorem ipsum", "message": "placeholder text left in", "severity": "critical"},
    {"id": "trademark-kept", "source": "™", "when": "source-without-target", "message": "the source's ™ is missing"},
    {"id": "kosovo-spelling", "source": r"\bKosov", "target": r"\bKosova\b", "message": "write 'Kosovo'",
     "severity": "minor"},
    {"id": "new-url", "target": r"https?://\S+", "when": "target-without-source", "message": "a URL the source lacks"},
]


def write_config(folder, checks, **rule_settings) -> None:
    """The checks in a block-style mtcheck.yaml: each check's keys on lines of their own, from line 4."""
    settings = {"rules": {"pattern-check": {**rule_settings, "checks": checks}}}
    (folder / "mtcheck.yaml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")


def run_json(folder, *args) -> tuple[int, list[dict]]:
    result = mtcheck("check", *args, "-g", BUNDLED_GLOSSARY, "--config", "mtcheck.yaml", "--select", "pattern-check",
                     "-f", "json", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return result.returncode, [finding for file in report["files"] for finding in file["findings"]]


def found(findings: list[dict]) -> list[tuple]:
    return [(f["line"], f["column"], f["text"], f["severity"], f["message"]) for f in findings]


def test_target_checks_run_on_a_monolingual_text_each_with_its_severity(tmp_path):
    write_config(tmp_path, CHECKS)
    (tmp_path / "a.txt").write_text("Click -- here.\nLorem Ipsum dolor, Kosova, https://x.rs and Word™.\n",
                                    encoding="utf-8")
    code, findings = run_json(tmp_path, "a.txt")
    # Checks that need a source (trademark-kept, kosovo-spelling, new-url) pass over a text without one.
    assert found(findings) == [
        (1, 6, " -- ", "minor", "double-hyphen: write a dash"),
        (2, 1, "Lorem Ipsum", "critical", "lorem: placeholder text left in"),
    ]
    assert code == 1  # the critical one fails the run (--fail-on major)


def test_source_conditions_on_a_line_aligned_pair(tmp_path):
    write_config(tmp_path, CHECKS)
    (tmp_path / "src.txt").write_text("Open Word™.\nKosovo and Serbia.\nSee https://a.rs\nNo link.\n", encoding="utf-8")
    (tmp_path / "tgt.txt").write_text("Otvorite Word.\nKosova i Srbija.\nVidi https://a.rs\nVidi https://b.rs\n",
                                      encoding="utf-8")
    _, findings = run_json(tmp_path, "tgt.txt", "--source", "src.txt")
    assert [(f["segment"], *row) for f, row in zip(findings, found(findings))] == [
        (0, 1, 1, "", "major", "trademark-kept: the source's ™ is missing"),  # the rule's severity: none set
        (1, 2, 1, "Kosova", "minor", "kosovo-spelling: write 'Kosovo'"),
        (3, 4, 6, "https://b.rs", "major", "new-url: a URL the source lacks"),  # segment 2's source has its URL
    ]


def test_target_only_checks_run_on_each_target_of_a_translation_file(tmp_path):
    write_config(tmp_path, CHECKS[:1])
    (tmp_path / "a.csv").write_text("source,target\nClick here,Kliknite -- ovde\nOK,U redu\n", encoding="utf-8")
    _, findings = run_json(tmp_path, "a.csv")
    assert [(f["segment"], f["text"], f["severity"]) for f in findings] == [(0, " -- ", "minor")]


def test_a_severity_set_for_the_rule_overrides_each_check_s(tmp_path):
    write_config(tmp_path, CHECKS[:2], severity="neutral")
    (tmp_path / "a.txt").write_text("Click -- here. Lorem ipsum.\n", encoding="utf-8")
    code, findings = run_json(tmp_path, "a.txt")
    assert [f["severity"] for f in findings] == ["neutral", "neutral"] and code == 0


def test_reports_carry_each_finding_s_own_severity(tmp_path):
    write_config(tmp_path, CHECKS[:2])
    (tmp_path / "a.txt").write_text("Click -- here. Lorem ipsum.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--select", "pattern-check", "-f", "sarif", cwd=tmp_path)
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert [(r["level"], r["properties"]["severity"]) for r in results] == [("warning", "minor"), ("error", "critical")]


def test_no_checks_configured_finds_nothing(tmp_path):
    (tmp_path / "mtcheck.yaml").write_text("rules: {}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Click -- here. Lorem ipsum.\n", encoding="utf-8")
    assert run_json(tmp_path, "a.txt") == (0, [])


@pytest.mark.parametrize("check, error", [
    ({"id": "bad", "target": "Follow (us", "message": "m"},
     "mtcheck.yaml:5:15: rules.pattern-check.checks: check 'bad': target: not a regular expression: "
     "missing ) at position 10"),
    ({"id": "bad", "source": "a{1000}{1000}", "target": "x", "message": "m"},
     "mtcheck.yaml:5:15: rules.pattern-check.checks: check 'bad': source: too large once its repeats are written "
     "out (about 1,000,000 items, at most 20,000): use smaller repeat counts"),
    ({"id": "bad", "source": "x", "message": "m"},
     "mtcheck.yaml:4:7: rules.pattern-check.checks: check 'bad': 'when: target-matches' needs a 'target' pattern"),
    ({"id": "bad", "target": "x", "message": "m", "when": "sometimes"},
     "mtcheck.yaml:7:13: rules.pattern-check.checks[0].when: 'sometimes' is not one of target-matches, "
     "source-without-target, target-without-source"),
    ({"id": "bad", "target": "x"}, "mtcheck.yaml:4:7: missing required key 'message' in rules.pattern-check.checks[0]"),
])
def test_a_bad_check_is_a_one_line_config_error_naming_file_place_and_check(tmp_path, check, error):
    write_config(tmp_path, [check])
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--config", "mtcheck.yaml", cwd=tmp_path, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {error}\n")


def test_a_check_id_given_twice_is_refused(tmp_path):
    write_config(tmp_path, [CHECKS[0], CHECKS[0]])
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--config", "mtcheck.yaml", cwd=tmp_path, text=True)
    assert result.returncode == 2
    assert "check 'double-hyphen' is given twice" in result.stderr and result.stderr.count("\n") == 1


def test_a_catastrophic_pattern_stops_the_run_with_a_one_line_error(tmp_path, monkeypatch):
    # The time limit made tiny: the test is about what happens when it runs out, not about how long that takes.
    monkeypatch.setattr(pattern_check, "PATTERN_SECONDS", 0.001)
    pattern_check._compiled.cache_clear()
    write_config(tmp_path, [{"id": "slow", "target": "(a|a)+$", "message": "m"}])
    (tmp_path / "a.txt").write_text("a" * 5000 + "b\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--config", "mtcheck.yaml", cwd=tmp_path, text=True)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("error: a.txt: rules.pattern-check.checks: check 'slow': '(a|a)+$' took over 0 s on this "
                             "text (catastrophic backtracking?): make the pattern simpler\n")


def test_the_readme_s_example_config_is_valid(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(rules:\n  pattern-check:\n.*?)```", readme, re.DOTALL).group(1)
    (tmp_path / "mtcheck.yaml").write_text(example, encoding="utf-8")
    checks = load_config(tmp_path / "mtcheck.yaml").rule("pattern-check").options["checks"]
    assert [each["id"] for each in checks] == ["double-hyphen", "lorem", "trademark-kept", "new-url"]
