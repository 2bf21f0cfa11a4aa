"""`fix --write` never loses what another program wrote meanwhile, and a fixed file stays the same
file: its hard links, permissions, owner and group (issue 14, item 5)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck import output, workflow
from mtcheck.cli import app
from tests.conftest import SMALL_GLOSSARY

BEFORE = "The USO met.\n"
FIXED = "The CSM met.\n"
OTHER = "Aljbin Kurti met.\n"
APPENDED = "A line another program wrote meanwhile.\n"


@pytest.fixture()
def tree(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def fix_write(*paths: str):
    return CliRunner().invoke(app, ["fix", "--no-cache", "--no-config", "-g", "g.yaml", "--write", *(paths or ("a.txt", "b.txt"))])


def append_from_another_process(path: Path) -> None:
    """What an editor or a script does while fix runs: append a line, from a process of its own."""
    script = f"with open({str(path)!r}, 'a', encoding='utf-8') as f: f.write({APPENDED!r})"
    subprocess.run([sys.executable, "-c", script], check=True)


def edit_after_fix_computed(monkeypatch, path: Path) -> None:
    """The other program writes after fix read and fixed the files, before fix writes them."""
    real_run_fix = workflow.run_fix

    def run_fix_then_edit(request):
        fixes = real_run_fix(request)
        append_from_another_process(path)
        return fixes

    monkeypatch.setattr(workflow, "run_fix", run_fix_then_edit)


def assert_left_as_edited(result, tree: Path) -> None:
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines() == [
        "warning: a.txt: changed while mtcheck fix ran: left as it is now, not fixed; run mtcheck fix again",
        "Fixed 1 finding in 1 file."]
    assert (tree / "a.txt").read_text(encoding="utf-8") == BEFORE + APPENDED
    assert (tree / "b.txt").read_text(encoding="utf-8") == "Albin Kurti met.\n"  # the other file is fixed
    assert sorted(p.name for p in tree.iterdir()) == ["a.txt", "b.txt", "g.yaml"]  # no temporary file left


def test_a_file_another_program_changed_after_it_was_read_is_not_written(tree, monkeypatch):
    # Before: the fixed text was written over the file and the appended line was lost, with exit 0.
    edit_after_fix_computed(monkeypatch, tree / "a.txt")
    assert_left_as_edited(fix_write(), tree)


def test_a_change_in_the_last_instant_before_the_rename_is_seen(tree, monkeypatch):
    """The other program writes while the fixed text is being flushed to the temporary file: the
    file is compared after that, just before the rename."""
    real_fsync, calls = os.fsync, []

    def fsync_while_another_program_writes(fd):
        real_fsync(fd)
        calls.append(fd)
        if len(calls) == 1:
            append_from_another_process(tree / "a.txt")

    monkeypatch.setattr(output.os, "fsync", fsync_while_another_program_writes)
    assert_left_as_edited(fix_write(), tree)


def test_a_file_with_several_hard_links_is_fixed_in_place_under_every_name(tree):
    # Before: the rename gave a.txt a new inode, and the other name kept the old text.
    (tree / "shared").mkdir()
    os.link(tree / "a.txt", tree / "shared/a.txt")
    (tree / "a.txt").chmod(0o640)
    inode = (tree / "a.txt").stat().st_ino
    result = fix_write("a.txt")
    assert result.exit_code == 0, result.stderr
    for name in ("a.txt", "shared/a.txt"):
        status = (tree / name).stat()
        assert (tree / name).read_text(encoding="utf-8") == FIXED
        assert (status.st_ino, status.st_nlink, status.st_mode & 0o777) == (inode, 2, 0o640)
    assert sorted(p.name for p in tree.iterdir()) == ["a.txt", "b.txt", "g.yaml", "shared"]


def test_a_hard_linked_file_changed_meanwhile_is_not_written_either(tree, monkeypatch):
    os.link(tree / "a.txt", tree / "a-link.txt")
    edit_after_fix_computed(monkeypatch, tree / "a.txt")
    result = fix_write()
    assert result.exit_code == 2 and "warning: a.txt: changed while mtcheck fix ran" in result.stderr
    assert (tree / "a.txt").read_text(encoding="utf-8") == (tree / "a-link.txt").read_text(encoding="utf-8") == BEFORE + APPENDED


def test_a_failed_write_in_place_puts_the_old_text_back(tree, monkeypatch):
    os.link(tree / "a.txt", tree / "a-link.txt")
    (tree / "a.txt").write_text("The USO met, and the USO spoke at length.\n", encoding="utf-8")
    original = (tree / "a.txt").read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    result = fix_write("a.txt")
    assert result.exit_code == 2 and result.stderr.startswith("error: a.txt: cannot write: No space left on device")
    assert (tree / "a.txt").read_bytes() == (tree / "a-link.txt").read_bytes() == original


ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")


@ROOT_ONLY
def test_the_owner_and_group_are_kept(tree):
    # Before: the file that replaced it belonged to whoever ran fix (here root).
    os.chown(tree / "a.txt", 1234, 5678)
    assert fix_write("a.txt").exit_code == 0
    status = (tree / "a.txt").stat()
    assert (status.st_uid, status.st_gid) == (1234, 5678)
    assert (tree / "a.txt").read_text(encoding="utf-8") == FIXED


@ROOT_ONLY
def test_a_file_whose_owner_cannot_be_kept_is_rewritten_in_place(tree, monkeypatch):
    """As vim and emacs do: replacing someone else's file (a group-writable one, say) would make it
    the fixer's own; writing in place keeps it theirs."""
    os.chown(tree / "a.txt", 1234, 5678)

    def not_permitted(fd, uid, gid):  # what a user who is not root is told
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(output.os, "fchown", not_permitted)
    inode = (tree / "a.txt").stat().st_ino
    assert fix_write("a.txt").exit_code == 0
    status = (tree / "a.txt").stat()
    assert (status.st_ino, status.st_uid, status.st_gid) == (inode, 1234, 5678)
    assert (tree / "a.txt").read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tree.iterdir()) == ["a.txt", "b.txt", "g.yaml"]
