"""Hostile and odd inputs (issue 14): each ends in a clear one-line error with exit code 2, or is
checked and reported correctly; never a traceback, and never a clean pass for input not checked."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from tests.conftest import SMALL_GLOSSARY


@pytest.fixture()
def here(tmp_path, monkeypatch) -> Path:
    """A folder holding the small glossary as g.yaml, and the current folder for the test."""
    (tmp_path / "g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def check(*args: str):
    return run("check", "--no-config", "--no-cache", "-g", "g.yaml", *args)


def one_error(result) -> str:
    """The one error line of a run that failed as bad input should: exit 2, no traceback."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# --- Item 8: tracebacks instead of a one-line error ---------------------------------------------

def test_deeply_nested_json_lines_are_a_located_error(here):
    (here / "deep.jsonl").write_text('{"source": "a", "target": "b"}\n' + "[" * 100_000 + "\n", encoding="utf-8")
    assert one_error(check("deep.jsonl")) == "error: deep.jsonl:2:501: not valid JSON: nested more than 500 levels deep"


def test_a_json_lines_number_past_pythons_digit_limit_is_a_located_error(here):
    (here / "big.jsonl").write_text('{"source": "a", "target": "b", "id": ' + "9" * 5000 + "}\n", encoding="utf-8")
    assert one_error(check("big.jsonl")) == "error: big.jsonl:1:38: not valid JSON: a number of 5,000 digits (at most 4,300)"


@pytest.mark.parametrize("content, message", [
    ("[" * 100_000, "baseline.json:1:501: not a baseline: nested more than 500 levels deep"),
    ('{"version": 1, "findings": [' + "9" * 5000 + "]}", "baseline.json:1:29: not a baseline: a number of 5,000 digits (at most 4,300)"),
])
def test_a_hostile_baseline_is_a_located_error(here, content, message):
    (here / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    (here / "baseline.json").write_text(content, encoding="utf-8")
    assert one_error(check("a.txt", "--baseline", "baseline.json")) == f"error: {message}"


@pytest.mark.parametrize("fuzzy", ["9" * 5000, "²", "٣"])
def test_a_csv_fuzzy_cell_that_is_no_small_ascii_number_is_an_error(here, fuzzy):
    (here / "terms.csv").write_text(f"id,canonical,fuzzy\nkurti,Albin Kurti,{fuzzy}\n", encoding="utf-8")
    line = one_error(run("glossary", "import", "terms.csv", "--from", "csv", "--language", "en", "-o", "out.yaml"))
    assert line.startswith("error: terms.csv:2: fuzzy must be a number from 0 to 100 or false, not ")
    assert not (here / "out.yaml").exists()


def limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def test_a_pattern_too_large_to_compile_is_a_config_error_naming_the_file(here):
    """In a process of its own, with 2 GB and a minute at most: compiling the pattern took 10 GB and minutes."""
    (here / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    (here / "mtcheck.yaml").write_text('rules:\n  artifact:\n    patterns: ["((a{1000}){1000}){1000}"]\n', encoding="utf-8")
    command = [sys.executable, "-m", "mtcheck", "check", "--no-cache", "--config", "mtcheck.yaml", "-g", "g.yaml", "a.txt"]
    result = subprocess.run(command, capture_output=True, cwd=here, timeout=60, preexec_fn=limited_memory)
    assert (result.returncode, result.stderr.decode()) == (2, (
        "error: mtcheck.yaml:3:16: rules.artifact.patterns: '((a{1000}){1000}){1000}' is too large once its "
        "repeats are written out (about 1,000,000,000 items, at most 20,000): use smaller repeat counts\n"))


def test_ordinary_patterns_are_well_within_the_compile_bound():
    from mtcheck.pattern_cost import MAX_COMPILED_ITEMS, compiled_items

    ordinary = [r"Follow us on (?:Facebook|Twitter).*", r"\d{4}-\d{2}-\d{2}", r"[A-Z]{2,5}\s*\p{L}{3}",
                r"(?i)read more(?: at)? \w+\.com", r"(?:\[\d+\]){1,3}", r"Copyright © \d{4}.{0,200}$"]
    assert all(compiled_items(pattern) < MAX_COMPILED_ITEMS // 20 for pattern in ordinary)
    assert compiled_items("(?:ab){1000}") == 2000 and compiled_items("a{1,1000}") > compiled_items("a{1000}") // 100


@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "zlib", "undefined"])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_an_encoding_that_is_no_text_encoding_is_a_usage_error(here, encoding, command):
    (here / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    result = run(command, "--no-config", "--no-cache", "-g", "g.yaml", "a.txt", "--encoding", encoding)
    assert one_error(result) == f"error: mtcheck: {encoding!r} is not a text encoding (e.g. utf-8, utf-16, cp1250, latin-1)"


def test_an_escape_codec_giving_a_lone_surrogate_is_a_located_error(here):
    (here / "a.txt").write_bytes(b"The CSM met.\nIt \\ud800 left.\n")
    assert one_error(check("a.txt", "--encoding", "unicode_escape")) == (
        "error: a.txt:2:4: not valid unicode-escape: it gives a lone surrogate U+D800, which is no character")


# --- Item 7: lone surrogates, and file names that are not UTF-8 ---------------------------------

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "markdown", "html")


def every_report(*args: str) -> tuple[object, dict[str, str]]:
    """One run writing a report in every format to files; the run and each report's text (each
    must be UTF-8)."""
    outputs = [f"--format={name}:report.{name}" for name in FORMATS]
    result = check(*args, *outputs)
    return result, {name: Path(f"report.{name}").read_bytes().decode("utf-8") for name in FORMATS}


def assert_well_formed(reports: dict[str, str]) -> None:
    import xml.etree.ElementTree as ET

    json.loads(reports["json"]) and json.loads(reports["sarif"])
    [json.loads(line) for line in reports["jsonl"].splitlines()]
    ET.fromstring(reports["junit"])
    assert all(not any("\ud800" <= c <= "\udfff" for c in text) for text in reports.values())


def test_lone_surrogates_in_json_lines_are_read_as_replacement_characters_with_a_warning(here):
    (here / "pairs.jsonl").write_text(
        '{"id": "u\\ud800", "source": "ZSO\\udc00", "target": "The USO met \\ud800 here."}\n'
        '{"id": "u2", "source": "ZSO", "target": "The CSM met."}\n', encoding="utf-8")
    result, reports = every_report("pairs.jsonl")
    assert result.exit_code == 1, result.output  # USO: a major finding, found all the same
    assert result.stderr.splitlines() == [
        "warning: pairs.jsonl:1:65: a lone surrogate U+D800 (half of a UTF-16 pair, no character) in the target, read as U+FFFD",
        "warning: pairs.jsonl:1: a lone surrogate U+DC00 (half of a UTF-16 pair, no character) in the source, read as U+FFFD",
        "warning: pairs.jsonl:1: a lone surrogate U+D800 (half of a UTF-16 pair, no character) in the unit, read as U+FFFD"]
    assert_well_formed(reports)
    finding, = [f for f in json.loads(reports["json"])["files"][0]["findings"] if f["rule"].startswith("term-")]
    assert (finding["text"], finding["unit"], finding["line"], finding["column"]) == ("USO", "u\ufffd", 1, 57)


def test_a_lone_surrogate_in_a_yaml_glossary_is_an_error_with_either_yaml_reader(here, monkeypatch):
    import yaml

    from mtcheck import yamlnodes

    (here / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    (here / "g.yaml").write_text(SMALL_GLOSSARY.replace("canonical: Albin Kurti", 'canonical: "Albin\\ud800 Kurti"'),
                                 encoding="utf-8")
    assert one_error(check("a.txt")).startswith("error: g.yaml:")  # libyaml refuses the escape itself
    monkeypatch.setattr(yamlnodes, "_LOADER", yaml.SafeLoader)  # PyYAML's own reader takes it
    assert one_error(check("a.txt")) == (
        "error: g.yaml:15:16: a lone surrogate U+D800 (no character) in 'Albin\ufffd Kurti', where U+FFFD stands: "
        "write the character itself")


@pytest.fixture()
def latin1_name(here) -> str:
    """A file whose name is not UTF-8 (b"caf\\xe9.txt"), as Python hands it over: with a lone surrogate."""
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        Path(name).write_text("The USO met.\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 names")
    return name


@pytest.mark.parametrize("cache", [True, False])
def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character_in_every_report(latin1_name, cache):
    result, reports = every_report(latin1_name, *(["--cache-dir", "cache"] if cache else []))
    assert result.exit_code == 1, result.output
    assert_well_formed(reports)
    assert [file["path"] for file in json.loads(reports["json"])["files"]] == ["caf\ufffd.txt"]
    assert reports["text"].startswith("caf\ufffd.txt:1:5: major term-forbidden")


def test_a_baseline_of_a_file_whose_name_is_not_utf8_is_written_and_applied(latin1_name):
    assert check(latin1_name, "--write-baseline", "baseline.json").exit_code == 0
    assert json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"][0]["path"] == "caf\ufffd.txt"
    assert check(latin1_name, "--baseline", "baseline.json").exit_code == 0


def test_fix_shows_and_writes_a_file_whose_name_is_not_utf8(latin1_name, here):
    """The diff names the file by its own bytes, as diff does, even where standard output is strict UTF-8."""
    command = [sys.executable, "-m", "mtcheck", "fix", "--no-config", "-g", "g.yaml", latin1_name]
    shown = subprocess.run(command, capture_output=True, cwd=here, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert shown.returncode == 1, shown.stderr
    assert shown.stdout.startswith(b"--- a/caf\xe9.txt\n+++ b/caf\xe9.txt\n")
    written = subprocess.run(command + ["--write"], capture_output=True, cwd=here)
    assert written.returncode == 0, written.stderr
    assert Path(latin1_name).read_text(encoding="utf-8") == "The CSM met.\n"


# --- Item 9: inputs that were not really checked passed with exit 0 -----------------------------

@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_and_fixed_in_its_own_encoding(here, codec):
    """It was read as UTF-16 (little-endian: every other character a NUL, and a clean pass) or skipped as binary."""
    article = here / "a.txt"
    article.write_bytes("\ufeffThe USO met.\n".encode(codec))
    result = check("a.txt", "-f", "json")
    assert result.exit_code == 1 and result.stderr == "", result.output
    assert [(f["line"], f["column"], f["text"]) for f in json.loads(result.stdout)["files"][0]["findings"]] == [(1, 5, "USO")]
    assert run("fix", "--no-config", "--no-cache", "-g", "g.yaml", "a.txt", "--write").exit_code == 0
    assert article.read_bytes() == "\ufeffThe CSM met.\n".encode(codec)


def test_a_file_named_that_looks_binary_is_an_error(here):
    (here / "a.txt").write_bytes(b"The CSM met.\x00\n")
    assert one_error(check("a.txt")) == "error: a.txt: looks binary (NUL byte at offset 12)"


def test_a_file_given_as_utf16_may_hold_nul_bytes(here):
    (here / "a.txt").write_bytes("The USO met.\n".encode("utf-16-le"))
    assert check("a.txt", "--encoding", "utf-16-le").exit_code == 1  # USO found, not "looks binary"


def make_folder_with_a_binary_file(here) -> None:
    (here / "docs").mkdir()
    (here / "docs" / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    (here / "docs" / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_a_binary_file_in_a_folder_is_skipped_with_a_warning_and_fails_the_run(here):
    make_folder_with_a_binary_file(here)
    result = check("docs", "-f", "json")
    assert result.exit_code == 1  # a.txt is clean: the run fails on the file it did not check
    assert result.stderr == "warning: docs/b.txt: looks binary (NUL byte at offset 8), skipped\n"
    report = json.loads(result.stdout)
    assert [file["path"] for file in report["files"]] == ["docs/a.txt"]
    assert report["summary"]["skipped"] == [{"path": "docs/b.txt", "reason": "looks binary (NUL byte at offset 8)"}]


def test_fail_on_never_accepts_a_skipped_file(here):
    make_folder_with_a_binary_file(here)
    result = check("docs", "--fail-on", "never")
    assert result.exit_code == 0 and result.stderr.startswith("warning: docs/b.txt: looks binary")


XLIFF_INTO = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
              '<file source-language="sr" target-language="{language}" datatype="plaintext" original="a"><body>\n'
              '<trans-unit id="1"><source>Zajednica srpskih opština</source><target>The CSM met.</target></trans-unit>\n'
              '</body></file></xliff>\n')


def test_a_translation_into_another_language_fails_the_run_as_well_as_warning(here):
    (here / "fr.xlf").write_text(XLIFF_INTO.format(language="fr-FR"), encoding="utf-8")
    result = check("fr.xlf")
    assert result.exit_code == 1
    assert result.stderr == "warning: fr.xlf: a translation into 'fr-FR', not the glossary's language 'en', skipped\n"
    assert check("fr.xlf", "--fail-on", "never").exit_code == 0
    (here / "fr.xlf").write_text(XLIFF_INTO.format(language="en-GB"), encoding="utf-8")
    assert check("fr.xlf").exit_code == 0  # checked, and clean


@pytest.mark.parametrize("language", ["!!!!", "fr FR", "12"])
def test_a_declared_target_language_that_is_no_language_code_is_an_error(here, language):
    (here / "odd.xlf").write_text(XLIFF_INTO.format(language=language), encoding="utf-8")
    assert one_error(check("odd.xlf")) == (f"error: odd.xlf: the target language it declares, {language!r}, is no "
                                           "language code (BCP 47 such as 'fr' or 'pt-BR', or gettext's 'sr@latin')")


@pytest.mark.parametrize("language", ["sr@latin", "sr_RS@latin", "pt_BR.UTF-8", "zh-Hant-TW", "x-klingon"])
def test_gettext_and_bcp47_language_codes_are_language_codes(language):
    from mtcheck.bilingual.formats import is_language_tag

    assert is_language_tag(language)


@pytest.mark.parametrize("content, where", [
    ('msgid "a\nmsgstr "The USO met."\n', "1:7"),  # read as an empty file, a clean pass
    ('msgid "a"\nmsgstr "The CSM met."\n\nmsgid "b\nmsgstr "The USO again."\n', "4:7"),  # the entry lost
    ('msgid "a"\nmsgstr ""\n"The USO met.\n', "3:1"),
    ('msgid "a"\nmsgstr "The \\"USO met."\n', None),  # an escaped quote: fine
])
def test_a_po_string_left_open_is_a_located_error(here, content, where):
    (here / "a.po").write_text(content, encoding="utf-8")
    result = check("a.po")
    if where is None:
        assert result.exit_code == 1, result.output  # USO found
    else:
        assert one_error(result) == f"error: a.po:{where}: malformed PO file: unterminated string"


def refuse_to_list(monkeypatch, unreadable: str) -> None:
    """Make a folder unreadable as chmod 000 would for anyone but root (the tests may run as root)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).as_posix() == unreadable:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_an_error_not_silently_left_out(here, monkeypatch):
    (here / "docs" / "private").mkdir(parents=True)
    (here / "docs" / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    (here / "docs" / "private" / "b.txt").write_text("The USO met.\n", encoding="utf-8")
    refuse_to_list(monkeypatch, "docs/private")
    assert one_error(check("docs")) == "error: docs/private: cannot read folder: Permission denied"


def test_an_unreadable_folder_is_said_to_be_unreadable_not_empty(here, monkeypatch):
    (here / "docs").mkdir()
    (here / "docs" / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    refuse_to_list(monkeypatch, "docs")
    assert one_error(check("docs")) == "error: docs: cannot read folder: Permission denied"


def test_symbolic_links_that_lead_nowhere_are_named_for_what_they_are(here):
    os.symlink("loop.txt", here / "loop.txt")
    os.symlink("missing.txt", here / "dangling.txt")
    assert one_error(check("loop.txt")) == "error: loop.txt: symlink loop"
    assert one_error(check("dangling.txt")) == "error: dangling.txt: broken symbolic link (to missing.txt)"
    (here / "docs").mkdir()
    (here / "docs" / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    os.symlink("b.txt", here / "docs" / "b.txt")
    assert one_error(check("docs")) == "error: docs/b.txt: symlink loop"


def test_an_unreadable_glossary_subfolder_is_an_error_not_terms_silently_left_out(here, monkeypatch):
    (here / "glossaries" / "private").mkdir(parents=True)
    (here / "glossaries" / "small.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    (here / "glossaries" / "private" / "more.yaml").write_text(SMALL_GLOSSARY.replace("name: small", "name: more"),
                                                               encoding="utf-8")
    (here / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    refuse_to_list(monkeypatch, "glossaries/private")
    result = run("check", "--no-config", "--no-cache", "-g", "glossaries", "a.txt")
    assert one_error(result) == "error: glossaries/private: cannot read folder: Permission denied"


def test_a_glossary_link_in_a_loop_is_called_a_symlink_loop(here):
    os.symlink("loop.yaml", here / "loop.yaml")
    (here / "a.txt").write_text("The CSM met.\n", encoding="utf-8")
    assert one_error(run("check", "--no-config", "--no-cache", "-g", "loop.yaml", "a.txt")) == "error: loop.yaml: symlink loop"
