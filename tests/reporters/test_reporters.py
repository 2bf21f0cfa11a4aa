"""Reporters render the same data as the JSON contract's dict, in every shape of run."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.model import Finding, RunResult, Severity
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


_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_MAYBE_TEXT = st.none() | _ANY_TEXT


@settings(max_examples=300, deadline=None)
@given(rule=_ANY_TEXT, text=_ANY_TEXT, message=_ANY_TEXT, term=_MAYBE_TEXT, suggestion=_MAYBE_TEXT,
       numbers=st.lists(st.integers(0, 10**9), min_size=6, max_size=6), severity=st.sampled_from(list(Severity)),
       segment=st.none() | st.integers(0, 10**6), unit=_MAYBE_TEXT)
def test_a_finding_is_written_exactly_as_the_json_encoder_writes_its_dict(rule, text, message, term, suggestion,
                                                                          numbers, severity, segment, unit):
    """The JSON report writes each finding directly (its hot loop): byte for byte what json.dumps of
    ``finding_dict`` gives, whatever the strings hold (quotes, backslashes, control characters)."""
    finding = Finding(rule, "terminology", severity, "a.txt", *numbers[:4], numbers[4], numbers[5], text, message,
                      term, suggestion, "Terminology/Wrong term", segment, unit)
    expected = json.dumps(json_report.finding_dict(finding), ensure_ascii=False)
    assert json_report.finding_json(finding) == expected
