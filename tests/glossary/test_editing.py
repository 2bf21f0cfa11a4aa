"""Changing a glossary file (mtcheck/glossary/editing.py), through `mtcheck glossary add` and `edit`:
what a person wrote is kept, and an invalid change writes nothing."""

from __future__ import annotations

import shutil

from tests.cli_runs import glossary
from tests.conftest import BUNDLED_GLOSSARY


def test_add_and_edit_keep_comments_and_order(tmp_path):
    path = tmp_path / "g.yaml"
    shutil.copy(BUNDLED_GLOSSARY / "kosovo-serbia.yaml", path)
    before = path.read_text(encoding="utf-8")
    added = glossary("add", path, "--id", "kaja-kallas-2", "--canonical", "Kaja Kallas Junior", "--forbidden",
                     "Kaya Kalas Junior", "--note", "A test entry.")
    assert added.returncode == 0, added.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before):] == (
        "  - id: kaja-kallas-2\n    canonical: Kaja Kallas Junior\n    forbidden: [Kaya Kalas Junior]\n"
        "    note: A test entry.\n")
    edited = glossary("edit", path, "csm", "--add-forbidden", "WSO", "--set-note", "Shorter note.")
    assert edited.returncode == 0, edited.stderr
    text = path.read_text(encoding="utf-8")
    assert "    forbidden: [Union of Serbian Municipalities, USO, WSO]\n" in text and 'note: "Shorter note."' in text
    assert text.count("#") == before.count("#")  # every comment kept
    assert glossary("validate", path).returncode == 0


def test_invalid_changes_are_refused_and_nothing_is_written(small_glossary_file):
    before = small_glossary_file.read_bytes()
    taken = glossary("add", small_glossary_file, "--id", "kurti", "--canonical", "Someone Else")
    assert taken.returncode == 2 and "exists already" in taken.stderr.decode()
    clash = glossary("edit", small_glossary_file, "kurti", "--add-forbidden", "Albin Kurti")
    assert clash.returncode == 2 and "refused" in clash.stderr.decode()
    bad_id = glossary("add", small_glossary_file, "--id", "Bad Id", "--canonical", "X")
    assert bad_id.returncode == 2 and "refused" in bad_id.stderr.decode()
    assert small_glossary_file.read_bytes() == before
