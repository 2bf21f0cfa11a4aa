"""The fuzz targets: one input in; an exception out only when mtcheck has a bug.

Both fuzzing engines (atheris, hypothesis: see fuzz/run.py) and tests/test_fuzz_regressions.py call
the targets (``TARGETS``), so a crash found by one replays in the others.

- ``glossary_target(data)``: ``data`` is the content of a glossary file. Loading it must give
  glossaries or ``MtcheckError`` whose problems are one line each, naming the file; a glossary that
  loads must compile and check a text made of its own forms.
- ``checker_target(data)``: ``data`` (UTF-8, bad bytes replaced) is an article checked against the
  bundled glossary. Checking and the JSON report must not raise, every finding must slice the text
  to its ``text``, and the report must be strict JSON that validates against the report schema.
- ``cache_target(data)`` (fuzz/cache_target.py): ``data`` is planted in the cache folder as an
  entry; it must never be answered, nor raise or hang.
- ``long_token_target(data)``: the same article with a piece of it stretched into one run of
  LONG_TOKEN_CHARS characters, a "word" no article has: it must be checked as the others are, in
  time and memory linear in its length.
"""

from __future__ import annotations

import atexit
import json
import random
import re
import shutil
import tempfile
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from fuzz.cache_target import cache_target, seed_payloads
from mtcheck import Checker, MtcheckError, load_glossaries
from mtcheck.config import Config, RuleSettings
from mtcheck.model import FileResult, RunResult
from mtcheck.reporters import render
from mtcheck.scoring.quality import score_run

ROOT = Path(__file__).resolve().parent.parent
# The glossary seeds: the bundled glossary, and it migrated to version 2 (a multilingual file).
SEED_DIRS = {"glossary": [ROOT / "glossaries", ROOT / "fuzz" / "seeds" / "glossary"], "checker": [ROOT / "samples"],
             "long-token": [ROOT / "samples"]}
BUNDLED_GLOSSARY = ROOT / "glossaries"
# A benign boilerplate pattern, so that the configured-pattern path of the artifact rule runs too.
FUZZ_CONFIG = Config(rules={"artifact": RuleSettings(options={"patterns": (r"Follow us on [^.\n]*\.",)})})
MAX_PROBE_FORMS = 200  # a glossary's probe text holds at most this many of its forms
LONG_TOKEN_CHARS = 200_000  # a pass quadratic in a token's length takes minutes on a run this long
MAX_STRETCHED = 8  # characters in the piece of an article that is stretched into a run
# Failures found and reported but not fixed yet (in files the harness's authors do not own), kept out
# of the way so that fuzzing goes on finding new ones: each is a regular expression over
# "ExceptionType: message". tests/test_fuzz_regressions.py holds each as a strict xfail, which
# starts failing once the fix lands: then delete the entry here. Empty: the two found so far (a
# ReaderError's two-line message, a tag on a mapping key) are fixed in mtcheck/yamlnodes.py.
KNOWN_UNFIXED: dict[str, re.Pattern] = {}


class Violation(AssertionError):
    """An input broke one of the target's invariants."""


@lru_cache(maxsize=1)
def report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("mtcheck.reporters").joinpath("json_report.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _checker() -> Checker:
    return Checker(load_glossaries([BUNDLED_GLOSSARY]), FUZZ_CONFIG)


@lru_cache(maxsize=1)
def _scratch_file() -> Path:
    # One file rewritten for every input: the loader reads paths, and the path is part of its errors.
    folder = tempfile.mkdtemp(prefix="mtcheck-fuzz-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return Path(folder) / "fuzz.yaml"


def prepare() -> None:
    """Import and build everything the targets use once (atheris instruments what is imported here)."""
    checker_target(b"The USO met Aljbin Kurti. Follow us on Facebook.")
    glossary_target((BUNDLED_GLOSSARY / "kosovo-serbia.yaml").read_bytes())


def known_unfixed(error: BaseException) -> str | None:
    """The KNOWN_UNFIXED entry ``error`` is, if any."""
    text = f"{type(error).__name__}: {error}"
    return next((name for name, pattern in KNOWN_UNFIXED.items() if pattern.search(text)), None)


def glossary_target(data: bytes, tolerate_known: bool = True) -> None:
    try:
        _glossary_target(data)
    except Exception as error:
        if not (tolerate_known and known_unfixed(error)):
            raise


def _glossary_target(data: bytes) -> None:
    path = _scratch_file()
    path.write_bytes(data)
    try:
        glossaries = load_glossaries([path])
    except MtcheckError as error:
        _check_problems(error, str(path))
        return
    text = _probe_text(glossaries)
    _check_result(text, Checker(glossaries).check_text(text, "probe.txt"))


def checker_target(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    result = _checker().check_text(text, _article_path(data))
    _check_result(text, result)


def long_token_target(data: bytes) -> None:
    text = _stretched(data.decode("utf-8", "replace"), data[0] if data else 0)
    result = _checker().check_text(text, _article_path(data))
    # jsonschema takes about 1 ms a finding, and a run of "a,b" or "(" makes 10^5 of them
    _check_result(text, result, validate_schema=False)


def _article_path(data: bytes) -> str:
    """Markdown files skip the HTML checks: let the input choose, stably, which kind it is."""
    return "fuzz.md" if zlib.crc32(data) % 4 == 0 else "fuzz.txt"


def _stretched(text: str, choice: int) -> str:
    """``text`` with the piece at a place its CRC picks made a run of LONG_TOKEN_CHARS characters.
    ``choice`` gives the piece's length (1 to MAX_STRETCHED), and whether the run repeats it
    ("aaaa", "a,ba,b") or draws its characters at random (then no two one-letter deletions of the
    run are alike, so a deletion set of it takes the run's length squared in memory)."""
    if not text:
        return text
    at = zlib.crc32(text.encode("utf-8")) % len(text)
    piece = text[at:at + 1 + choice % MAX_STRETCHED]
    if choice & 0x80:
        run = "".join(random.Random(at).choices(piece, k=LONG_TOKEN_CHARS))
    else:
        run = piece * (LONG_TOKEN_CHARS // len(piece))
    return text[:at] + run + text[at + len(piece):]


def _check_problems(error: MtcheckError, path: str) -> None:
    if not error.problems:
        raise Violation("MtcheckError without problems")
    for problem in error.problems:
        line = str(problem)
        # str() shows a line break inside a message as \x0a or \x0d (mtcheck.visible): still a
        # message that should have been one line
        broken = any(mark in line for mark in ("\n", "\r", "\\x0a", "\\x0d"))
        if not line.startswith(path) or broken:
            raise Violation(f"not a one-line error naming {path}: {line!r}")


def _probe_text(glossaries) -> str:
    """A text holding the glossaries' forms, each in a short sentence, so the index is exercised."""
    forms = [form for glossary in glossaries for term in glossary.terms
             for role in term.forms_by_role().values() for form in role]
    return " ".join(f"The {form} said." for form in forms[:MAX_PROBE_FORMS])


def _check_result(text: str, result: FileResult, validate_schema: bool = True) -> None:
    for f in result.findings:
        if not (0 <= f.offset <= f.offset + f.length <= len(text)) or text[f.offset:f.offset + f.length] != f.text:
            raise Violation(f"finding {f.rule} at {f.offset}+{f.length} does not slice the text to {f.text!r}")
    run = RunResult((result,))
    report = json.loads(render("json", RunResult((result,), scores=score_run(run))), parse_constant=_not_json)
    if not validate_schema:
        return
    errors = sorted(report_validator().iter_errors(report), key=lambda e: list(e.absolute_path))
    if errors:
        raise Violation(f"the JSON report breaks its schema at {list(errors[0].absolute_path)}: {errors[0].message}")


def _not_json(constant: str):
    raise Violation(f"the JSON report holds {constant}, which is not JSON")


def seed_inputs(target: str) -> list[tuple[str, bytes]]:
    """The seed corpus: the bundled glossaries (glossary), sample articles (checker, long-token) or
    real cache entries (cache)."""
    if target == "cache":
        return seed_payloads()
    return [(path.name, path.read_bytes()) for folder in SEED_DIRS[target] for path in sorted(folder.iterdir())
            if path.is_file()]


def seed_dirs(target: str) -> list[Path]:
    """Folders holding the seed corpus (libFuzzer reads folders): the cache's seeds are made afresh."""
    if target != "cache":
        return SEED_DIRS[target]
    folder = Path(tempfile.mkdtemp(prefix="mtcheck-fuzz-cache-seeds-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, data in seed_payloads():
        (folder / name).write_bytes(data)
    return [folder]


TARGETS = {"glossary": glossary_target, "checker": checker_target, "long-token": long_token_target,
           "cache": cache_target}
