"""Packaging: the licence, one version source, the wheel's contents (py.typed, LICENSE, metadata),
and a public API that type checkers see in full (``mypy --strict``) while imports stay lazy."""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import mtcheck
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(arg) for arg in args], cwd=cwd, capture_output=True, text=True)


def test_the_licence_is_mit_for_mtcheck_contributors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ") and " mtcheck contributors\n" in text.splitlines(True)[2]
    assert "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND" in text
    project = PYPROJECT["project"]
    assert (project["license"], project["license-files"]) == ("MIT", ["LICENSE"])
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]  # PEP 639: the expression says it


def test_the_version_is_written_once_in_the_package():
    assert "version" not in PYPROJECT["project"] and "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "mtcheck.__version__"}
    assert run(sys.executable, "-m", "mtcheck", "--version").stdout == f"mtcheck {mtcheck.__version__}\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """A wheel built offline from a copy of the sources (the build writes build/ where it runs)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(ROOT / "mtcheck", source / "mtcheck", ignore=shutil.ignore_patterns("__pycache__"))
    build = run(sys.executable, "-c", "from setuptools import build_meta; print(build_meta.build_wheel('dist'))",
                cwd=source)
    assert build.returncode == 0, build.stderr
    return zipfile.ZipFile(source / "dist" / build.stdout.splitlines()[-1])


def test_the_wheel_ships_py_typed_the_licence_and_the_metadata(wheel):
    info = f"mtcheck-{mtcheck.__version__}.dist-info"
    names = set(wheel.namelist())
    assert {"mtcheck/py.typed", f"{info}/licenses/LICENSE", "mtcheck/glossary/schema.json"} <= names
    assert {f"mtcheck/review/static/{name}" for name in ("review.html", "app.js", "app.css", "icon.svg")} <= names  # review's page
    metadata = Parser().parsestr(wheel.read(f"{info}/METADATA").decode("utf-8"))
    assert (metadata["Version"], metadata["License-Expression"]) == (mtcheck.__version__, "MIT")
    assert "Typing :: Typed" in metadata.get_all("Classifier")
    assert metadata.get_all("Project-URL") is None  # no public address exists yet: none is invented


def type_checking_imports() -> dict[str, str]:
    """The names mtcheck/__init__.py imports for type checkers, each with its module."""
    tree = ast.parse((ROOT / "mtcheck" / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {alias.name: node.module for node in block.body if isinstance(node, ast.ImportFrom)
            and node.module.startswith("mtcheck") for alias in node.names}


def test_the_public_names_are_listed_alike_for_type_checkers_for_all_and_for_lazy_loading():
    lazy = mtcheck._EXPORTS
    assert type_checking_imports() == lazy
    assert sorted(mtcheck.__all__) == sorted([*lazy, "check_text"])
    for name, module in lazy.items():
        assert getattr(mtcheck, name) is getattr(importlib.import_module(module), name)


def test_importing_mtcheck_loads_nothing_else_of_it():
    code = "import sys, mtcheck; print(sorted(m for m in sys.modules if m.startswith('mtcheck')))"
    assert run(sys.executable, "-c", code).stdout == "['mtcheck']\n"


def test_the_public_api_passes_mypy_strict(tmp_path):
    """tests/typing_check.py uses the API as the README does; mtcheck's own modules are followed
    silently, so only the public surface must be strict-clean. A misspelt name must be an error:
    the lazy loader's module __getattr__ is hidden from type checkers."""
    misspelt = tmp_path / "misspelt.py"
    misspelt.write_text("import mtcheck\n\nmtcheck.Checkr\n", encoding="utf-8")
    result = run(sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
                 "--cache-dir", tmp_path / "cache", "mtcheck/__init__.py", "tests/typing_check.py", misspelt)
    errors = result.stdout.splitlines()  # only the misspelt name (mypy may add a did-you-mean)
    assert len(errors) == 1 and errors[0].startswith(f'{misspelt}:3: error: Module has no attribute "Checkr"'), \
        result.stdout + result.stderr


def test_the_code_is_clean_under_ruff():
    """The project's lint rules ([tool.ruff] in pyproject.toml) hold for the package, tests, bench
    and fuzz targets; `ruff check .` says what to mend."""
    result = run(sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr
