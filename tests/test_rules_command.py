"""`mtcheck rules` lists every rule and `mtcheck rules ID` documents one, both read from the rules
themselves (registry, Rule declarations, module docstrings), never from a copy."""

from __future__ import annotations

import dataclasses
import inspect
import re
import subprocess
import sys

import pytest

from mtcheck import Checker, load_glossaries
from mtcheck.fixer import fix_file
from mtcheck.rules import RULES, catalogue, term_forbidden
from tests.cli_runs import mtcheck as run_mtcheck
from tests.conftest import BUNDLED_GLOSSARY


def mtcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return run_mtcheck(*args, text=True)


def cells(line: str) -> list[str]:
    return re.split(r" {2,}", line)  # columns are two spaces or more apart; no cell holds two spaces


def test_the_listing_has_every_rule_with_its_type_severity_fixability_and_summary():
    result = mtcheck("rules")
    assert result.returncode == 0 and result.stderr == ""
    header, *lines = result.stdout.splitlines()
    assert cells(header) == ["rule", "MQM error type", "default", "fixable", "finds"]
    assert [cells(line) for line in lines] == [
        [rule.id, rule.mqm, rule.severity.label, "yes" if rule.fix else "no", rule.summary]
        for rule in RULES.values()]


def test_fixable_means_the_rule_declares_a_fix_and_the_fixer_applies_it(monkeypatch):
    for rule_id, rule in RULES.items():
        monkeypatch.setitem(RULES, rule_id, dataclasses.replace(rule, fix=None))
    monkeypatch.setitem(RULES, "spacing", dataclasses.replace(RULES["spacing"], fix=lambda finding: ", "))
    fixable = [cells(line)[0] for line in catalogue.rule_table().splitlines()[1:] if cells(line)[3] == "yes"]
    assert fixable == ["spacing"]
    text = "Facebook,Twitter and the Union of Serbian Municipalities"
    findings = Checker(load_glossaries([BUNDLED_GLOSSARY])).check_text(text).findings
    assert {f.rule for f in findings} == {"spacing", "term-forbidden"}
    fixed = fix_file("t.txt", text.encode(), list(findings)).after
    assert fixed == b"Facebook, Twitter and the Union of Serbian Municipalities"  # the term rule has no fix now


@pytest.mark.parametrize("rule_id", list(RULES))
def test_a_rule_page_shows_its_facts_and_its_whole_docstring_with_examples(rule_id):
    result = mtcheck("rules", rule_id)
    assert result.returncode == 0 and result.stderr == ""
    rule = RULES[rule_id]
    lines = result.stdout.splitlines()
    assert lines[0] == rule_id
    assert f"MQM error type:   {rule.mqm}" in lines[1] and f"default severity: {rule.severity.label}" in lines[2]
    assert lines[3].split(":", 1)[1].strip().startswith("yes" if rule.fix else "no")
    docstring = inspect.cleandoc(sys.modules[rule.check.__module__].__doc__)
    assert result.stdout.endswith("\n\n" + docstring + "\n")
    assert "Fails:" in docstring and "Passes:" in docstring


def test_the_page_is_generated_from_the_rule_module(monkeypatch):
    monkeypatch.setattr(term_forbidden, "__doc__", "term-forbidden: changed.\n\nFails: x.  Passes: y.\n")
    monkeypatch.setitem(RULES, "term-forbidden", dataclasses.replace(RULES["term-forbidden"], fix=None))
    page = catalogue.rule_page("term-forbidden")
    assert page.endswith("\nterm-forbidden: changed.\n\nFails: x.  Passes: y.\n")
    assert "fixable:          no" in page


@pytest.mark.parametrize("given, hint", [
    ("term-forbiden", "did you mean 'term-forbidden'?"),
    ("Term_Misspelled", "did you mean 'term-misspelled'?"),
    ("nothing-like-it", "`mtcheck rules` lists them"),
])
def test_an_unknown_rule_is_a_one_line_error_with_exit_2(given, hint):
    result = mtcheck("rules", given)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"error: mtcheck: unknown rule {given!r} ({hint})\n"


def test_the_command_line_does_not_load_the_rules_to_start():
    code = "import sys, mtcheck.cli; print('mtcheck.rules' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "False\n"
