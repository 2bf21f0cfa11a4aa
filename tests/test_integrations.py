"""The README's GitHub Actions job and the pre-commit hooks, run as far as this machine allows."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mtcheck.documents import FOLDER_BILINGUAL_SUFFIXES, TEXT_SUFFIXES
from tests.conftest import ROOT, SMALL_GLOSSARY

README = (ROOT / "README.md").read_text(encoding="utf-8")
VENV_BIN = Path(sys.executable).parent


def readme_yaml(starting_with: str) -> dict | list:
    block = next(b for b in README.split("```yaml\n")[1:] if b.startswith(starting_with))
    return yaml.safe_load(block.split("```")[0])


def test_the_github_actions_job_runs_as_written(tmp_path):
    workflow = readme_yaml("name: terminology")
    steps = workflow["jobs"]["mtcheck"]["steps"]
    runs = [step["run"] for step in steps if "run" in step and "mtcheck" in step["run"]]
    assert runs and any("upload-sarif" in step.get("uses", "") for step in steps)
    work = tmp_path / "checkout"
    shutil.copytree(ROOT / "samples", work / "samples")
    shutil.copytree(ROOT / "glossaries", work / "glossaries")
    summary = tmp_path / "step-summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    check = subprocess.run(runs[0], shell=True, cwd=work, env=env, capture_output=True, text=True)
    assert check.returncode == 1, check.stderr  # the sample has major findings: the job fails, as it should
    *annotations, min_score = check.stdout.splitlines()  # 14 findings, then the score below --min-score 90
    assert len(annotations) == 14 and all(line.startswith(("::error file=samples/", "::warning file=samples/"))
                                          for line in annotations)
    assert min_score.startswith("::error file=samples/bbc-serbian-stoltenberg-belgrade.mt.txt,title=MQM score below")
    assert len(json.loads((work / "mtcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 14
    for run in runs[1:]:
        assert subprocess.run(run, shell=True, cwd=work, env=env).returncode == 0
    assert summary.read_text(encoding="utf-8").startswith("## mtcheck: 14 findings in 2 files")


def test_the_hook_definitions_are_valid_for_pre_commit():
    result = subprocess.run([str(VENV_BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert readme_yaml("repos:")["repos"][0]["hooks"][0]["id"] == "mtcheck"


@pytest.fixture()
def article_repo(tmp_path):
    """A git repository of articles, with pre-commit configured to run mtcheck's hooks."""
    repo = tmp_path / "articles"
    (repo / "glossaries").mkdir(parents=True)
    (repo / "glossaries" / "small.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    (repo / "story.md").write_text("# News\n\nThe USO met Aljbin Kurti.\n", encoding="utf-8")
    (repo / "notes.py").write_text("USO = 1\n", encoding="utf-8")  # not a text the hook looks at
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    # The hooks as published, but run from this venv: a `language: python` hook would install
    # mtcheck from the network into an environment of its own.
    local = [{**hook, "language": "system", "entry": f"{VENV_BIN / 'mtcheck'} {hook['entry'].split(' ', 1)[1]}"}
             for hook in hooks]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    return repo


def pre_commit(repo: Path, hook: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    return subprocess.run([str(VENV_BIN / "pre-commit"), "run", hook, "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True)


SR_EN_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="sr" trgLang="en">
  <file id="f1"><unit id="u1"><segment id="s1">
    <source>Zajednica srpskih opština je osnovana.</source>
    <target>The Union of Serbian Municipalities was founded.</target>
  </segment></unit></file>
</xliff>
"""


def test_the_readme_pre_commit_config_works_as_pasted(article_repo):
    """The README's first pre-commit snippet, verbatim, with mtcheck installed where pre-commit runs:
    texts and translation files are checked, other files are not."""
    snippet = next(b for b in README.split("```yaml\n")[1:] if b.startswith("repos:\n  - repo: local\n"))
    (article_repo / ".pre-commit-config.yaml").write_text(snippet.split("```")[0], encoding="utf-8")
    (article_repo / "story.md").write_text("# News\n\nAll is well.\n", encoding="utf-8")
    (article_repo / "news.xlf").write_text(SR_EN_XLIFF, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=article_repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(article_repo.parent / "pre-commit-home"), "NO_COLOR": "1",
           "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([str(VENV_BIN / "pre-commit"), "run", "--all-files", "--color", "never"],
                            cwd=article_repo, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "news.xlf:5:" in result.stdout and "term-forbidden" in result.stdout
    assert "story.md:" not in result.stdout and "notes.py" not in result.stdout  # checked, clean; not looked at


@pytest.mark.parametrize("hook_id", ["mtcheck", "mtcheck-fix"])
def test_the_published_hooks_look_at_translation_files(hook_id):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(next(hook for hook in hooks if hook["id"] == hook_id)["files"])
    assert all(pattern.search(f"a/b{suffix}") for suffix in (*TEXT_SUFFIXES, *FOLDER_BILINGUAL_SUFFIXES))
    assert not pattern.search("a/notes.py")


def test_the_fix_hook_fixes_a_staged_translation_file(article_repo):
    (article_repo / "news.xlf").write_text(SR_EN_XLIFF, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=article_repo, check=True)
    fixed = pre_commit(article_repo, "mtcheck-fix")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout
    assert (article_repo / "news.xlf").read_text(encoding="utf-8") == SR_EN_XLIFF.replace(
        "Union of Serbian Municipalities", "Community of Serb Municipalities")


def test_pre_commit_runs_the_hooks(article_repo):
    failed = pre_commit(article_repo, "mtcheck")
    assert failed.returncode == 1 and "story.md:3:5: major term-forbidden" in failed.stdout
    assert "notes.py" not in failed.stdout
    fixed = pre_commit(article_repo, "mtcheck-fix")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout
    assert (article_repo / "story.md").read_text(encoding="utf-8") == "# News\n\nThe CSM met Albin Kurti.\n"
    assert pre_commit(article_repo, "mtcheck").returncode == 0
    assert shlex.split(yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]["entry"])[:2] == \
        ["mtcheck", "check"]


ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_the_action_file_is_well_formed():
    assert {"name", "description", "inputs", "outputs", "runs"} <= set(ACTION)
    assert ACTION["runs"]["using"] == "composite"
    for step in ACTION["runs"]["steps"]:
        assert ("run" in step) != ("uses" in step), step
        assert "run" not in step or step.get("shell") == "bash", "a composite step's run needs a shell"
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"inputs\.([\w-]+)", text)) <= set(ACTION["inputs"])
    assert all("description" in spec for spec in (*ACTION["inputs"].values(), *ACTION["outputs"].values()))


def test_the_action_checks_and_reports_as_a_job_would(tmp_path):
    """The action's check step, run here as the runner would run it (bash, its inputs as env)."""
    step = next(step for step in ACTION["runs"]["steps"] if step.get("id") == "check")
    work = tmp_path / "checkout"
    shutil.copytree(ROOT / "samples", work / "samples")
    shutil.copytree(ROOT / "glossaries", work / "glossaries")
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs"
    summary.write_text("earlier step\n", encoding="utf-8")
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs),
           "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}", "INPUT_PATHS": "samples/",
           "INPUT_ARGS": "--no-cache --min-score 90", "INPUT_SARIF": inputs["sarif"]}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr  # the sample has major findings: the step fails
    assert len(result.stdout.splitlines()) == 14 + 1 and result.stdout.startswith(("::error file=samples/",
                                                                                    "::warning file=samples/"))
    assert "title=MQM score below --min-score::" in result.stdout.splitlines()[-1]  # the sample scores 59.88
    assert len(json.loads((work / "mtcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 14
    assert summary.read_text(encoding="utf-8").startswith("earlier step\n## mtcheck: 14 findings in 2 files")
    assert outputs.read_text(encoding="utf-8") == "exit-code=1\n"
