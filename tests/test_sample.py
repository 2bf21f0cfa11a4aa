"""The real article: every defect found with the right term, nothing flagged on correct forms."""

from __future__ import annotations

from tests.conftest import CORRECTED_SAMPLE, MT_SAMPLE

TERM_RULES = {"term-forbidden", "term-untranslated", "term-misspelled", "term-inconsistent"}
DEFECT_RULES = {"garbled-word", "spacing", "artifact"}


def sample_findings(checker, path):
    return checker.check_paths([str(path)]).files[0].findings


def test_every_rendering_of_the_csm_concept_is_found(bundled_checker):
    found = [(f.line, f.text, f.term, f.rule) for f in sample_findings(bundled_checker, MT_SAMPLE) if f.term == "csm"]
    assert found == [
        (1, "WSO", "csm", "term-misspelled"),
        (4, "Union of Serbian Municipalities", "csm", "term-forbidden"),
        (4, "USO", "csm", "term-forbidden"),
        (10, "ZSO", "csm", "term-untranslated"),
        (14, "Union of Serbian Municipalities", "csm", "term-forbidden"),
        (20, "Association of Serbian Municipalities", "csm", "term-misspelled"),
        (139, "WSO", "csm", "term-misspelled"),
    ]


def test_every_misspelling_of_albin_kurti_is_found(bundled_checker):
    found = [(f.line, f.text, f.suggestion) for f in sample_findings(bundled_checker, MT_SAMPLE) if f.term == "albin-kurti"]
    assert found == [(10, "Aljbin Kurti", "Albin Kurti"), (18, "Aljbina Kurti", "Albin Kurti"), (48, "Aljbin Kurti", "Albin Kurti")]


def test_no_finding_on_correct_forms(bundled_checker):
    text = MT_SAMPLE.read_text(encoding="utf-8")
    flagged = {f.text for f in sample_findings(bundled_checker, MT_SAMPLE)}
    for correct in ("Stoltenberg", "Jens Stoltenberg", "Vučić", "Aleksandar Vučić", "Vjosa Osmani", "Osmani",
                    "Pristina", "KFOR", "Belgrade", "Zvečan", "Banjska", "Milan Radoičić", "NATO", "Kurti"):
        assert correct in text and correct not in flagged
    assert {f.rule for f in sample_findings(bundled_checker, MT_SAMPLE)} <= TERM_RULES | DEFECT_RULES


def test_the_other_mt_defects_are_found(bundled_checker):
    found = [(f.line, f.rule, f.text, f.suggestion) for f in sample_findings(bundled_checker, MT_SAMPLE)
             if f.rule in DEFECT_RULES]
    assert found == [
        (127, "garbled-word", "Peleven", "Eleven"),
        (135, "spacing", ",", None),
        (135, "artifact", "[email\xa0protected]", None),
    ]


def test_json_offsets_slice_the_text(bundled_checker):
    text = MT_SAMPLE.read_text(encoding="utf-8")
    for f in sample_findings(bundled_checker, MT_SAMPLE):
        assert text[f.offset:f.offset + f.length] == f.text


def test_corrected_sample_has_no_term_finding(bundled_checker):
    assert sample_findings(bundled_checker, CORRECTED_SAMPLE) == ()


def test_corrected_sample_differs_only_where_the_mt_has_defects():
    before = MT_SAMPLE.read_text(encoding="utf-8").splitlines()
    after = CORRECTED_SAMPLE.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [1, 4, 10, 14, 18, 20, 48, 104, 127, 135, 139]
