"""Properties that hold for any text (hypothesis): checking never fails, findings slice the text and
agree with their lines and columns, the JSON parses and follows its schema, and fixing is idempotent
and local."""

from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from mtcheck import Checker
from mtcheck.fixer import fix_until_stable
from mtcheck.model import RunResult
from mtcheck.reporters import render
from mtcheck.scoring.quality import score_run

PIECES = [
    "USO", "Union of Serbian Municipalities", "Community of Serb Municipalities", "Aljbin Kurti", "Albin Kurti",
    "Kurti", "Corti", "Vučić", "Vucic", "KFOR", "Kosovo Force", "ZSO", "WSO", "the", "the the", "Peleven",
    "Facebook,Twitter", "[email protected]", "{0}", "%s", "“", "”", "(", ")", "\"", ".", ",", " ", "  ", "\n",
    "\r\n", "\r", "\n\n", "\t", "\x00", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\U0001F600", "ﬁ", "İ", "ß",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_BREAK = re.compile(r"\r\n|\r|\n")
REPORT_SCHEMA = jsonschema.Draft202012Validator(json.loads(
    resources.files("mtcheck.reporters").joinpath("json_report.schema.json").read_text("utf-8")))


@pytest.fixture(scope="module")
def checker(small_glossaries):
    return Checker(small_glossaries)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``: CRLF, CR and LF each end a line."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text, 0, offset)]
    return len(starts), offset - starts[-1] + 1


@SETTINGS
@given(text=texts)
def test_findings_slice_the_text_and_agree_with_their_positions(checker, text):
    result = checker.check_text(text, "a.txt")
    for f in result.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text)
        assert text[f.offset:f.offset + f.length] == f.text
        assert (f.line, f.column) == position(text, f.offset)
        assert (f.end_line, f.end_column) == position(text, f.offset + f.length)
    run = RunResult((result,))
    report = json.loads(render("json", RunResult((result,), scores=score_run(run))), parse_constant=not_json)
    assert report["summary"]["findings"] == len(result.findings)
    assert [error.message for error in REPORT_SCHEMA.iter_errors(report)] == []


def not_json(constant: str):
    raise AssertionError(f"the report holds {constant}: Python's json writes it, JSON has no such value")


@SETTINGS
@given(text=texts)
def test_fixing_is_idempotent_and_changes_only_reported_spans(checker, text):
    def recheck(fixed: str):
        return list(checker.check_text(fixed).findings)

    raw = text.encode("utf-8")
    one_pass = fix_until_stable("a.txt", raw, recheck(text), recheck, passes=1)
    fixed = one_pass.after.decode("utf-8")
    at = found = 0
    for edit in one_pass.edits:  # every byte between the edits is still there, in order
        found = fixed.find(text[at:edit.start], found)
        assert found >= 0
        found += edit.start - at
        at = edit.end
    assert fixed.endswith(text[at:])
    stable = fix_until_stable("a.txt", raw, recheck(text), recheck)
    again = fix_until_stable("a.txt", stable.after, recheck(stable.after.decode("utf-8")), recheck)
    assert again.after == stable.after


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=st.lists(texts, min_size=2, max_size=4), order=st.randoms())
def test_results_do_not_depend_on_jobs_or_file_order(tmp_path_factory, articles, order):
    from mtcheck.runner import check_paths, compile_checker
    from mtcheck.config import Config
    from mtcheck.engine import select_rules
    from tests.conftest import BUNDLED_GLOSSARY

    folder = tmp_path_factory.mktemp("order")
    paths = []
    for i, text in enumerate(articles):
        path = folder / f"{i}.txt"
        # a NUL marks a file as binary, which a named file may not be (tests/test_hostile_inputs.py)
        path.write_text(text.replace("\x00", ""), encoding="utf-8", newline="")
        paths.append(str(path))
    checker = compile_checker([str(BUNDLED_GLOSSARY)], Config(), select_rules(Config()))
    alone = {f.path: f for f in check_paths(checker, paths, jobs=1).files}
    shuffled = paths[:]
    order.shuffle(shuffled)
    together = {f.path: f for f in check_paths(checker, shuffled, jobs=2).files}
    assert together == alone


SERBIAN = ["Zajednica srpskih opština", "Zajednica", "srpskih", " je rekao da ", " Srbija neće priznati ", "Kosova"]
paragraphs = st.lists(st.lists(st.one_of(st.sampled_from(PIECES + SERBIAN), st.text(max_size=6)), max_size=30)
                      .map(lambda pieces: re.sub(r"(\r\n|\r|\n)", " ", "".join(pieces))), min_size=1, max_size=8)


@SETTINGS
@given(paragraphs=paragraphs, size=st.integers(min_value=40, max_value=400))
# found by this test: a quotation going on into the next paragraph; a fuzzy window's rare word beyond
# the paragraph; glossary words of a match in another segment exempting a sentence from untranslated-text
@example(paragraphs=["USOUSOUSOUSOUSOUSOUSOUSOUSOUSOUSOUSO“", "", "“"], size=40)
@example(paragraphs=["Zajednica srpskih opština", "USOZajednica srpskih opština"], size=40)
@example(paragraphs=["Zajednica srpskih opština", "Zajednica srpskih opštinaZajednica srpskih opština"], size=40)
def test_a_text_examined_in_segments_gives_the_findings_of_the_whole(checker, monkeypatch, paragraphs, size):
    """Long texts are examined in segments (by several workers at once): cut at paragraph breaks,
    they give the findings of the whole text, whatever the segment size."""
    import mtcheck.documents as documents
    from mtcheck.model import Document

    text = "\n\n".join(paragraphs)
    whole = checker.check_document(Document("a.txt", text))
    with monkeypatch.context() as patch:
        patch.setattr(documents, "EXAMINE_WHOLE_UP_TO", 0)
        patch.setattr(documents, "SEGMENT_CHARS", max(size, max(map(len, paragraphs)) + 2))
        segments = list(documents.examination_segments(Document("a.txt", text)))
        event(f"{min(len(segments), 3)} segments")
        assert "".join(piece for _, piece in segments) == text
        assert all(text.startswith(piece, base) for base, piece in segments)
        assert checker.check_document(Document("a.txt", text)) == whole
