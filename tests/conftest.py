from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from mtcheck import Checker, load_glossaries

# The cache's secret key lives in the user's cache folder: the tests (and the runs they start, which
# inherit this) keep theirs in a folder of their own, never the developer's or CI's real one.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="mtcheck-tests-cache-home-")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MT_SAMPLE = SAMPLES / "bbc-serbian-stoltenberg-belgrade.mt.txt"
CORRECTED_SAMPLE = SAMPLES / "bbc-serbian-stoltenberg-belgrade.corrected.txt"
BUNDLED_GLOSSARY = ROOT / "glossaries"

SMALL_GLOSSARY = """\
version: 1
name: small
language: en
source_language: sr
defaults: {severity: major, fuzzy: 88}
terms:
  - id: csm
    canonical: Community of Serb Municipalities
    variants: [Association of Serb Municipalities]
    short: [CSM]
    forbidden: [Union of Serbian Municipalities, USO]
    source: [Zajednica srpskih opština, ZSO]
    note: Name used in the 2013 Brussels Agreement.
  - id: kurti
    canonical: Albin Kurti
    short: [Kurti]
  - id: vucic
    canonical: Aleksandar Vučić
    short: [Vučić]
    source: [Александар Вучић]
  - id: stoltenberg
    canonical: Jens Stoltenberg
    short: [Stoltenberg]
  - id: kfor
    canonical: KFOR
    variants: [Kosovo Force]
  - id: eu
    canonical: European Union
    short: [EU]
  - id: zvecan
    canonical: Zvečan
    severity: minor
  - id: thermal-pad
    canonical: thermal gap pad
  - id: gap-pad
    canonical: gap pad
"""


def glossary_file(folder: Path, text: str, name: str) -> Path:
    """The glossary ``text`` written to the file ``name`` in ``folder``."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def small_glossary_file(tmp_path) -> Path:
    """The small glossary as a file of the test's own, small.yaml, for the test to run on or change."""
    return glossary_file(tmp_path, SMALL_GLOSSARY, "small.yaml")


@pytest.fixture(scope="session")
def small_glossaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("glossary")
    (folder / "small.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    return load_glossaries([folder])


@pytest.fixture(scope="session")
def checker(small_glossaries):
    return Checker(small_glossaries)


@pytest.fixture(scope="session")
def bundled_checker():
    return Checker(load_glossaries([BUNDLED_GLOSSARY]))


def findings(checker: Checker, text: str, *rules: str):
    result = checker.check_text(text)
    return [f for f in result.findings if not rules or f.rule in rules]


def texts(checker: Checker, text: str, *rules: str) -> list[str]:
    return [f.text for f in findings(checker, text, *rules)]
