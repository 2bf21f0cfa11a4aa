"""Large files are read in segments: same findings as in memory, bounded memory, same errors."""

from __future__ import annotations

import pytest

from mtcheck.documents import StreamedDocument, read_document
from mtcheck.errors import InputError
from mtcheck.model import Document
from mtcheck.text import LineTracker, Positions, line_columns, tokens
from tests.conftest import MT_SAMPLE


@pytest.mark.parametrize("segment_chars", [1000, 4000])
def test_streamed_document_gives_the_same_findings(bundled_checker, segment_chars):
    in_memory = bundled_checker.check_document(read_document(str(MT_SAMPLE)))
    streamed = bundled_checker.check_document(StreamedDocument(str(MT_SAMPLE), segment_chars=segment_chars))
    assert streamed == in_memory and len(in_memory.findings) == 14


def test_segments_cut_inside_paragraphs_keep_the_term_findings():
    """Segments shorter than a paragraph: terms still match across the cuts (quote-balance, which
    judges whole paragraphs, is left out: real segments are 250,000+ characters, cut at paragraphs)."""
    from mtcheck import Checker, load_glossaries
    from mtcheck.engine import select_rules
    from mtcheck.config import Config
    from tests.conftest import BUNDLED_GLOSSARY

    checker = Checker(load_glossaries([BUNDLED_GLOSSARY]), rules=[r for r in select_rules(Config()) if r.id != "quote-balance"])
    in_memory = checker.check_document(read_document(str(MT_SAMPLE)))
    streamed = checker.check_document(StreamedDocument(str(MT_SAMPLE), segment_chars=300))
    assert streamed == in_memory and len(in_memory.findings) == 14


def test_segments_rebuild_the_text_and_end_at_paragraphs():
    doc = StreamedDocument(str(MT_SAMPLE), segment_chars=1000)
    segments = list(doc.segments())
    assert "".join(text for _, text in segments) == MT_SAMPLE.read_text(encoding="utf-8")
    assert all(text.endswith("\n") for _, text in segments[:-1])
    assert [base for base, _ in segments] == [sum(len(t) for _, t in segments[:i]) for i in range(len(segments))]


def test_big_files_are_streamed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("word " * 100)
    assert isinstance(read_document(str(path), stream_above=100), StreamedDocument)
    assert isinstance(read_document(str(path)), Document)


def test_streamed_invalid_utf8_names_line_column_and_byte(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(("para one\n\n" * 50).encode() + b"ok \xff no")
    with pytest.raises(InputError) as caught:
        list(StreamedDocument(str(path), segment_chars=100).segments())
    assert str(caught.value) == f"{path}:101:4: not valid UTF-8 (byte offset 503)"


def test_streamed_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffthe USO".encode())
    assert list(StreamedDocument(str(path)).segments()) == [(0, "the USO")]


def test_line_columns_across_segments_and_line_endings():
    segments = [(0, "ab\r\ncd\n"), (7, "ef\rgh")]
    assert line_columns(segments, [0, 4, 7, 8, 11, 12]) == {
        0: (1, 1), 4: (2, 1), 7: (3, 1), 8: (3, 2), 11: (4, 2), 12: (4, 3)}


def test_line_tracker_fed_segment_by_segment_agrees_with_one_pass():
    segments = [(0, "ab\r\ncd\n"), (7, "no hits here\n"), (20, "ef\rgh")]
    tracker = LineTracker()
    fed = [tracker.positions(base, text, [o for o in (0, 4, 7, 8, 21, 23, 25) if base <= o <= base + len(text)])
           for base, text in segments]
    assert dict(Positions.joined(fed).items()) == dict(line_columns(segments, [0, 4, 7, 8, 21, 23, 25]).items())
    assert dict(fed[2].items()) == {21: (4, 2), 23: (5, 1), 25: (5, 3)}


def test_tokens_keep_combining_marks_and_match_the_plain_pattern_without_them():
    assert tokens("Kurti\u0301s re-elected 2023") == ["Kurti\u0301s", "re", "elected", "2023"]
    assert tokens("Kurti's re_elected, 2023!") == ["Kurti", "s", "re", "elected", "2023"]
