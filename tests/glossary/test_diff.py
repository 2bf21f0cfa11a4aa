"""`mtcheck glossary diff` (mtcheck/glossary/diff.py): two versions of a glossary, files or git
revisions, compared term by term, as text for a pull request's log and as JSON."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.cli_runs import mtcheck

OLD = """\
version: 1
name: news
language: en
defaults: {severity: major, fuzzy: 88}
terms:
  - id: csm
    canonical: Community of Serb Municipalities
    short: [CSM, ASM]
    forbidden: [USO]
    note: Brussels Agreement.
  - id: kfor
    canonical: KFOR
    note: NATO's force.
  - id: eu
    canonical: European Union
    short: [EU]
"""
NEW = """\
# comments and layout are no change
version: 1
name: news
language: en-GB
defaults:
  severity: minor
  fuzzy: 88
terms:
  - id: csm
    canonical: Association of Serb Municipalities
    variants: [Community of Serb Municipalities]
    short: [CSM]
    forbidden: [WSO, USO]
    note: Brussels Agreement.
    fuzzy: false
    reviewed: {nested-form: Inside a longer name.}
  - id: kosovo-force
    canonical: KFOR
    note: NATO's force.
  - id: nato
    canonical: NATO
"""
TEXT = """\
--- old.yaml
+++ new.yaml
glossary:
    language: 'en' -> 'en-GB'
    defaults.severity: 'major' -> 'minor'
- term 'eu' ('European Union')
+ term 'nato' ('NATO')
~ term 'kfor' renamed 'kosovo-force'
~ term 'csm':
    canonical: 'Community of Serb Municipalities' -> 'Association of Serb Municipalities'
    + variants: 'Community of Serb Municipalities'
    - short: 'ASM'
    + forbidden: 'WSO'
    fuzzy: (none) -> false
    reviewed.nested-form: (none) -> 'Inside a longer name.'
6 differences: 1 term added, 1 term removed, 1 term renamed, 1 term changed, 2 glossary settings changed.
"""


@pytest.fixture()
def versions(tmp_path):
    (tmp_path / "old.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(NEW, encoding="utf-8")
    return tmp_path


def diff(folder, *args):
    return mtcheck("glossary", "diff", *args, cwd=folder, text=True)


def test_the_text_diff_names_every_change_by_term(versions):
    result = diff(versions, "old.yaml", "new.yaml")
    assert (result.returncode, result.stdout, result.stderr) == (0, TEXT, "")


def test_the_json_diff(versions):
    result = diff(versions, "old.yaml", "new.yaml", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "version": 1, "old": "old.yaml", "new": "new.yaml", "differences": 6,
        "glossary": {"added": {}, "removed": {}, "changed": {"language": {"old": "en", "new": "en-GB"},
                                                              "defaults.severity": {"old": "major", "new": "minor"}}},
        "terms": {
            "added": [{"id": "nato", "canonical": "NATO"}],
            "removed": [{"id": "eu", "canonical": "European Union", "short": ["EU"]}],
            "renamed": [{"old": "kfor", "new": "kosovo-force"}],
            "changed": [{
                "id": "csm",
                "added": {"variants": ["Community of Serb Municipalities"], "forbidden": ["WSO"]},
                "removed": {"short": ["ASM"]},
                "changed": {"canonical": {"old": "Community of Serb Municipalities", "new": "Association of Serb Municipalities"},
                            "fuzzy": {"old": None, "new": False},
                            "reviewed.nested-form": {"old": None, "new": "Inside a longer name."}},
            }],
        },
    }


def test_exit_code_only_when_asked_and_only_for_differences(versions):
    assert diff(versions, "old.yaml", "new.yaml", "--exit-code").returncode == 1
    same = diff(versions, "old.yaml", "old.yaml", "--exit-code")
    assert (same.returncode, same.stdout) == (0, "--- old.yaml\n+++ old.yaml\nNo differences.\n")


def git(folder, *args) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture()
def repository(tmp_path):
    """A repository whose glossaries/news.yaml was OLD in the first commit and NEW in the second."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    (tmp_path / "glossaries").mkdir()
    news = tmp_path / "glossaries" / "news.yaml"
    for text, message in ((OLD, "old"), (NEW, "new")):
        news.write_text(text, encoding="utf-8")
        git(tmp_path, "add", "glossaries/news.yaml")
        git(tmp_path, "commit", "-q", "-m", message)
    return tmp_path


def test_git_revisions_are_read_with_git_show(repository):
    result = diff(repository, "git:HEAD~1:glossaries/news.yaml", "git:HEAD:glossaries/news.yaml")
    assert result.returncode == 0
    assert result.stdout == TEXT.replace("--- old.yaml\n+++ new.yaml\n",
                                         "--- git:HEAD~1:glossaries/news.yaml\n+++ git:HEAD:glossaries/news.yaml\n")
    worktree = diff(repository / "glossaries", "git:HEAD~1:./news.yaml", "news.yaml")  # ./PATH: from this folder
    assert worktree.returncode == 0 and worktree.stdout.endswith("\n6 differences: 1 term added, 1 term removed, "
                                                                 "1 term renamed, 1 term changed, 2 glossary settings changed.\n")


@pytest.mark.parametrize("given, message", [  # git's own first line follows "fatal: " (its wording varies)
    ("git:nope:glossaries/news.yaml", "git show failed: fatal: "),
    ("git:HEAD:glossaries/gone.yaml", "git show failed: fatal: "),
    ("git:HEAD", "expected git:REV:PATH, such as git:main:glossaries/news.yaml"),
])
def test_a_bad_revision_or_path_is_one_line_and_exit_2(repository, given, message):
    result = diff(repository, given, "glossaries/news.yaml")
    assert (result.returncode, result.stdout) == (2, "")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {given}: {message}")


def test_an_invalid_version_is_refused_with_the_loaders_problems(versions):
    (versions / "bad.yaml").write_text(OLD.replace("canonical: KFOR", "canonical: ''"), encoding="utf-8")
    result = diff(versions, "old.yaml", "bad.yaml")
    assert result.returncode == 2 and result.stderr.startswith("error: bad.yaml:12:16: terms[1].canonical: ")


def test_a_migration_to_version_2_is_compared_concept_by_concept(versions):
    # Before: every term of a migrated glossary showed all its forms removed and a 'forms' block added.
    assert mtcheck("glossary", "migrate", "old.yaml", "-o", "v2.yaml", cwd=versions).returncode == 0
    result = diff(versions, "old.yaml", "v2.yaml")
    assert (result.returncode, result.stdout) == (
        0, "--- old.yaml\n+++ v2.yaml\nglossary:\n    version: 1 -> 2\n1 difference: 1 glossary setting changed.\n")
    (versions / "v2b.yaml").write_text((versions / "v2.yaml").read_text(encoding="utf-8").replace("[USO]", "[USO, WSO]"),
                                       encoding="utf-8")
    result = diff(versions, "old.yaml", "v2b.yaml")
    assert "~ term 'csm':\n    + forms.en.forbidden: 'WSO'\n" in result.stdout


def test_diffs_read_a_version_1_glossary_as_migrate_writes_it():
    """``as_version_2`` (plain data, for diff) and ``migrated`` (comments kept) must not drift apart."""
    import yaml

    from mtcheck.glossary.migrate import as_version_2, migrated
    from tests.conftest import ROOT

    bundled = str(ROOT / "glossaries" / "kosovo-serbia.yaml")
    with open(bundled, encoding="utf-8") as file:
        version_1 = yaml.safe_load(file)
    assert as_version_2(version_1) == yaml.safe_load(migrated(bundled))
