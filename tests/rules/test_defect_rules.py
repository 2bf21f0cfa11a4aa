"""The MT defect rules beyond terms, together: quiet on clean professional English.

Each rule's own examples are in tests/rules/test_<rule>.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORRECTED_SAMPLE

CLEAN_TED = Path(__file__).parent.parent / "data" / "clean" / "ted-talks-en.txt"


@pytest.mark.parametrize("path", [CORRECTED_SAMPLE, CLEAN_TED])
def test_quiet_on_clean_professional_english(bundled_checker, path):
    result = bundled_checker.check_text(path.read_text(encoding="utf-8"), str(path))
    assert [(f.line, f.rule, f.text) for f in result.findings] == []
    assert result.words > 1500
