"""mtcheck against translate-toolkit's pofilter on one PO file: every issue type pofilter reports for
the checks both tools have, mtcheck reports too, and its QA rules are quiet where the translation is
right (where pofilter is not, that is said here entry by entry).

tests/data/qa/pofilter.po holds one entry per issue type (its msgctxt names pofilter's test) and
entries translated right (msgctxt "clean").
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from mtcheck import Checker
from mtcheck.model import Glossary
from mtcheck.rules import RULES

checks = pytest.importorskip("translate.filters.checks")
factory = pytest.importorskip("translate.storage.factory")

PO = Path(__file__).parent / "data" / "qa" / "pofilter.po"

# pofilter's test -> the mtcheck rule that reports the same issue.
MTCHECK_RULE_FOR = {
    "urls": "url-mismatch",
    "emails": "url-mismatch",
    "endpunc": "end-punctuation",
    "startwhitespace": "edge-whitespace",
    "endwhitespace": "edge-whitespace",
    "startcaps": "initial-capital",
    "brackets": "bracket-mismatch",
    "printf": "placeholder-mismatch",
    "variables": "placeholder-mismatch",
    "pythonbraceformat": "placeholder-mismatch",
}
QA_RULES = sorted(set(MTCHECK_RULE_FOR.values()))


def entry_issue_type(context: str) -> str:
    return context.split("-")[0]  # "printf-objc" is a printf entry


def pofilter_reports() -> list[tuple[str, set[str]]]:
    """(msgctxt, pofilter's failing tests in scope) of each entry, in file order."""
    checker = checks.StandardChecker()
    return [(unit.getcontext(), set(checker.run_filters(unit)) & set(MTCHECK_RULE_FOR))
            for unit in factory.getobject(str(PO)).units if not unit.isheader()]


def mtcheck_reports() -> dict[int, set[str]]:
    """The rules mtcheck's QA rules report, by entry index."""
    checker = Checker([Glossary("qa", "de", "<qa>", (), "en")], rules=[RULES[rule] for rule in QA_RULES])
    result = checker.check_document(checker.read(str(PO)))
    reported = defaultdict(set)
    for finding in result.findings:
        reported[finding.segment].add(finding.rule)
    return reported


def test_every_issue_type_pofilter_reports_mtcheck_reports_on_the_same_entry():
    pofilter, mtcheck = pofilter_reports(), mtcheck_reports()
    for index, (context, failing) in enumerate(pofilter):
        if context == "clean":
            continue
        issue_type = entry_issue_type(context)
        assert issue_type in failing, f"the {context!r} entry does not show pofilter's issue"
        assert MTCHECK_RULE_FOR[issue_type] in mtcheck[index], (context, mtcheck[index])
    wanted = {MTCHECK_RULE_FOR[test] for context, failing in pofilter if context != "clean" for test in failing}
    assert wanted <= set().union(*mtcheck.values())


def test_the_qa_rules_are_quiet_on_the_clean_entries():
    pofilter, mtcheck = pofilter_reports(), mtcheck_reports()
    clean = [index for index, (context, _) in enumerate(pofilter) if context == "clean"]
    assert len(clean) >= 5
    assert {index: mtcheck[index] for index in clean if mtcheck[index]} == {}


def test_where_pofilter_misfires_on_a_clean_entry_mtcheck_is_right():
    """German writes nouns with a capital ("house prices" -> "Hauspreise"), and an ICU plural's
    branches are translated: pofilter flags both, mtcheck neither."""
    pofilter = dict((index, failing) for index, (context, failing) in enumerate(pofilter_reports()) if context == "clean")
    misfires = {test for failing in pofilter.values() for test in failing}
    assert misfires == {"startcaps", "pythonbraceformat"}
