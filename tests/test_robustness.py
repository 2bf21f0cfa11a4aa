"""Bad and odd input: each case handled the way a CI job needs (issue 8's table, in progress)."""

from __future__ import annotations

import json

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
