"""Reporters render the same data as the JSON contract's dict, in every shape of run."""

from __future__ import annotations

import json

from mtcheck.model import RunResult
from mtcheck.reporters import json_report, text_report
from tests.conftest import CORRECTED_SAMPLE, MT_SAMPLE


def test_json_text_is_exactly_the_report_dict(bundled_checker):
    for paths in ([], [str(CORRECTED_SAMPLE)], [str(MT_SAMPLE), str(CORRECTED_SAMPLE), str(MT_SAMPLE)]):
        run = RunResult(tuple(bundled_checker.check_paths(p).files[0] for p in ([x] for x in paths)))
        rendered = json_report.render(run)
        assert json.loads(rendered) == json_report.report_dict(run)
        assert rendered.endswith("}\n")


def test_text_report_lines_and_summary(bundled_checker):
    run = bundled_checker.check_paths([str(MT_SAMPLE)])
    lines = text_report.render(run).splitlines()
    assert len(lines) == 14 + 2 and lines[-2] == ""
    assert lines[0].endswith("'WSO' is one letter away from 'ZSO' (Community of Serb Municipalities) [suggest: CSM]")
    assert lines[-1].startswith("14 findings (13 major, 1 minor) in 1 file (1,645 words)")
