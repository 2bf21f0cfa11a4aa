"""Running the mtcheck command line from a test: in this process, or in a process of its own.

In this process is the default: it skips Python's start-up and the imports (about a second a run on
a loaded machine) and reuses a term index already compiled for the same glossary files. A test
needs a process of its own only when the process is what it tests: signals, pipes, terminals, a
closed stdin, the environment it starts with, the console script, worker processes' lifetime.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from click.testing import CliRunner

from mtcheck import cli, runner
from mtcheck.cache import Cache
from tests.conftest import BUNDLED_GLOSSARY, ROOT


def mtcheck(*args, cwd: Path | str = ROOT, stdin: bytes | None = None, cache: bool = False,
            env: dict[str, str | None] | None = None, text: bool = False) -> subprocess.CompletedProcess:
    """Run the CLI in this process, as `python -m mtcheck` would, and return what a subprocess run
    returns: bytes on stdout and stderr, or str with ``text``. `check` runs without the on-disk cache
    unless asked; ``env`` sets variables for the run, and unsets those given as None."""
    args = _with_cache_choice([str(a) for a in args], cache)
    # A run that uses the on-disk cache must find it as a new process does: an index compiled in
    # memory for an earlier test would hide whether the cache was read or written. They are put
    # back afterwards, for the tests that come next.
    compiled = mock.patch.dict(runner._COMPILED, clear=True) if cache else contextlib.nullcontext()
    isolation = CliRunner().isolation(input=stdin, env={"NO_COLOR": "1", **(env or {})})
    with (contextlib.chdir(cwd), compiled, isolation as (stdout, stderr, _),
          mock.patch.object(sys, "argv", ["mtcheck", *args])):
        code = _exit_code(lambda: cli.app(prog_name="mtcheck"))  # the command group reports errors and Ctrl-C
        sys.stdout.flush()
        sys.stderr.flush()
    out, err = stdout.getvalue(), stderr.getvalue()
    if text:
        out, err = out.decode(), err.decode()
    return subprocess.CompletedProcess(["mtcheck", *args], code, out, err)


def glossary(*args) -> subprocess.CompletedProcess:
    """`mtcheck glossary ARGS`, in this process."""
    return mtcheck("glossary", *args)


def check_json(*args) -> dict:
    """The JSON report of `mtcheck check` on ``args`` against the bundled glossary, which must run."""
    result = mtcheck("check", *args, "-g", BUNDLED_GLOSSARY, "-f", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def mtcheck_process(*args, cwd: Path | str = ROOT, stdin: bytes | None = None, cache: bool = False,
                    env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m mtcheck` in a process of its own, for tests about the process itself."""
    args = _with_cache_choice([str(a) for a in args], cache)
    return subprocess.run([sys.executable, "-m", "mtcheck", *args], cwd=cwd, input=stdin, capture_output=True,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})})


def index_cache(folder: Path, *glossaries: Path | str) -> dict[str, str]:
    """A cache ``folder`` holding only the compiled term index of ``glossaries`` (the one this process
    has compiled, when it has), and the environment that points a run at it. For tests that start
    processes for their signals or workers: each would otherwise compile the index again, which is
    not what they test. Their processes must name the glossaries as given here (the paths are part
    of the index's key)."""
    compiled = runner.compile_index([str(g) for g in glossaries])
    Cache(folder).put("index", compiled.key, (compiled.glossaries, compiled.index))
    return {"MTCHECK_CACHE_DIR": str(folder)}


def _with_cache_choice(args: list[str], cache: bool) -> list[str]:
    if args[:1] == ["check"] and not cache:
        return [args[0], "--no-cache", *args[1:]]
    return args


def _exit_code(main) -> int:
    """The exit code the process would end with: SystemExit's, as Python's own exit maps it."""
    try:
        main()
    except SystemExit as done:
        if done.code is None:
            return 0
        if isinstance(done.code, int):
            return done.code
        print(done.code, file=sys.stderr)  # sys.exit("message"): Python prints it and exits 1
        return 1
    return 0
