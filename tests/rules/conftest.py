"""What the rule tests share: the findings one rule gives on a text, against the bundled glossary."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def defects(bundled_checker):
    """The (text, suggestion) of each finding of ``rule`` on ``text``, checked as a file named ``path``."""
    def found(text: str, rule: str, path: str = "<text>") -> list[tuple[str, str | None]]:
        return [(f.text, f.suggestion) for f in bundled_checker.check_text(text, path).findings if f.rule == rule]

    return found
