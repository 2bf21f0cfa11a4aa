"""A small project for the review app's tests: a config, a commented glossary, two articles."""

from __future__ import annotations

import json
from pathlib import Path

from mtcheck.review.session import ReviewSession
from mtcheck.workflow import CheckRequest
from tests.cli_runs import mtcheck

GLOSSARY = """\
# Review tests' glossary: every comment in it must survive the review's edits.
version: 1
name: review
language: en
source_language: sr
defaults: {severity: major, fuzzy: 88}

terms:
  # The body the 2013 Brussels Agreement names.
  - id: csm
    canonical: Community of Serb Municipalities
    variants: [Association of Serb Municipalities]  # as EU texts write it
    short: [CSM]
    forbidden: [Union of Serbian Municipalities, USO]
    source: [Zajednica srpskih opština, ZSO]

  # People
  - id: kurti
    canonical: Albin Kurti
    short: [Kurti]
"""
GLOSSARY_FILE = "glossaries/review.yaml"

# a.txt: term-forbidden 'Union of Serbian Municipalities', term-misspelled 'Aljbin Kurti', term-forbidden 'USO'
ARTICLE = "The Union of Serbian Municipalities met Aljbin Kurti today.\nLater the USO spoke again.\n"
# b.md: term-misspelled 'Aljbin Kurti', the same rendering as in a.txt
NOTES = "# Notes\n\nAljbin Kurti visited the CSM.\n"
FILES = ["a.txt", "b.md"]


def project(folder: Path, dismiss: str | None = None) -> Path:
    """The project in ``folder``: mtcheck.yaml (with ``review: {dismiss: ...}`` when given), the
    glossary, a.txt and b.md."""
    (folder / "glossaries").mkdir(parents=True)
    (folder / GLOSSARY_FILE).write_text(GLOSSARY, encoding="utf-8")
    config = "glossaries: [glossaries/]\n" + (f"review: {{dismiss: {dismiss}}}\n" if dismiss else "")
    (folder / "mtcheck.yaml").write_text(config, encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.md").write_text(NOTES, encoding="utf-8")
    return folder


def session(paths: list[str] | None = None, **request) -> ReviewSession:
    """A session on the project in the current folder, without the on-disk cache."""
    return ReviewSession(CheckRequest(paths=paths or FILES, cache_dir=None, **request))


def checked(folder: Path, *args: str) -> dict[str, list[tuple[str, str]]]:
    """What a new `mtcheck check` of the project's files says: file -> [(rule, text)]."""
    return checked_files(folder, FILES, *args)


def checked_files(folder: Path, files: list[str], *args: str) -> dict[str, list[tuple[str, str]]]:
    """What a new `mtcheck check` of ``files`` says: file -> [(rule, text)]."""
    result = mtcheck("check", *files, *args, "-f", "json", "--fail-on", "never", cwd=folder)
    assert result.returncode == 0, result.stderr
    return {file["path"]: [(f["rule"], f["text"]) for f in file["findings"]]
            for file in json.loads(result.stdout)["files"]}


def comment_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


MULTILINGUAL = """\
# Review tests' multilingual glossary: every comment in it must survive the review's edits.
version: 2
name: review
languages: [en, de, sr-Latn]   # the blocks' languages
source_language: sr-Latn
defaults: {severity: major, fuzzy: 88}

terms:
  # The body the 2013 Brussels Agreement names.
  - id: csm
    forms:
      en:
        canonical: Community of Serb Municipalities
        short: [CSM]
        forbidden: [Union of Serbian Municipalities, USO]   # the English slips
      de:
        canonical: Gemeinschaft der serbischen Gemeinden
        forbidden: [Serbenbund, Serbischer Gemeindebund]   # German slips
      sr-Latn: {canonical: Zajednica srpskih opština, short: [ZSO]}

  # People
  - id: kurti
    forms:
      en: {canonical: Albin Kurti, short: [Kurti]}
      de: {canonical: Albin Kurti, short: [Kurti]}   # as in English
"""
# de.txt, checked in German (the config's language): term-forbidden, term-misspelled 'Aljbin Kurti'
GERMAN = "Ein Serbischer Gemeindebund traf Aljbin Kurti heute.\n"
# en.po declares English: checked with the English block although the run's language is German
ENGLISH_PO = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Aljbin Kurti je stigao."\n'
              'msgstr "Aljbin Kurti arrived."\n')
MULTILINGUAL_FILES = ["de.txt", "en.po"]


def multilingual_project(folder: Path) -> Path:
    """A project whose glossary is multilingual (version 2): German texts by default, an English PO file."""
    (folder / "glossaries").mkdir(parents=True)
    (folder / GLOSSARY_FILE).write_text(MULTILINGUAL, encoding="utf-8")
    (folder / "mtcheck.yaml").write_text("glossaries: [glossaries/]\nlanguage: de\n", encoding="utf-8")
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "en.po").write_text(ENGLISH_PO, encoding="utf-8")
    return folder
