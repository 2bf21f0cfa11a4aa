"""Bad and odd input: each case handled the way a CI job needs (issue 8's table, in progress)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SMALL_GLOSSARY
from tests.test_cli import mtcheck


def test_utf16_with_a_bom_is_read_and_fixed_in_its_own_encoding(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        article = tmp_path / f"{codec}.txt"
        article.write_bytes(bom + "The USO met\r\nAljbin Kurti.\r\n".encode(codec))
        report = json.loads(mtcheck("check", article, "-g", glossary, "-f", "json").stdout)
        assert [(f["line"], f["column"], f["text"]) for f in report["files"][0]["findings"]] == [
            (1, 5, "USO"), (2, 1, "Aljbin Kurti")]
        assert mtcheck("fix", "--no-cache", article, "-g", glossary, "--write").returncode == 0
        assert article.read_bytes() == bom + "The CSM met\r\nAlbin Kurti.\r\n".encode(codec)


def test_a_binary_file_among_texts_is_skipped_with_a_warning(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The USO met.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = mtcheck("check", folder, "-g", glossary, "-f", "json")
    assert result.returncode == 1  # a.txt's major finding
    assert result.stderr.decode() == f"warning: {folder / 'b.txt'}: binary file, skipped\n"
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(folder / "a.txt")]
    assert report["summary"]["skipped"] == [{"path": str(folder / "b.txt"), "reason": "binary file"}]


def test_fix_writes_through_links_inside_the_tree_and_refuses_links_leading_out(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("The USO met.\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "real.txt").write_text("The USO left.\n", encoding="utf-8")
    (tree / "inside-link.txt").symlink_to(tree / "real.txt")
    assert mtcheck("fix", "--no-cache", tree / "inside-link.txt", "-g", glossary, "--write").returncode == 0
    assert (tree / "inside-link.txt").is_symlink() and (tree / "real.txt").read_text() == "The CSM left.\n"

    (tree / "escape.txt").symlink_to(outside)
    result = mtcheck("fix", "--no-cache", tree, "-g", glossary, "--write")
    assert result.returncode == 2 and "outside the checked tree" in result.stderr.decode()
    assert outside.read_text(encoding="utf-8") == "The USO met.\n"


HEADER = "version: 1\nname: g\nlanguage: en\n"
BAD_GLOSSARIES = {  # the README's bad-input table: file content -> the start of the one error line
    "tab-indent.yaml": (HEADER + "terms:\n\t- id: a\n", ":5:1: YAML syntax error"),
    "duplicate-key.yaml": (HEADER + "name: h\nterms: []\n", ":4:1: duplicate key 'name'"),
    "not-a-mapping.yaml": ("[1, 2]\n", ":1:1: a glossary must be a YAML mapping"),
    "python-tag.yaml": (HEADER + "terms: !!python/object/apply:os.system [\"touch pwned\"]\n",
                        ":4:8: tag 'tag:yaml.org,2002:python/object/apply:os.system' refused"),
    "blank-form.yaml": (HEADER + "terms:\n  - id: a\n    canonical: \"   \"\n", ":6:16: terms[0].canonical: '   ' is not"),
    "alias-bomb.yaml": ("a: &a [" + ",".join(["x"] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(6)),
        ":1:8: document expands to more than 1,000,000 nodes"),
}


@pytest.mark.parametrize("name", sorted(BAD_GLOSSARIES))
def test_bad_glossaries_give_their_error_exit_2_and_write_nothing(tmp_path, name):
    content, expected = BAD_GLOSSARIES[name]
    glossary = tmp_path / name
    glossary.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The USO met.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", name, "-f", "json", "-o", "out.json", cwd=tmp_path)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and lines[0].startswith(f"error: {name}{expected}"), lines
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "pwned").exists()
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "error: mtcheck: --scheduler needs --engine dask"),
    (["-f", "json", "-f", "sarif"], "error: mtcheck: several formats for one output"),
    (["--source", "a.txt", "a.txt"], "error: mtcheck: --source pairs one source file with one target file"),
])
def test_conflicting_flags_are_usage_errors(tmp_path, args, message):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The USO met.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", glossary, *args, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.decode().startswith(message)


def test_an_empty_file_is_fine(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    report = json.loads(mtcheck("check", "empty.txt", "-g", glossary, "-f", "json", cwd=tmp_path).stdout)
    assert report["files"][0]["words"] == 0 and report["files"][0]["findings"] == []


def test_encoding_chooses_how_texts_are_decoded(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(SMALL_GLOSSARY, encoding="utf-8")
    article = tmp_path / "cp1250.txt"
    article.write_bytes("The USO met in Zvečan.\n".encode("cp1250"))
    refused = mtcheck("check", article, "-g", glossary)
    assert refused.returncode == 2 and refused.stderr.decode() == f"error: {article}:1:19: not valid UTF-8 (byte offset 18)\n"
    report = json.loads(mtcheck("check", article, "-g", glossary, "--encoding", "cp1250", "-f", "json").stdout)
    assert [f["text"] for f in report["files"][0]["findings"]] == ["USO"]
    unknown = mtcheck("check", article, "-g", glossary, "--encoding", "klingon")
    assert unknown.returncode == 2 and unknown.stderr.decode() == "error: mtcheck: unknown encoding 'klingon'\n"
