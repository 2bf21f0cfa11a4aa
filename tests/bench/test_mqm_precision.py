"""bench/mqm_precision.py: the MQM annotations read into segments and marks, and findings judged
against them, on a TSV of a few rows in the WMT format."""

from __future__ import annotations

import json

import pytest

from mtcheck.rules import RULES
from tests.bench import bench_module


mqm = bench_module("mqm_precision")

HEADER = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment"
ROWS = [
    'sysA\ttalk.1\t1\t1\trater1\tI saw "two" cats.\tIch sah <v>"zwei"</v> Katzen.\tAccuracy/Mistranslation\tMajor\tquotes',
    'sysA\ttalk.1\t1\t1\trater1\tI saw "two" cats.\tIch sah "zwei" Katzen<v>.</v>\tFluency/Punctuation\tMinor\t',
    "sysA\ttalk.1\t2\t2\trater1\tIt is done.\tEs ist fertig.\tNo-error\tNo-error\t",
    'sysB\ttalk.1\t1\t1\trater2\tI saw <v>"two"</v> cats.\tIch sah Katzen.\tAccuracy/Omission\tMajor\t',
]


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "mqm.tsv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(data):
    return mqm.build_corpus(mqm.read_rows(data))


def test_rows_become_unique_segments_with_their_marks_as_offsets(corpus):
    assert (corpus.rows, corpus.disagreements) == (4, 0)
    assert [s.key for s in corpus.segments] == [("sysA", "1", "1"), ("sysA", "2", "2"), ("sysB", "1", "1")]
    first, unmarked, omission = corpus.segments
    assert first.target == 'Ich sah "zwei" Katzen.' and first.source == 'I saw "two" cats.'
    assert [(m.category, m.side, m.span) for m in first.marks] == [
        ("Accuracy/Mistranslation", "target", (8, 14)), ("Fluency/Punctuation", "target", (21, 22))]
    assert first.target[8:14] == '"zwei"'
    assert [(m.category, m.is_error, m.side, m.span) for m in unmarked.marks] == [("No-error", False, None, None)]
    assert unmarked.errors == ()
    assert [(m.side, m.span) for m in omission.marks] == [("source", (6, 11))]
    assert omission.source[6:11] == '"two"' and omission.target == "Ich sah Katzen."


def test_a_mark_left_open_runs_to_the_end_and_a_row_with_other_text_is_counted():
    assert mqm.unmark("Mobilität. <v>?") == ("Mobilität. ?", (11, 12))
    assert mqm.unmark("no marks") == ("no marks", None)
    other = ROWS[1].replace("Katzen<v>.</v>", "Katzen<v>!</v>")
    corpus = mqm.build_corpus([dict(zip(HEADER.split("\t"), row.split("\t"))) for row in (ROWS[0], other)])
    assert corpus.disagreements == 1
    assert corpus.segments[0].target == 'Ich sah "zwei" Katzen.'  # the first row's
    assert [m.span for m in corpus.segments[0].marks] == [(8, 14), None]  # its span is in another text


def finding(rule: str, segment: int, start: int, end: int):
    return mqm.SegmentFinding(rule, RULES[rule].mqm, segment, start, end, "x", f"{rule} at {start}")


KNOWN = [
    finding("number-mismatch", 0, 9, 13),  # inside the rater's Mistranslation span
    finding("number-mismatch", 1, 0, 0),  # a No-error segment
    finding("repeated-word", 0, 15, 21),  # Fluency, but Punctuation not Grammar; ends where a mark starts
    finding("repeated-word", 2, 4, 7),  # an Accuracy error marked in the source
]


def test_each_rule_s_findings_are_judged_against_the_marks_and_the_base_rates(corpus):
    lines = mqm.rule_figures([RULES["repeated-word"], RULES["number-mismatch"]], corpus.segments, KNOWN)
    counted = [(f.rule, f.findings, f.same_type, f.same_dimension, f.any_error, f.overlaps_any, f.overlaps_same_type,
                f.without_width) for f in lines]
    assert counted == [
        ("number-mismatch", 2, 1, 1, 1, 1, 1, 1),
        ("repeated-word", 2, 0, 1, 2, 0, 0, 0),
        ("all rules", 4, 1, 2, 3, 1, 1, 1),
    ]
    bases = [base for f in lines for base in (f.base_same_type, f.base_same_dimension, f.base_any_error)]
    # Mistranslation on 1 segment of 3, Accuracy on 2; Grammar on none, Fluency on 1; any error on 2.
    # "all rules": each rule's base rate weighted by its 2 findings of the 4.
    assert bases == pytest.approx([1 / 3, 2 / 3, 2 / 3, 0, 1 / 3, 2 / 3, (2 / 3 + 0) / 4, (4 / 3 + 2 / 3) / 4, 2 / 3])
    assert lines[0].share(lines[0].same_type) == 0.5


def test_number_mismatch_recall_counts_accuracy_errors_marked_on_digits(corpus):
    digits = corpus.segments[0].__class__(  # one more segment: an accuracy error on "12"
        "sysC", "talk.1", "1", "1", "I saw 12 cats.", "Ich sah 13 Katzen.",
        (mqm.Mark("rater3", "Accuracy/Mistranslation", "Major", "target", (8, 10)),))
    segments = [*corpus.segments, digits]
    found = [finding("number-mismatch", 3, 0, 0), finding("repeated-word", 3, 8, 10)]
    assert mqm.digit_errors_caught(segments, found) == {"segments": 1, "with a finding": 1, "with a finding on the span": 0}
    found.append(finding("number-mismatch", 3, 8, 10))
    assert mqm.digit_errors_caught(segments, found)["with a finding on the span"] == 1


def test_the_false_positives_are_the_findings_on_segments_without_the_rule_s_type(corpus):
    wrong = mqm.false_positives(corpus.segments, KNOWN)
    assert wrong == {"number-mismatch": [KNOWN[1]], "repeated-word": [KNOWN[2], KNOWN[3]]}


@pytest.mark.parametrize("mqm_type, category, same_type, same_dimension", [
    ("Accuracy/Untranslated", "Non-translation!", True, True),
    ("Accuracy/Untranslated", "Accuracy/Untranslated text", True, True),
    ("Linguistic conventions/Grammar", "Fluency/Spelling", False, True),
    ("Design and markup/Markup tag", "Fluency/Display", True, True),
    ("Accuracy/Mistranslation", "Style/Awkward", False, False),
    ("Accuracy/Mistranslation", "No-error", False, False),
])
def test_the_category_mapping(mqm_type, category, same_type, same_dimension):
    assert (mqm.same_type(mqm_type, category), mqm.same_dimension(mqm_type, category)) == (same_type, same_dimension)


def test_findings_come_back_to_their_segment_and_offset_within_each_talk():
    def segment(system: str, place: int, target: str):
        return mqm.Segment(system, "talk.1", str(place), str(place), "The source.", target, ())

    segments = [segment("sysA", 1, "Gut."), segment("sysA", 2, "Das ist ist gut."), segment("sysB", 1, "Es war war so.")]
    found = mqm.run_rules(segments, [RULES["repeated-word"]])
    assert [(f.rule, f.segment, f.start, f.end, f.text) for f in found] == [
        ("repeated-word", 1, 8, 11, "ist"), ("repeated-word", 2, 7, 10, "war")]


def test_a_run_writes_the_same_report_twice(data, tmp_path, capsys):
    for out in ("first", "second"):
        mqm.main(["--data", str(data), "--rules", "repeated-word", "--out", str(tmp_path / out)])
    assert "| `repeated-word` | Linguistic conventions/Grammar | 0 |" in capsys.readouterr().out
    for name in ("mqm-precision.md", "mqm-precision.json"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()
    report = json.loads((tmp_path / "first" / "mqm-precision.json").read_text(encoding="utf-8"))
    assert report["about"]["segments"] == 3 and report["rules run"] == ["repeated-word"]
