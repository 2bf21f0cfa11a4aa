"""term-missing as the WMT21 terminology task measures it, through `mtcheck score --wmt-terms`."""

from __future__ import annotations

import json

from tests.cli_runs import mtcheck


def test_term_missing_measured_on_the_wmt21_annotations():
    """The fixture's 5 (segment, term) annotations: 'runny nose' (rendered "nez qui coule"),
    'flu' (the hypothesis says "rhume": missing), 'symptoms' (rendered), 'blood pressure'
    (rendered "tension artérielle") and 'dry cough' ("toux grasse", not "toux sèche": missing)."""
    data = "tests/data/wmt-terms"
    result = mtcheck("score", f"{data}/hyp.fr.txt", "--wmt-terms", f"{data}/src.en.sgm", "-f", "json")
    assert result.returncode == 0, result.stderr
    terms = json.loads(result.stdout)["terms"]
    assert terms["term_missing"] == {"findings": 2, "occurrences": 5}
    assert terms["exact_match"]["total"] - terms["exact_match"]["correct"] == 3  # the second "symptoms" too
