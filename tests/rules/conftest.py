"""What the rule tests share: the findings one rule gives on a text, against the bundled glossary."""

from __future__ import annotations

import csv

import pytest


@pytest.fixture(scope="session")
def defects(bundled_checker):
    """The (text, suggestion) of each finding of ``rule`` on ``text``, checked as a file named ``path``."""
    def found(text: str, rule: str, path: str = "<text>") -> list[tuple[str, str | None]]:
        return [(f.text, f.suggestion) for f in bundled_checker.check_text(text, path).findings if f.rule == rule]

    return found


@pytest.fixture()
def pair_findings(tmp_path):
    """The (segment, text, message) of each finding of ``rule`` on (source, target) pairs, read as a
    CSV file into ``language`` from ``source_language``."""
    from mtcheck import Checker
    from mtcheck.model import Glossary
    from mtcheck.rules import RULES

    def found(rule: str, pairs: list[tuple[str, str]], language: str = "de", source_language: str = "en"):
        path = tmp_path / "pairs.csv"
        with path.open("w", encoding="utf-8", newline="") as file:
            csv.writer(file).writerows([("source", "target"), *pairs])
        checker = Checker([Glossary("pairs", language, "<pairs>", (), source_language)], rules=[RULES[rule]])
        return [(f.segment, f.text, f.message) for f in checker.check_document(checker.read(str(path))).findings]

    return found
