"""WMT 2021 terminology task metrics (``mtcheck score --wmt-terms``): SGML reading, exact-match
term accuracy and window overlap on a small fixture in the task's format, worked out by hand."""

from __future__ import annotations

import json

import pytest

from mtcheck.errors import InputError
from mtcheck.scoring import reference
from mtcheck.scoring.wmt_terms import (Segment, Term, context, exact_matches, is_punctuation, parse_sgml,
                                       read_inputs, segment_overlap, term_scores)
from tests.cli_runs import mtcheck
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "wmt-terms"
SRC, REF, HYP, HYP_SGML = DATA / "src.en.sgm", DATA / "ref.fr.sgm", DATA / "hyp.fr.txt", DATA / "hyp.fr.sgm"

# The fixture, tokens numbered (reference / hypothesis); [..] marks an annotated term.
#
# seg 7   ref: et(0) avez-vous(1) le(2) [nez qui coule](3-5) et(6) le(7) [rhume](8) ?(9)
#         hyp: et avez-vous un nez qui coule et un rhume ?
#   "rhume" is not among its tgt forms (grippe|grippale): accepted only as the reference's own text.
# seg 21  ref: les(0) [symptômes](1) et(2) encore(3) des(4) [symptômes](5) aujourd'hui(6)
#         hyp: les(0) symptômes(1) et(2) d'(3) autres(4) signes(5) aujourd'hui(6)
#   one form needed twice, present once: the second occurrence is missing.
# seg 67  ref: je ne pense pas avoir une(5) [tension artérielle](6-7) élevée(8) ,(9) et(10) une(11)
#              [toux sèche](12-13)
#         hyp: je ne crois pas avoir une tension artérielle haute , et une toux grasse
# seg 88  no terms (ref and hyp hold "&amp;", one "&" token, punctuation).
#
# Exact match, with the reference's annotations:
#   seg 7: nez qui coule found, rhume found (reference text)          2/2
#   seg 21: symptômes at 1 found; second: its only start is taken     1/2
#   seg 67: "tension" found at 6 (the form "tension artérielle" starts there too, already taken);
#           toux sèche missing ("toux grasse")                          1/2
#   => 4/6. With the source's annotations only (no reference text as a form): rhume not accepted => 3/6.
#
# Window overlap (score of a pair = shared context tokens / reference context tokens; "?" "," "&" skipped):
#   window 2
#     seg 7:  nez qui coule: ref [le, avez-vous | et, le]  hyp [un, avez-vous | et, un]   2/4 = 0.5
#             rhume:         ref [le, et | -]              hyp [un, et | -]               1/2 = 0.5
#             segment mean 0.5
#     seg 21: ref j0 [les | et, encore], ref j1 [des, encore | aujourd'hui], hyp k0 [les | et, d']
#             j0-k0 2/3, j1-k0 0/3; one hypothesis occurrence: only j0-k0 is kept => 0.666667
#     seg 67: tension artérielle: ref [une, avoir | élevée, et]  hyp [une, avoir | haute, et] 3/4 = 0.75;
#             toux sèche not in the hypothesis: no pair                                  => 0.75
#     seg 88: no term => 0
#     corpus: (0.5 + 0.666667 + 0.75 + 0) / 4 segments = 0.479167
#   window 3
#     seg 7:  nez qui coule: ref [le, avez-vous, et | et, le, rhume] hyp [un, avez-vous, et | et, un, rhume] 4/6
#             rhume: ref [le, et, coule] hyp [un, et, coule] 2/3                       => 0.666667
#     seg 21: j0 ref [les | et, encore, des] vs hyp [les | et, d', autres] 2/4; j1 1/4 => 0.5
#     seg 67: ref [une, avoir, pas | élevée, et, une] hyp [une, avoir, pas | haute, et, une] 5/6 => 0.833333
#     corpus: (0.666667 + 0.5 + 0.833333 + 0) / 4 = 0.5
EXACT_WITH_REF = (4, 6)
EXACT_SOURCE_ONLY = (3, 6)
WINDOW_2 = (0.5 + 2 / 3 + 0.75 + 0) / 4
WINDOW_3 = (2 / 3 + 0.5 + 5 / 6 + 0) / 4


def test_the_sgml_is_read_with_term_positions_and_entities():
    [first, _, third, last] = read_inputs(str(HYP), str(SRC), [str(REF)]).reference
    assert first.seg_id == "7" and first.tokens[:4] == ("et", "avez-vous", "le", "nez")
    assert first.terms[0] == Term(tgt="nez coule-t-il|nez qui coule", text="nez qui coule", start=3, end=6,
                                  type="src_original_and_tgt_original", term_id="330")
    assert third.seg_id == "67" and [(t.text, t.start, t.end) for t in third.terms] == [("tension artérielle", 6, 8),
                                                                                         ("toux sèche", 12, 14)]
    assert last.text == "ça fait mal dans la poitrine & le dos" and last.terms == ()


def test_lenient_parsing_of_not_quite_xml():
    text = """<refset><doc docid=d1>
<seg id=1>a <term tgt="R&amp;D|x > y" type='src_lemma_and_tgt_original'>R&amp;D</term> <!-- note --> <b>b</b>
</seg><SEG ID="2"> c <term tgt="d">d e</seg>
"""
    [one, two] = parse_sgml(text)
    assert one.seg_id == "1" and one.tokens == ("a", "R&D", "b")
    assert one.terms[0].tgt == "R&D|x > y" and one.terms[0].forms(True) == [("R&D",), ("x", ">", "y")]
    assert (one.terms[0].start, one.terms[0].end, one.terms[0].original_target) == (1, 2, True)
    assert two.seg_id == "2" and (two.terms[0].text, two.terms[0].start, two.terms[0].end) == ("d e", 1, 3)  # unclosed


def test_a_seg_without_its_end_is_an_error_naming_the_line():
    with pytest.raises(InputError, match=r"x\.sgm:3:1: <seg> without </seg>"):
        parse_sgml("<srcset>\n<seg id=1> a </seg>\n<seg id=2> b\n<seg id=3> c </seg>", "x.sgm")


@pytest.mark.parametrize("hypothesis", [HYP, HYP_SGML])
def test_exact_match_and_window_overlap_on_the_fixture(hypothesis):
    scores = term_scores(read_inputs(str(hypothesis), str(SRC), [str(REF)]))
    assert (scores.exact_match.correct, scores.exact_match.total) == EXACT_WITH_REF
    assert scores.exact_match.accuracy == pytest.approx(4 / 6)
    assert scores.overlap(2).score == pytest.approx(WINDOW_2) and scores.overlap(2).pairs == 4
    assert scores.overlap(3).score == pytest.approx(WINDOW_3)
    assert scores.annotations == "reference" and scores.segments == 4


def test_without_a_reference_the_sources_annotations_give_exact_match_alone():
    scores = term_scores(read_inputs(str(HYP), str(SRC), []))
    assert (scores.exact_match.correct, scores.exact_match.total) == EXACT_SOURCE_ONLY
    assert scores.window_overlap == () and scores.annotations == "source"
    assert scores.as_dict()["window_overlap_2"] is None


def _term(tgt: str, text: str = "", start: int = 0, end: int = 0, type: str = "src_original_and_tgt_original") -> Term:
    return Term(tgt=tgt, text=text, start=start, end=end, type=type)


def test_every_form_found_uses_a_start_up_as_the_official_script_does():
    hypothesis = tuple("il toussez et toux".split())
    cough = _term("toux|toussez")
    # the first term finds "toux" (3) and goes on to "toussez" (1): both starts are used, the second term has none
    assert exact_matches(hypothesis, (cough, cough)) == 1
    assert exact_matches(hypothesis, (_term("toussez"), _term("toux"))) == 2


def test_forms_match_whole_tokens_literally_and_case_sensitively():
    hypothesis = tuple("soit c.-à-d. la Grippe grippes".split())
    assert exact_matches(hypothesis, (_term("c.-à-d."),)) == 1
    assert exact_matches(hypothesis, (_term("cXàXd."),)) == 0  # "." is no wildcard
    assert exact_matches(hypothesis, (_term("grippe"),)) == 0  # neither "Grippe" nor part of "grippes"


def test_context_skips_punctuation_and_uses_the_annotated_position():
    assert [is_punctuation(t) for t in (",", "?", "()", "...", "«", "&", "a")] == [True, True, True, False, False,
                                                                                    True, False]
    tokens = tuple("la fièvre , la fièvre forte monte .".split())
    assert context(tokens, 3, 5, 2) == ["fièvre", "la", "forte", "monte"]
    # a two-word term whose first word occurs earlier: the annotation's span, not the first "la"
    ref = Segment("1", " ".join(tokens), tokens, (_term("la fièvre", "la fièvre", 3, 5),))
    # the hypothesis is the reference: "la fièvre" at 0 scores [la, fièvre] 2/4, at 3 the same context 4/4;
    # the best pair wins. (The script's positions, the first "la" and one word too far right, give 2/3.)
    assert segment_overlap(tokens, ref, 2) == [1.0]


def test_lemma_typed_terms_are_left_out_of_window_overlap():
    tokens = tuple("a b c".split())
    ref = Segment("1", "a b c", tokens, (_term("b", "b", 1, 2, type="src_original_and_tgt_lemma"),))
    assert segment_overlap(tokens, ref, 2) == []


# The command line


def _score(*args):
    return mtcheck("score", *args)


def test_json_contract_with_an_sgml_reference():
    result = _score(HYP, "--wmt-terms", SRC, "--ref", REF, "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    terms = report["terms"]
    assert terms["exact_match"] == {"correct": 4, "total": 6, "accuracy": pytest.approx(4 / 6)}
    assert terms["window_overlap_2"] == pytest.approx(WINDOW_2) and terms["window_overlap_3"] == pytest.approx(WINDOW_3)
    assert report["version"] == 1 and list(report["corpus"]) == ["BLEU", "chrF2++", "TER"]
    # BLEU and the like score the reference's segment text, markup stripped
    texts = [s.text for s in read_inputs(str(HYP), str(SRC), [str(REF)]).reference]
    expected = reference.corpus_scores(reference.read_segments(str(HYP)), [texts], ("bleu",))[0]
    assert report["corpus"]["BLEU"]["score"] == pytest.approx(expected.score)


def test_json_without_a_reference_has_the_terms_alone():
    result = _score(HYP_SGML, "--wmt-terms", SRC, "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "corpus" not in report
    assert report["terms"]["exact_match"] == {"correct": 3, "total": 6, "accuracy": 0.5}
    assert report["terms"]["window_overlap_2"] is None and report["terms"]["window_overlap_3"] is None


def test_text_report_section():
    result = _score(HYP, "--wmt-terms", SRC, "--ref", REF, "--metrics", "bleu")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert "WMT21 terminology (4 segments, term annotations of the reference):\n" in text
    assert "  exact-match term accuracy   66.67% (4/6)\n" in text
    assert "  window overlap, window 2    0.4792 (4 term pairs)\n" in text
    assert "  window overlap, window 3    0.5000 (4 term pairs)\n" in text


@pytest.mark.parametrize("args, message", [
    (("{short}", "--wmt-terms", "{src}"), "{short}: has 3 segments but {src} has 4: the hypothesis needs one segment"),
    (("{hyp}", "--wmt-terms", "{src}", "--ref", "{short}"), "{short}: has 3 lines but {src} has 4 segments"),
    (("{hyp}", "--wmt-terms", "{missing}"), "{missing}: no such file"),
    (("{missing}", "--wmt-terms", "{src}"), "{missing}: no such file"),
    (("{hyp}", "--wmt-terms", "{hyp}"), "{hyp}: no <seg> found"),
    (("{hyp}", "--wmt-terms", "{broken}"), "{broken}:2:1: <seg> without </seg>"),
    (("--wmt-terms", "{src}"), "--wmt-terms needs a hypothesis file"),
    (("{hyp}", "{hyp}", "--wmt-terms", "{src}", "--compare"), "cannot be combined with --compare"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    short = tmp_path / "short.txt"
    short.write_text("a\nb\nc\n", encoding="utf-8")
    broken = tmp_path / "broken.sgm"
    broken.write_text("<srcset>\n<seg id=1> a\n<seg id=2> b </seg>\n", encoding="utf-8")
    names = {"src": str(SRC), "hyp": str(HYP), "short": str(short), "missing": str(tmp_path / "none.sgm"),
             "broken": str(broken)}
    result = _score(*[a.format(**names) for a in args])
    assert result.returncode == 2 and result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message.format(**names) in lines[0]
