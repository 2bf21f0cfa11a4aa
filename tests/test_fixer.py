"""`mtcheck fix`: a diff by default, --write applies it, every other byte kept, idempotent."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import MT_SAMPLE, SMALL_GLOSSARY
from tests.cli_runs import mtcheck

GLOSSARY = SMALL_GLOSSARY + """\
  - id: email
    canonical: email
    forbidden: [e-mail]
"""


@pytest.fixture()
def glossary(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def fix(*args, **kwargs):
    return mtcheck("fix", "--no-cache", *args, **kwargs)


def test_diff_by_default_then_write_then_nothing_left(tmp_path):
    article = tmp_path / "article.txt"
    shutil.copy(MT_SAMPLE, article)
    original = article.read_bytes()
    shown = fix(article)
    assert shown.returncode == 1 and article.read_bytes() == original
    diff = shown.stdout.decode()
    assert diff.startswith(f"--- {article}\n+++ {article}\n")
    assert "-He came to Belgrade from Pristina, where he met with Kosovo President Vjosa Osmani and Prime Minister " \
           "Aljbina Kurti.\n" in diff
    assert "+He came to Belgrade from Pristina, where he met with Kosovo President Vjosa Osmani and Prime Minister " \
           "Albin Kurti.\n" in diff
    # 11 findings, and the variant one of them was fixed to, which the rest of the text no longer uses
    assert shown.stderr.decode().strip() == "Would fix 12 findings in 1 file."

    written = fix(article, "--write")
    assert written.returncode == 0 and written.stderr.decode().strip() == "Fixed 12 findings in 1 file."
    assert article.read_bytes() != original
    again = fix(article)
    assert again.returncode == 0 and again.stdout == b"" and "Would fix 0 findings" in again.stderr.decode()
    checked = mtcheck("check", article, "-f", "json", "--select",
                      "term-forbidden,term-untranslated,term-misspelled,term-inconsistent")
    assert checked.returncode == 0 and b'"findings": []' in checked.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]  # no temporary file left


def test_only_the_spans_change(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_bytes("\ufeffE-mail the USO.\r\nAljbin Kurti's office and the Union of\r\nSerbian Municipalities.\r\n"
                        "We use e-mail.\r\n".encode("utf-8"))
    assert fix(article, "-g", glossary, "--write").returncode == 0
    assert article.read_bytes() == ("\ufeffEmail the CSM.\r\nAlbin Kurti's office and the Community of\r\n"
                                    "Serb Municipalities.\r\nWe use email.\r\n").encode("utf-8")


def test_select_limits_the_fixes(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_text("The USO met Aljbin Kurti.\n", encoding="utf-8")
    assert fix(article, "-g", glossary, "--select", "term-forbidden", "--write").returncode == 0
    assert article.read_text(encoding="utf-8") == "The CSM met Aljbin Kurti.\n"


def test_an_undecodable_file_is_never_touched(tmp_path, glossary):
    article = tmp_path / "bad.txt"
    article.write_bytes(b"the USO \xff\n")
    result = fix(article, "-g", glossary, "--write")
    assert result.returncode == 2 and "not valid UTF-8" in result.stderr.decode()
    assert article.read_bytes() == b"the USO \xff\n"


def test_standard_input_is_refused(glossary):
    result = fix("-", "-g", glossary)
    assert result.returncode == 2 and "standard input" in result.stderr.decode()


def test_write_keeps_the_file_mode(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_text("The USO met.\n", encoding="utf-8")
    article.chmod(0o640)
    assert fix(article, "-g", glossary, "--write").returncode == 0
    assert article.stat().st_mode & 0o777 == 0o640 and article.read_text(encoding="utf-8") == "The CSM met.\n"


SERBIAN_LATIN = "Đorđe Šćekić from Zvečan said: „Ovo je naša zemlja“. The USO met Vucic.\n"


def test_encoding_reads_and_writes_back_in_that_encoding(tmp_path, glossary):
    article = tmp_path / "cp1250.txt"
    article.write_bytes(SERBIAN_LATIN.encode("cp1250"))
    shown = fix(article, "-g", glossary, "--encoding", "cp1250")
    assert shown.returncode == 1 and "+Đorđe Šćekić from Zvečan said: „Ovo je naša zemlja“. The CSM met Vučić.\n" \
        in shown.stdout.decode("utf-8")
    assert fix(article, "-g", glossary, "--encoding", "cp1250", "--write").returncode == 0
    fixed = SERBIAN_LATIN.replace("USO", "CSM").replace("Vucic", "Vučić")
    assert article.read_bytes() == fixed.encode("cp1250")
    again = fix(article, "-g", glossary, "--encoding", "cp1250")
    assert again.returncode == 0 and again.stdout == b""


def test_a_fix_the_encoding_cannot_hold_stops_the_run_and_writes_nothing(tmp_path, glossary):
    article, other = tmp_path / "a.txt", tmp_path / "b.txt"
    article.write_bytes("The café in Zvecan: the USO met.\n".encode("latin-1"))  # Latin-1 has no 'č'
    other.write_bytes("Café owners met the USO.\n".encode("latin-1"))
    refused = fix(article, other, "-g", glossary, "--encoding", "latin-1", "--write")
    assert refused.returncode == 2 and refused.stderr.decode() == (
        f"error: {article}:1:13: cannot fix 'Zvecan' to 'Zvečan': 'č' cannot be encoded in iso8859-1; "
        "file left unchanged\n")
    assert article.read_bytes() == "The café in Zvecan: the USO met.\n".encode("latin-1")
    assert other.read_bytes() == "Café owners met the USO.\n".encode("latin-1")
    assert fix(other, "-g", glossary, "--encoding", "latin-1", "--write").returncode == 0
    assert other.read_bytes() == "Café owners met the CSM.\n".encode("latin-1")


def test_an_unknown_encoding_is_a_usage_error(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_text("The USO met.\n", encoding="utf-8")
    result = fix(article, "-g", glossary, "--encoding", "klingon", "--write")
    assert (result.returncode, result.stderr.decode()) == (2, "error: mtcheck: unknown encoding 'klingon'\n")
    assert article.read_text(encoding="utf-8") == "The USO met.\n"


@pytest.mark.parametrize("raw, encoding, body", [
    (b"\xef\xbb\xbfThe USO.\n", "utf-8-sig", "utf-8"),  # the BOM is dropped when read, put back when written
    (b"\xef\xbb\xbfThe USO.\n", "utf-8", "utf-8"),  # the BOM is read as a character: not written twice
    (b"\xfe\xff" + "The USO.\n".encode("utf-16-be"), "utf-8-sig", "utf-16-be"),  # UTF-16 by its BOM, order kept
    (b"\xfe\xff" + "The USO.\n".encode("utf-16-be"), "utf-16", "utf-16-be"),
    ("˙ţ The USO.\n".encode("cp1250"), "cp1250", "cp1250"),  # bytes that look like a UTF-16 BOM, in a cp1250 text
])
def test_encode_like_writes_in_the_encoding_and_with_the_bom_it_was_read_with(raw, encoding, body):
    from mtcheck.documents import decode
    from mtcheck.fixer import encode_like

    text = decode(raw, "a.txt", encoding)
    assert encode_like(raw, text, encoding) == raw
    assert encode_like(raw, text.replace("USO", "CSM"), encoding) == raw.replace("USO".encode(body), "CSM".encode(body))
