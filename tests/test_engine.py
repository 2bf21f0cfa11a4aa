"""The engine: rules selected and configured (severity, enabling), findings at valid positions."""

from __future__ import annotations

from mtcheck import Checker
from mtcheck.config import Config, RuleSettings
from mtcheck.engine import select_rules
from mtcheck.model import Severity
from tests.conftest import findings


def test_config_changes_severity_and_disables_rules(small_glossaries):
    config = Config(rules={"term-forbidden": RuleSettings(severity=Severity.CRITICAL),
                           "term-untranslated": RuleSettings(enabled=False)})
    checker = Checker(small_glossaries, config)
    result = checker.check_text("the USO and the ZSO")
    assert [(f.rule, f.severity) for f in result.findings] == [("term-forbidden", Severity.CRITICAL)]


def test_select_and_ignore():
    assert [r.id for r in select_rules(Config(), select=["term-forbidden"])] == ["term-forbidden"]
    assert "name-inconsistent" not in [r.id for r in select_rules(Config(), ignore=["name-inconsistent"])]


def test_positions_are_valid_slices(checker):
    text = "Line one.\r\nThe USO and\nAljbin Kurti’s ZSO."
    for f in findings(checker, text):
        assert text[f.offset:f.offset + f.length] == f.text
    [uso] = findings(checker, text, "term-forbidden")
    assert (uso.line, uso.column, uso.end_line, uso.end_column) == (2, 5, 2, 8)
