"""`mtcheck glossary init` (mtcheck/glossary/starter.py): a new glossary that validates, lints clean,
explains itself, and takes terms from `glossary add`; it never overwrites a file."""

from __future__ import annotations

import pytest

from tests.cli_runs import glossary


def test_init_writes_a_valid_lint_clean_glossary_that_add_fills(tmp_path):
    path = tmp_path / "news.yaml"
    result = glossary("init", path, "--name", "news", "--language", "en", "--source-language", "sr")
    assert result.returncode == 0 and result.stderr.decode() == f"Wrote {path}.\n"
    text = path.read_text(encoding="utf-8")
    assert "\nname: news " in text and "\nlanguage: en " in text and "\nsource_language: sr " in text
    assert text.endswith("\nterms: []\n")
    assert glossary("validate", path).returncode == 0
    linted = glossary("lint", path)
    assert (linted.returncode, linted.stdout) == (0, b"")
    added = glossary("add", path, "--id", "kfor", "--canonical", "KFOR", "--note", "NATO's force.")
    assert added.returncode == 0, added.stderr
    assert path.read_text(encoding="utf-8") == text.replace(
        "\nterms: []\n", "\nterms:\n  - id: kfor\n    canonical: KFOR\n    note: NATO's force.\n")


def test_the_commented_example_term_is_itself_valid(tmp_path):
    """What the starter tells a person to copy must load and lint clean once uncommented."""
    path = tmp_path / "news.yaml"
    assert glossary("init", path, "--name", "news", "--language", "en", "--source-language", "sr").returncode == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#   - id: csm"))
    example = [line[2:] for line in lines[start:] if line.startswith("#  ")]
    path.write_text("\n".join(lines[:start] + ["terms:"] + example) + "\n", encoding="utf-8")
    assert glossary("validate", path).returncode == 0
    linted = glossary("lint", path)
    assert (linted.returncode, linted.stdout) == (0, b"")


def test_without_a_source_language_its_line_is_a_comment(tmp_path):
    path = tmp_path / "de.yaml"
    assert glossary("init", path, "--name", "de.news", "--language", "de-AT").returncode == 0
    text = path.read_text(encoding="utf-8")
    assert "\n# source_language: sr " in text and "\nsource_language" not in text
    assert glossary("validate", path).returncode == 0


def test_init_makes_the_glossaries_folder_a_new_project_lacks(tmp_path):
    # Before: "cannot write: No such file or directory" for the README's own glossaries/news.yaml.
    path = tmp_path / "glossaries" / "news.yaml"
    assert glossary("init", path, "--name", "news", "--language", "en").returncode == 0
    assert glossary("validate", path).returncode == 0
    (tmp_path / "a-file").write_text("x\n", encoding="utf-8")
    result = glossary("init", tmp_path / "a-file" / "news.yaml", "--name", "news", "--language", "en")
    assert result.returncode == 2 and result.stderr.decode().startswith(f"error: {tmp_path / 'a-file' / 'news.yaml'}: ")
    assert result.stderr.decode().count("\n") == 1


def test_init_refuses_to_overwrite(tmp_path):
    path = tmp_path / "news.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = glossary("init", path, "--name", "news", "--language", "en")
    assert result.returncode == 2 and result.stderr.decode() == f"error: {path}: exists already: init writes a new glossary only\n"
    assert path.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("options, message", [
    (["--name", "News", "--language", "en"], "--name 'News' is not valid: use a-z, 0-9, '.', '_' and '-'"),
    (["--name", "news", "--language", "en_US"], "--language 'en_US' is not valid: use a BCP 47 tag such as 'en' or 'pt-BR'"),
    (["--name", "news", "--language", "en", "--source-language", "serbian latin"],
     "--source-language 'serbian latin' is not valid: use a BCP 47 tag such as 'sr' or 'sr-Latn'"),
])
def test_init_refuses_a_bad_name_or_language_and_writes_nothing(tmp_path, options, message):
    path = tmp_path / "news.yaml"
    result = glossary("init", path, *options)
    assert result.returncode == 2 and result.stderr.decode() == f"error: {path}: {message}\n"
    assert not path.exists()
