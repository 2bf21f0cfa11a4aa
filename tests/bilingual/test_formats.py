"""Readers of bilingual translation files: exact pairs from hand-written fixtures that follow each
standard's examples, and hostile input (XXE, entity bombs, external DTDs, malformed files)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from mtcheck.bilingual.cat import Status
from mtcheck.bilingual.formats import BILINGUAL_SUFFIXES, Pair, read_line_aligned, read_pairs
from mtcheck.errors import InputError

DATA = Path(__file__).resolve().parent.parent / "data" / "bilingual"


def pairs(name: str, *languages: str) -> list[Pair]:
    return read_pairs(str(DATA / name), *languages)


def declaring(language: str | None, *expected: Pair, source: str | None = None) -> list[Pair]:
    """``expected`` as read from a file that declares the targets' ``language`` (and the sources')."""
    return [replace(pair, target_language=language, source_language=source) for pair in expected]


def error(call, *args) -> str:
    with pytest.raises(InputError) as caught:
        call(*args)
    return str(caught.value)


def test_suffixes():
    assert BILINGUAL_SUFFIXES == (".xlf", ".xliff", ".po", ".tmx", ".csv", ".tsv", ".jsonl", ".sdlxliff", ".mqxliff", ".mxliff")


def test_xliff_1_2():
    assert pairs("en-fr.xlf") == declaring("fr",
        Pair(0, "1", "The Community of Serb Municipalities met today.",
             "La Communauté des municipalités serbes s'est réunie aujourd'hui.", 10, 17, ("g#1",), ("g#1",)),
        # x and ph leave no text: ph holds the original document's code
        Pair(1, "2", "Click Save to continue.", "Cliquez sur Enregistrer pour continuer.", 15, 19,
             ("x#1", "ph#2"), ("x#1", "ph#2")),
        # a start tag over two lines: the text starts after its ">"; alt-trans is not the target
        Pair(2, "3", "Warning: read NATO rules.", "Attention : lisez les règles de l'OTAN.", 20, 33,
             ("bpt#1", "ept#1", "mrk"), ("bpt#1", "ept#1", "mrk"), status=Status("translated")),
        Pair(3, "4", "Kosovo Force", None, 28, 17),  # no target: where the source starts
        Pair(4, "5", "Belgrade, 25 May", "", 32, 9),  # <target/>: empty, at the tag
        Pair(5, "6", "A & B", "A & B", 34, 60),  # two units on one line
        Pair(6, "7", "Yes", "Oui", 34, 138),
        source="en",
    )


def test_xliff_2_two_segments_ignorable_and_inline_codes():
    assert pairs("en-sr.xliff") == declaring("sr",
        Pair(0, "u1/s1", "Jens Stoltenberg visited Belgrade.", "Јенс Столтенберг посетио је Београд.", 7, 17),
        Pair(1, "u1/s2", "He met Aleksandar Vučić.", "Састао се са Александром Вучићем.", 14, 17),
        Pair(2, "u2", "NATO and KFORnow\u00a0end", "НАТО и КФОРсада\u00a0крај", 23, 17,
             ("pc#1", "mrk#m1", "ph#2", "sc#3", "ec", "cp"), ("pc#1", "mrk#m1", "ph#2", "sc#3", "ec", "cp")),
        Pair(3, "u3", "Pristina", None, 29, 19),
        source="en",
    )


def test_xliff_in_utf16_gives_the_same_pairs(tmp_path):
    text = (DATA / "en-fr.xlf").read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "en-fr.xlf"
    path.write_bytes(text.encode("utf-16"))
    assert read_pairs(str(path)) == pairs("en-fr.xlf")


def test_po():
    translated, draft = Status("translated"), Status("draft")
    assert pairs("en-fr.po") == declaring("fr",
        Pair(0, "Latest news", "Latest news", "Dernières nouvelles", 11, 9, status=translated),
        Pair(1, "menu|File", "File", "Fichier", 17, 9, status=translated),
        Pair(2, "Read %(name)s article", "Read %(name)s article", "Lire l'article %(name)s", 23, 9, status=draft),  # fuzzy
        Pair(3, "%d comment", "%d comment", "%d commentaire", 28, 12, status=translated),  # plural: one pair per form
        Pair(4, "%d comment", "%d comments", "%d commentaires", 29, 12, status=translated),
        Pair(5, "Share", "Share", None, 31, 8),  # empty msgstr: no target, placed at the msgid, no state
        Pair(6, "A long message that wraps over two lines.", "A long message that wraps over two lines.",
             "Un long message qui tient sur deux lignes.", 38, 2, status=translated),  # msgstr "" then continuation lines
    )  # header and obsolete (#~) entries skipped


def test_malformed_po(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('msgid "a"\nmsgstr "b"\nmsgfoo "c"\n', encoding="utf-8")
    assert error(read_pairs, str(path)) == f"{path}:3: malformed PO file: syntax error"


def test_tmx_source_from_header_and_first_other_variant():
    assert pairs("three.tmx") == [
        *declaring("fr-FR", Pair(0, "t1", "The Brussels Agreement", "L'accord de Bruxelles", 9, 34),
                   Pair(1, "t2", "Warning: NATO", "Attention : OTAN", 13, 34, ("bpt", "ept", "hi", "ph"), ("bpt", "ept", "hi", "ph")),
                   source="en-GB"),
        declaring(None, Pair(2, None, "Only English", None, 18, 34), source="en-GB")[0],  # no target variant, no target language
    ]


def test_tmx_languages_by_prefix():
    assert pairs("three.tmx", "en", "sr") == [
        *declaring("sr-Cyrl", Pair(0, "t1", "The Brussels Agreement", "Бриселски споразум", 10, 36),
                   Pair(1, "t2", "Warning: NATO", "Пажња: НАТО", 15, 36, ("bpt", "ept", "hi", "ph"), ("bpt", "ept", "hi", "ph")),
                   source="en-GB"),
        declaring(None, Pair(2, None, "Only English", None, 18, 34), source="en-GB")[0],
    ]
    # a target language that is the source's (mtcheck's default "en") falls back to another variant
    assert [p.target for p in pairs("three.tmx", "en-GB", "en")][:1] == ["L'accord de Bruxelles"]
    # French as the source
    assert [(p.source, p.target) for p in pairs("three.tmx", "fr", "en")][:1] == [
        ("L'accord de Bruxelles", "The Brussels Agreement")]


def test_csv_with_quoted_multiline_cells_and_an_empty_target():
    assert pairs("en-fr.csv") == [
        Pair(0, "1", "Kosovo Force", "Force pour le Kosovo", 2, 16),
        Pair(1, "2", "Belgrade, Serbia", "Belgrade, Serbie", 3, 23),
        # the row starts on line 4; its target cell starts on line 5, after a quoted line break
        Pair(2, "3", "A first line\nand a second", "Une première ligne\net une seconde", 5, 16),
        Pair(3, "4", "Untranslated", None, 8, 3),  # empty cell: placed at the source
        Pair(4, "5", 'He said "yes".', "Il a dit « oui ».", 9, 23),
    ]


def test_csv_with_bom_and_crlf(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes("\ufeffSource,Target\r\nOne,Un\r\n".encode("utf-8"))
    assert read_pairs(str(path)) == [Pair(0, None, "One", "Un", 2, 5)]


def test_tsv_with_language_columns():
    assert pairs("en-sr.tsv", "en", "sr") == [
        Pair(0, None, "NATO", "НАТО", 2, 6),
        Pair(1, None, "Pristina", "Приштина", 3, 10),
    ]


def test_jsonl():
    assert pairs("en-fr.jsonl") == [
        Pair(0, "a1", "Kosovo Force", "Force pour le Kosovo", 1, 51),
        Pair(1, "2", "Belgrade", None, 3, 22),  # blank line 2 skipped; null target
        Pair(2, None, "Serbia", "Serbie", 4, 33),
    ]


def test_line_aligned():
    assert read_line_aligned(str(DATA / "lines.en.txt"), str(DATA / "lines.fr.txt")) == [
        Pair(0, None, "One", "Un", 1), Pair(1, None, "Two", "Deux", 2), Pair(2, None, "Three", "Trois", 3)]


# --- Errors --------------------------------------------------------------------------------------

def test_line_aligned_with_different_line_counts():
    source, target = str(DATA / "lines.en.txt"), str(DATA / "lines-short.fr.txt")
    assert error(read_line_aligned, source, target) == (
        f"{target}: not line-aligned with its source: {source} has 3 lines, {target} has 2")


def test_malformed_xml():
    path = str(DATA / "malformed.xlf")
    message = error(read_pairs, path)
    assert message.startswith(f"{path}:5:")
    assert message.endswith(": malformed XML: Opening and ending tag mismatch: target line 5 and source")
    assert "\n" not in message and "Traceback" not in message


def test_bad_jsonl_line():
    path = str(DATA / "bad.jsonl")
    assert error(read_pairs, path) == f"{path}:2:36: not valid JSON: Expecting property name enclosed in double quotes"


def test_csv_without_target_column():
    path = str(DATA / "no-target.csv")
    assert error(read_pairs, path) == f"{path}:1:1: no 'target' column in the header row (it has: id, source, translation)"


def test_unknown_suffix_and_missing_file():
    assert error(read_pairs, "notes.docx") == (
        "notes.docx: unknown translation file type '.docx': expected one of .xlf, .xliff, .po, .tmx, .csv, .tsv, .jsonl, "
        ".sdlxliff, .mqxliff, .mxliff")
    missing = str(DATA / "missing.xlf")
    assert error(read_pairs, missing) == f"{missing}: no such file"


def test_not_an_xliff_file(tmp_path):
    path = tmp_path / "x.xlf"
    path.write_text("<html><body/></html>", encoding="utf-8")
    assert error(read_pairs, str(path)) == f"{path}:1: not an XLIFF file: the root element is <html>"


# --- Hostile input -------------------------------------------------------------------------------

def test_xxe_does_not_read_the_file():
    path = str(DATA / "xxe.xlf")
    message = error(read_pairs, path)
    assert message == f"{path}:2:14: entity declarations are not allowed"
    assert "root:" not in message


def test_xxe_in_utf16_is_refused_too(tmp_path):
    text = (DATA / "xxe.xlf").read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "xxe.xlf"
    path.write_bytes(text.encode("utf-16"))
    assert error(read_pairs, str(path)) == f"{path}: entity declarations are not allowed"


def test_billion_laughs_is_refused_quickly():
    path = str(DATA / "billion-laughs.xlf")
    started = time.perf_counter()
    message = error(read_pairs, path)
    assert time.perf_counter() - started < 1.0
    assert message == f"{path}:3:3: entity declarations are not allowed"


def test_external_dtd_is_not_fetched(tmp_path):
    # the fixture names a DTD on the discard port: the parse neither fails nor waits on it
    assert pairs("external-dtd.xlf") == declaring("fr", Pair(0, "1", "Hello", "Bonjour", 6, 56), source="en")
    # and a listening socket sees no connection from the parser
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.setblocking(False)
        port = server.getsockname()[1]
        text = (DATA / "external-dtd.xlf").read_text("utf-8").replace("127.0.0.1:9/", f"127.0.0.1:{port}/")
        path = tmp_path / "dtd.xlf"
        path.write_text(text, encoding="utf-8")
        assert [p.target for p in read_pairs(str(path))] == ["Bonjour"]
        with pytest.raises(BlockingIOError):
            server.accept()


def test_importing_the_readers_loads_no_parser():
    code = "import sys, mtcheck.bilingual.formats; print(sorted({'lxml', 'polib'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
