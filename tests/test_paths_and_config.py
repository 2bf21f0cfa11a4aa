"""Which files a run checks, and which config it reads (issue 15, items 1, 2 and 6).

- Files named on the command line are always checked; ``exclude``, ``include`` and .gitignore only
  decide what a folder walk picks.
- Patterns are gitignore's, relative to the config file's folder (the command line's: the current
  folder), whether the folder is given relative or absolute.
- The config is the nearest one at or above the current folder (up to the git work tree's top);
  glossaries, patterns, the default glossaries/ folder and the cache are found next to it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from mtcheck.config import find_config, glossary_paths
from mtcheck.documents import document_paths
from mtcheck.errors import InputError
from mtcheck.selection import Patterns, Selection, pattern_problem
from tests.cli_runs import mtcheck
from tests.conftest import SMALL_GLOSSARY

BAD_TEXT = "Aljbin Kurti met the Union of Serbian Municipalities.\n"  # two major findings
CLEAN_TEXT = "Albin Kurti met them.\n"


def run(*args, cwd: Path, env: dict | None = None):
    """The CLI as a user types it in ``cwd``, with the cache where that user's would be."""
    return mtcheck(*args, cwd=cwd, cache=True, text=True, env={"MTCHECK_CACHE_DIR": None, **(env or {})})


def checked(result) -> list[str]:
    assert result.returncode in (0, 1), result.stderr
    return [file["path"] for file in json.loads(result.stdout)["files"]]


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def project(tmp_path):
    """A new user's project: a config, its glossary, articles and drafts; a git work tree, so that
    the search for a config stops here."""
    root = tmp_path / "project"
    tree(root, {"glossaries/small.yaml": SMALL_GLOSSARY, "articles/a.txt": CLEAN_TEXT,
                "articles/drafts/d.txt": BAD_TEXT, "mtcheck.yaml": "exclude: [\"drafts/\"]\n"})
    (root / ".git").mkdir()  # enough for the config search and .gitignore; `git init` where git itself runs
    return root


def names(paths: list[str], root: Path) -> list[str]:
    return [Path(os.path.relpath(path, root)).as_posix() for path in paths]


def walked(root: Path, folder: str = ".", exclude=(), include=(), gitignore=True, base: Path | None = None) -> list[str]:
    """What a walk of ``root/folder`` keeps, with patterns relative to ``base`` (default ``root``)."""
    base = str(base or root)
    selection = Selection(exclude=(Patterns(base, tuple(exclude)),) if exclude else (),
                          include=Patterns(base, tuple(include)) if include else None, respect_gitignore=gitignore)
    return names(document_paths([str(root / folder)], selection), root)


# --- item 1: a file named is always checked -------------------------------------------------------

def test_an_excluded_file_named_on_the_command_line_is_checked(project):
    # Before: "No findings in 0 files", score 100, exit 0, although the draft has major findings.
    (project / "mtcheck.yaml").write_text('exclude: ["articles/drafts/*"]\n', encoding="utf-8")
    result = run("check", "--no-cache", "articles/drafts/d.txt", "-f", "json", cwd=project)
    assert result.returncode == 1
    assert checked(result) == ["articles/drafts/d.txt"]
    assert {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]} == {"term-misspelled", "term-forbidden"}


def test_a_gitignored_file_named_is_checked_and_a_walk_leaves_it_out(project):
    tree(project, {".gitignore": "articles/drafts/\n"})
    (project / "mtcheck.yaml").write_text("", encoding="utf-8")
    assert checked(run("check", "--no-cache", "articles", "-f", "json", cwd=project)) == ["articles/a.txt"]
    assert checked(run("check", "--no-cache", "articles/drafts/d.txt", "-f", "json", cwd=project)) == ["articles/drafts/d.txt"]
    everything = run("check", "--no-cache", "articles", "--no-respect-gitignore", "-f", "json", cwd=project)
    assert checked(everything) == ["articles/a.txt", "articles/drafts/d.txt"]


def test_respect_gitignore_false_in_the_config_takes_what_git_ignores(project):
    tree(project, {".gitignore": "articles/drafts/\n"})
    (project / "mtcheck.yaml").write_text("respect_gitignore: false\n", encoding="utf-8")
    everything = run("check", "--no-cache", "articles", "-f", "json", cwd=project)
    assert checked(everything) == ["articles/a.txt", "articles/drafts/d.txt"]
    (project / "mtcheck.yaml").write_text("respect_gitignore: no thanks\n", encoding="utf-8")
    refused = run("check", "--no-cache", "articles", cwd=project)
    assert refused.returncode == 2 and "mtcheck.yaml:1:" in refused.stderr and "respect_gitignore" in refused.stderr


# --- item 2: gitignore-style patterns ------------------------------------------------------------

def test_a_folder_pattern_matches_at_any_depth_and_an_anchored_one_only_from_the_base(project):
    assert walked(project, "articles", ["drafts/"]) == ["articles/a.txt"]  # "drafts/": any drafts folder
    assert walked(project, "articles", ["drafts/*"]) == ["articles/a.txt", "articles/drafts/d.txt"]  # anchored
    assert walked(project, "articles", ["**/drafts/*"]) == ["articles/a.txt"]
    assert walked(project, "articles", ["articles/drafts/*"]) == ["articles/a.txt"]


def test_a_star_does_not_cross_a_slash(project):
    # Before, fnmatch's "articles/*.txt" matched "articles/drafts/d.txt" too.
    assert walked(project, "articles", ["articles/*.txt"]) == ["articles/drafts/d.txt"]
    tree(project, {"notes/n.txt": CLEAN_TEXT})
    assert walked(project, ".", ["articles/**/*.txt"]) == ["notes/n.txt"]  # "**" does


def test_patterns_apply_to_a_folder_given_absolute_or_from_elsewhere(project, monkeypatch):
    monkeypatch.chdir(project / "articles")
    selection = Selection(exclude=(Patterns(str(project), ("articles/drafts/",)),))
    assert document_paths([str(project / "articles")], selection) == [(project / "articles" / "a.txt").as_posix()]
    assert document_paths(["."], selection) == ["a.txt"]
    assert document_paths(["../articles"], selection) == ["../articles/a.txt"]


def test_absolute_paths_are_excluded_by_the_cli_too(project):
    # Before: nothing was excluded when the folder was given absolute.
    result = run("check", "--no-cache", project / "articles", "-f", "json", cwd=project)
    assert checked(result) == [(project / "articles" / "a.txt").as_posix()]


def test_a_negated_pattern_brings_back_a_file_but_not_from_a_folder_left_out(project):
    tree(project, {"articles/drafts/keep.txt": CLEAN_TEXT})
    kept = walked(project, "articles", ["articles/drafts/*", "!articles/drafts/keep.txt"])
    assert kept == ["articles/a.txt", "articles/drafts/keep.txt"]
    assert walked(project, "articles", ["drafts/", "!drafts/keep.txt"]) == ["articles/a.txt"]  # as git: not entered


def test_a_pattern_that_matches_the_folder_named_is_set_aside_for_it(project):
    tree(project, {"articles/drafts/old/o.txt": CLEAN_TEXT, "articles/drafts/x.tmp.txt": CLEAN_TEXT})
    assert walked(project, "articles/drafts", ["drafts/", "old/", "*.tmp.txt"]) == ["articles/drafts/d.txt"]
    assert walked(project, "articles/drafts/old", ["articles/"]) == ["articles/drafts/old/o.txt"]


def test_include_narrows_a_walk_and_exclude_wins_over_it(project):
    tree(project, {"articles/b.md": CLEAN_TEXT, "articles/drafts/e.md": CLEAN_TEXT, "notes/n.md": CLEAN_TEXT})
    assert walked(project, ".", include=["*.md"]) == ["articles/b.md", "articles/drafts/e.md", "notes/n.md"]
    assert walked(project, ".", include=["articles/"]) == ["articles/a.txt", "articles/b.md", "articles/drafts/d.txt",
                                                            "articles/drafts/e.md"]
    assert walked(project, ".", ["drafts/"], ["*.md"]) == ["articles/b.md", "notes/n.md"]


def test_a_walk_picks_markdown_and_translation_files_but_not_html(project):
    tree(project, {"site/a.markdown": CLEAN_TEXT, "site/b.MD": CLEAN_TEXT, "site/c.html": CLEAN_TEXT,
                   "site/d.htm": CLEAN_TEXT, "site/e.po": "", "site/f.csv": ""})
    assert walked(project, "site") == ["site/a.markdown", "site/b.MD", "site/e.po"]


def test_a_folder_whose_texts_are_all_left_out_is_an_error_that_says_so(project):
    with pytest.raises(InputError, match=r"no \*\.txt, \*\.md or translation files in this folder "
                                         r"\(1 file and 1 folder left out by include, exclude or \.gitignore"):
        walked(project, "articles", ["drafts/", "a.txt"])
    (project / "empty").mkdir()
    with pytest.raises(InputError, match=r"in this folder$"):
        walked(project, "empty")


def test_pattern_problems():
    assert pattern_problem("drafts/") is None and pattern_problem("!drafts/keep.txt") is None
    assert pattern_problem("!") == "not a gitignore pattern (a '!' needs a pattern after it)"
    assert pattern_problem("drafts\\") == "not a gitignore pattern (it ends with a lone backslash)"
    assert pattern_problem("#drafts").startswith("a comment in gitignore syntax")
    assert pattern_problem("a[b") == "a pattern git discards (a '[' without its ']'?)"
    assert pattern_problem("  ") == "empty"


def test_bad_patterns_are_one_line_errors(project):
    (project / "mtcheck.yaml").write_text('exclude:\n  - drafts/\n  - "!"\ninclude: ["#x"]\n', encoding="utf-8")
    result = run("check", "--no-cache", "articles", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [line.partition("mtcheck.yaml:")[2] for line in result.stderr.splitlines()] == [
        "3:5: exclude: '!' is not a gitignore pattern (a '!' needs a pattern after it)",
        "4:11: include: '#x' is a comment in gitignore syntax (write \\# for a name that starts with #)"]
    (project / "mtcheck.yaml").write_text("", encoding="utf-8")
    flag = run("check", "--no-cache", "articles", "--exclude", "x\\", cwd=project)
    assert flag.returncode == 2
    assert flag.stderr == "error: mtcheck: --exclude 'x\\\\': not a gitignore pattern (it ends with a lone backslash)\n"


def test_exclude_and_include_flags_on_check_and_fix(project):
    tree(project, {"articles/b.md": BAD_TEXT})
    (project / "mtcheck.yaml").write_text("include: [\"*.txt\"]\n", encoding="utf-8")
    assert checked(run("check", "--no-cache", "articles", "-f", "json", cwd=project)) == ["articles/a.txt", "articles/drafts/d.txt"]
    only_md = run("check", "--no-cache", "articles", "--include", "*.md", "-f", "json", cwd=project)  # replaces the config's
    assert checked(only_md) == ["articles/b.md"]
    flags = run("check", "--no-cache", "articles", "--exclude", "drafts/", "--exclude", "b.md", "--include", "*.txt",
                "--include", "*.md", "-f", "json", cwd=project)
    assert checked(flags) == ["articles/a.txt"]
    fix = run("fix", "articles", "--exclude", "drafts/", cwd=project)
    assert fix.returncode == 0 and fix.stdout == ""  # a.txt is clean; d.txt and b.md were left out
    fix_drafts = run("fix", "articles", "--include", "drafts/", cwd=project)
    assert fix_drafts.returncode == 1 and "+++ b/articles/drafts/d.txt" in fix_drafts.stdout


def test_command_line_patterns_are_relative_to_the_current_folder(project):
    result = run("check", "--no-cache", "--no-config", "-g", "../glossaries", ".", "--exclude", "/drafts/", "-f", "json",
                 cwd=project / "articles")
    assert checked(result) == ["a.txt"]


# --- .gitignore ----------------------------------------------------------------------------------

def test_gitignore_files_from_the_top_down_and_info_exclude(tmp_path):
    root = tree(tmp_path / "repo", {
        ".gitignore": "*.bak.txt\nold/\n",
        ".git/info/exclude": "private.txt\n",
        "a/.gitignore": "!keep.bak.txt\nlocal.txt\n",
        "a/x.txt": "", "a/keep.bak.txt": "", "a/drop.bak.txt": "", "a/local.txt": "", "a/private.txt": "",
        "a/old/o.txt": "", "b/local.txt": "", "b/c/private.txt": "",
    })
    assert walked(root) == ["a/keep.bak.txt", "a/x.txt", "b/local.txt"]
    assert walked(root, "a") == ["a/keep.bak.txt", "a/x.txt"]  # .gitignore files above the walked folder count
    assert walked(root, "a/old") == ["a/old/o.txt"]  # the folder named is wanted, even if ignored
    assert len(walked(root, gitignore=False)) == 8


def test_gitignore_outside_a_work_tree_is_not_read_and_a_nested_repository_has_its_own(tmp_path):
    tree(tmp_path, {"plain/.gitignore": "*.txt\n", "plain/a.txt": "", "outer/x.txt": "",
                    "outer/.gitignore": "inner/y.txt\n", "outer/inner/.gitignore": "z.txt\n",
                    "outer/inner/y.txt": "", "outer/inner/z.txt": ""})
    (tmp_path / "outer" / ".git").mkdir()
    (tmp_path / "outer" / "inner" / ".git").write_text("gitdir: ../.git/modules/inner\n")  # a submodule
    tree(tmp_path, {"outer/.git/modules/inner/info/exclude": "w.txt\n", "outer/inner/w.txt": ""})
    assert walked(tmp_path, "plain") == ["plain/a.txt"]
    assert walked(tmp_path, "outer") == ["outer/inner/y.txt", "outer/x.txt"]


def test_a_walk_never_enters_git(tmp_path):
    tree(tmp_path, {".git/notes.txt": "", "a.txt": ""})
    assert walked(tmp_path) == ["a.txt"]


def test_gitignore_in_a_real_git_work_tree(project):
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    (project / ".git").rmdir()
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    tree(project, {".gitignore": "drafts/\n", "articles/.gitignore": "*.txt\n!keep.txt\n", "articles/keep.txt": ""})
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "articles"], cwd=project,
                            capture_output=True, text=True, check=True).stdout.split()
    assert walked(project, "articles") == sorted(p for p in listed if p.endswith(".txt")) == ["articles/keep.txt"]


# --- item 6: the config, glossaries and cache of the project --------------------------------------

def test_a_run_from_a_subfolder_finds_the_config_above_and_its_paths(project):
    # Before: "error: mtcheck: no glossary", exit 2.
    (project / "mtcheck.yaml").write_text("glossaries: [glossaries/small.yaml]\nexclude: [\"/articles/drafts/\"]\n")
    inside = project / "articles"
    result = run("check", ".", "-f", "json", cwd=inside)
    assert checked(result) == ["a.txt"] and result.returncode == 0
    assert (project / ".mtcheck_cache" / "index").is_dir() and not (inside / ".mtcheck_cache").exists()
    named = run("check", "--no-cache", "drafts/d.txt", cwd=inside)
    assert named.returncode == 1 and named.stdout.startswith("drafts/d.txt:1:1: major term-misspelled")


def test_config_errors_name_the_config_found_above(project):
    (project / "mtcheck.yaml").write_text("glosaries: []\n")
    result = run("check", "--no-cache", "a.txt", cwd=project / "articles")
    assert result.returncode == 2
    assert result.stderr == "error: ../mtcheck.yaml:1:1: unknown key 'glosaries' (did you mean 'glossaries'?)\n"


def test_without_a_config_the_glossaries_folder_is_at_the_top_of_the_work_tree(project):
    (project / "mtcheck.yaml").unlink()
    inside = project / "articles" / "drafts"
    result = run("check", "d.txt", cwd=inside)
    assert result.returncode == 1 and result.stdout.startswith("d.txt:1:1: major term-misspelled")
    assert (project / ".mtcheck_cache").is_dir() and not (inside / ".mtcheck_cache").exists()


def test_the_cache_folder_comes_from_the_flag_then_the_variable_then_the_config(project, tmp_path):
    inside = project / "articles"
    variable = tmp_path / "from-variable"
    assert run("check", "a.txt", cwd=inside, env={"MTCHECK_CACHE_DIR": str(variable)}).returncode == 0
    assert (variable / "index").is_dir() and not (project / ".mtcheck_cache").exists()
    flag = tmp_path / "from-flag"
    assert run("check", "a.txt", "--cache-dir", flag, cwd=inside, env={"MTCHECK_CACHE_DIR": str(variable)}).returncode == 0
    assert (flag / "index").is_dir()
    assert run("fix", "a.txt", cwd=inside).returncode == 0
    assert (project / ".mtcheck_cache" / "index").is_dir()


def test_no_glossary_says_where_mtcheck_looked(tmp_path):
    tree(tmp_path / "p", {"mtcheck.yaml": "fail_on: major\n", "sub/a.txt": CLEAN_TEXT})
    (tmp_path / "p" / ".git").mkdir()
    result = run("check", "--no-cache", "a.txt", cwd=tmp_path / "p" / "sub")
    assert result.returncode == 2
    assert result.stderr == ("error: mtcheck: no glossary: ../mtcheck.yaml configures no 'glossaries', and there is "
                             "no ../glossaries/ folder: pass --glossary PATH, or configure 'glossaries'\n")


def test_find_config_walks_up_and_stops_at_the_work_tree_top(tmp_path):
    tree(tmp_path, {"mtcheck.yaml": "fail_on: minor\n", "repo/pyproject.toml": "[project]\nname = 'x'\n",
                    "repo/sub/deeper/.keep": ""})
    repo = tmp_path / "repo"
    assert find_config(repo / "sub" / "deeper").fail_on == "minor"  # no .git: up to the filesystem root
    (repo / ".git").mkdir()
    found = find_config(repo / "sub" / "deeper")
    assert found.path is None and found.root == str(repo)  # stopped at repo/, which has no config
    (repo / "pyproject.toml").write_text("[tool.mtcheck]\nfail_on = 'critical'\n")
    assert find_config(repo / "sub").fail_on == "critical"
    (repo / "sub" / "mtcheck.yaml").write_text("fail_on: never\n")
    assert find_config(repo / "sub" / "deeper").fail_on == "never"  # the nearest wins


def test_default_glossaries_folder_is_the_projects(project, monkeypatch):
    monkeypatch.chdir(project / "articles")
    assert glossary_paths([], find_config()) == ["../glossaries"]
    assert glossary_paths([], find_config(), use_config=False) == []


def test_cache_info_and_clean_find_the_projects_cache(project):
    inside = project / "articles"
    assert run("check", "a.txt", cwd=inside).returncode == 0
    info = run("cache", "info", cwd=inside)
    assert info.returncode == 0 and info.stdout.startswith("../.mtcheck_cache: 2 entries")
    clean = run("cache", "clean", cwd=inside)
    assert clean.returncode == 0 and clean.stdout.startswith("../.mtcheck_cache: removed 2 entries")
