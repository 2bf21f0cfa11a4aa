"""The command line on CAT-tool files: no false tag finding from Trados segment wrappers, --states,
and files of an unknown suffix refused unless --input-format says how to read them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY

DATA = Path(__file__).resolve().parent.parent / "data" / "cat"


def check(*args, cwd: Path | None = None):
    extra = {"cwd": cwd} if cwd else {}
    return mtcheck("check", *args, "-g", BUNDLED_GLOSSARY, "--no-config", "-f", "json", text=True, **extra)


def findings(result) -> list[tuple[str, int, int, int | None]]:
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return [(f["rule"], f["line"], f["column"], f.get("segment")) for file in report["files"] for f in file["findings"]]


def test_trados_segments_in_a_plain_xlf_give_no_tag_finding(tmp_path):
    # Before: every <mrk mtype="seg"> of the target was an inline tag the source lacked.
    shutil.copy(DATA / "trados.sdlxliff", tmp_path / "news.xlf")
    assert findings(check(tmp_path / "news.xlf")) == []


def test_cat_suffixes_are_read_as_xliff_not_as_text():
    for name in ("trados.sdlxliff", "memoq.mqxliff", "phrase.mxliff"):
        result = check(DATA / name)
        assert findings(result) == [], name
        words = json.loads(result.stdout)["files"][0]["words"]
        assert words < 15, (name, words)  # the targets checked, not the XML


def test_states_pick_the_units_checked():
    assert findings(check(DATA / "trados.sdlxliff", "--states", "draft,rejected")) == [
        ("placeholder-mismatch", 10, 209, 3), ("placeholder-mismatch", 13, 183, 6)]
    # The locked segment (4) is never checked; the new one (5) has no target.
    assert [rule for rule, *_ in findings(check(DATA / "trados.sdlxliff", "--states", "all"))] == [
        "placeholder-mismatch", "empty-target", "placeholder-mismatch"]
    assert findings(check(DATA / "states-1.2.xlf", "--states", "new")) == [
        ("placeholder-mismatch", 8, 77, 0), ("placeholder-mismatch", 9, 105, 1)]
    assert findings(check(DATA / "memoq.mqxliff", "--states", "draft")) == [("placeholder-mismatch", 12, 186, 1)]


def test_po_fuzzy_entries_are_drafts_and_obsolete_ones_are_never_checked():
    # Before: the fuzzy entries (1; 2 and 3, a plural) were checked like translated ones.
    untranslated = ("empty-target", 25, 8, 4)  # an entry with no translation names no state: always checked
    assert findings(check(DATA / "states.po")) == [untranslated]
    drafts = [("placeholder-mismatch", 16, 9, 1), ("placeholder-mismatch", 23, 12, 3)]
    assert findings(check(DATA / "states.po", "--states", "draft")) == [*drafts, untranslated]
    # The obsolete (#~) entries hold the same error and are never read, whatever the states.
    assert findings(check(DATA / "states.po", "--states", "all")) == [*drafts, untranslated]


def test_states_from_the_config(tmp_path):
    (tmp_path / "mtcheck.yaml").write_text("states: [draft]\n", encoding="utf-8")
    result = mtcheck("check", DATA / "phrase.mxliff", "-g", BUNDLED_GLOSSARY, "-f", "json", cwd=tmp_path, text=True)
    assert findings(result) == [("placeholder-mismatch", 11, 218, 1)]
    (tmp_path / "mtcheck.yaml").write_text("states: [drafts]\n", encoding="utf-8")
    result = mtcheck("check", DATA / "phrase.mxliff", "-g", BUNDLED_GLOSSARY, cwd=tmp_path, text=True)
    assert result.returncode == 2 and "states" in result.stderr and "Traceback" not in result.stderr


def test_an_unknown_state_is_a_usage_error():
    result = check(DATA / "trados.sdlxliff", "--states", "reviewd")
    assert result.returncode == 2
    assert result.stderr == ("error: mtcheck: --states: unknown state 'reviewd' "
                             "(choose from new, draft, translated, reviewed, final, rejected, or all)\n")


def test_an_unknown_suffix_is_refused_unless_input_format_says_how_to_read_it(tmp_path):
    (tmp_path / "notes.docx").write_text("The Community of Serb Municipalities met.\n", encoding="utf-8")
    refused = check("notes.docx", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("error: notes.docx: unknown file type '.docx': mtcheck reads .txt, .md,")
    assert refused.stderr.endswith("say how to read it with --input-format (text, markdown, html, xliff, po, tmx, csv, "
                                   "tsv, jsonl)\n")
    assert check("notes.docx", "--input-format", "text", cwd=tmp_path).returncode == 0
    bad = check("notes.docx", "--input-format", "docx", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown input format 'docx'" in bad.stderr


def test_input_format_reads_a_translation_file_and_standard_input(tmp_path):
    shutil.copy(DATA / "states-2.xliff", tmp_path / "export.bin")
    assert findings(check("export.bin", "--input-format", "xliff", "--states", "new", cwd=tmp_path)) == [
        ("placeholder-mismatch", 8, 77, 0)]
    piped = mtcheck("check", "-", "--input-format", "xliff", "--states", "new", "-g", BUNDLED_GLOSSARY, "--no-config",
                    stdin=(DATA / "states-2.xliff").read_bytes(), text=True)
    assert piped.returncode == 1 and piped.stdout.startswith("<stdin>:8:77: major placeholder-mismatch")


def test_a_file_of_no_suffix_and_standard_input_are_text(tmp_path):
    (tmp_path / "NOTES").write_text("The Community of Serb Municipalities met.\n", encoding="utf-8")
    assert check("NOTES", cwd=tmp_path).returncode == 0
    piped = mtcheck("check", "-", "-g", BUNDLED_GLOSSARY, "--no-config", stdin=b"Hello world.\n", text=True)
    assert piped.returncode == 0, piped.stderr
