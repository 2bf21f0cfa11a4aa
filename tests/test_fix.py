"""`mtcheck fix`: a diff by default, --write applies it, every other byte kept, idempotent."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import MT_SAMPLE, SMALL_GLOSSARY
from tests.test_cli import mtcheck

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
