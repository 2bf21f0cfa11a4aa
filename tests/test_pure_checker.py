"""A pure checker (issue 16, part 3): the Checker is built once and never changed, documents say
what they are through one protocol, and there is one path walker."""

from __future__ import annotations

import ast
from copy import copy as copy_of
from dataclasses import dataclass

import pytest

from mtcheck import Checker
from mtcheck.bilingual.document import BilingualDocument
from mtcheck.bilingual.formats import Pair
from mtcheck.documents import StreamedDocument
from mtcheck.markup import ProseStream
from mtcheck.model import Document, DocumentProtocol, Finding, ProseDocument
from mtcheck.runner import check_paths
from tests.conftest import MT_SAMPLE, ROOT


def test_a_checker_cannot_be_changed_once_built(checker):
    for name, value in (("encoding", "cp1250"), ("sources", {"a.txt": "a.sr.txt"}), ("cache_problem", "x")):
        with pytest.raises(AttributeError, match="not changed once built"):
            setattr(checker, name, value)


def test_reading_settings_are_given_when_it_is_built(small_glossaries):
    built = Checker(small_glossaries, sources={"a.fr.txt": "a.en.txt"}, encoding="cp1250")
    assert (built.sources, built.encoding) == ({"a.fr.txt": "a.en.txt"}, "cp1250")
    copy = copy_of(built)  # rebuilt from its state, as (cloud)pickle rebuilds it on a Dask worker
    assert (copy.sources, copy.encoding, copy.settings) == (built.sources, built.encoding, built.settings)
    with pytest.raises(AttributeError):
        copy.encoding = "utf-8"


def test_checking_leaves_the_checker_as_it_was(bundled_checker, tmp_path):
    before = {name: (value, repr(value)) for name, value in vars(bundled_checker).items()}
    bundled_checker.check_text(MT_SAMPLE.read_text(encoding="utf-8"))
    bundled_checker.check_paths([str(MT_SAMPLE)])
    check_paths(bundled_checker, [str(MT_SAMPLE)], jobs=2)
    after = {name: (value, repr(value)) for name, value in vars(bundled_checker).items()}
    assert after.keys() == before.keys()
    for name, (value, shown) in before.items():
        assert after[name][0] is value and after[name][1] == shown, name


def test_every_kind_of_document_speaks_the_protocol():
    pair = Pair(0, "u1", "Albin Kurti", "Albin Kurti", 3, 5, target_language="fr")
    bilingual = BilingualDocument.of("a.xlf", [pair], ((3, 5, "a warning"),))
    kinds = [Document("a.txt", "text"), ProseDocument("a.md", "text"), StreamedDocument("big.txt"),
             ProseStream("big.md"), bilingual]
    assert all(isinstance(document, DocumentProtocol) for document in kinds)
    assert [document.streamed for document in kinds] == [False, False, True, True, False]
    assert [document.pairs for document in kinds] == [()] * 4 + [(pair,)]
    assert [document.warnings for document in kinds] == [()] * 4 + [((3, 5, "a warning"),)]
    assert [document.other_target_languages("en") for document in kinds] == [[]] * 4 + [["fr"]]


def test_a_bilingual_document_puts_findings_back_in_the_file():
    bilingual = BilingualDocument.of("a.po", [Pair(0, "a", "x", "one", 4, 8), Pair(1, "b", "y", "two words", 7, 8)])
    finding = Finding("r", "c", 1, "a.po", 1, 1, 1, 1, bilingual.starts[1] + 4, 5, "words", "m")
    [placed] = bilingual.relocate_all([finding])
    assert (placed.line, placed.column, placed.segment, placed.unit, placed.offset) == (7, 12, 1, "b", 4)
    assert Document("a.txt", "t").relocate_all([finding]) == [finding]


def test_the_engine_asks_documents_what_they_are(bundled_checker):
    """A document of a kind the engine has never heard of is checked by what it says of itself."""

    @dataclass(frozen=True, slots=True)
    class FrenchMemo(Document):
        def other_target_languages(self, language: str) -> list[str]:
            return ["fr"]

    result = bundled_checker.check_document(FrenchMemo("memo.txt", "Aljbin Kurti"))
    assert result.skipped and "'fr'" in result.skipped and result.findings == ()


def test_the_engine_tests_no_concrete_document_type():
    tree = ast.parse((ROOT / "mtcheck" / "engine.py").read_text(encoding="utf-8"))
    named = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not named & {"BilingualDocument", "StreamedDocument", "ProseDocument", "ProseStream"}


def test_checker_check_paths_is_the_runners_walk(bundled_checker, tmp_path):
    (tmp_path / "a.txt").write_text(MT_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # a binary file in the folder: skipped
    assert bundled_checker.check_paths([str(tmp_path)]) == check_paths(bundled_checker, [str(tmp_path)])
    assert bundled_checker.check_paths([str(tmp_path)]).skipped[0][0].endswith("b.txt")
