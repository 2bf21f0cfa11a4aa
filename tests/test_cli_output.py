"""Where the command line's output goes when a terminal, a file or a pipe is on the other end (issue
15): the report on stdout whatever the progress bar does."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE

# The console script with the progress bar shown at once instead of after two seconds: the bar is
# then live from the first file checked on, which is what a long run on a terminal does.
BAR_AT_ONCE = ("import sys; from mtcheck.terminal import ProgressBar; ProgressBar.DELAY = 0; "
               "from mtcheck.entry import run; sys.argv[0] = 'mtcheck'; run()")


def command(*args) -> list[str]:
    return [sys.executable, "-m", "mtcheck", *map(str, args)]


def check_args(*paths, cache_dir: Path | None) -> list[str]:
    cache = ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]  # no cache: each file is examined
    return ["check", "--no-config", "-g", str(BUNDLED_GLOSSARY), *cache, *map(str, paths)]


def plain_env() -> dict[str, str]:
    """No CI variable (it turns the bar off) and a terminal type that rich draws on."""
    env = {key: value for key, value in os.environ.items() if key not in ("CI", "NO_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "100"}


@pytest.fixture()
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(3):
        shutil.copy(MT_SAMPLE, folder / f"a{number}.txt")
    return folder


def run_with_terminal(args: list[str], terminal_on: str, other: Path, cwd: Path) -> tuple[int, bytes]:
    """Run with stderr (or stdout) on a pseudo-terminal and the other stream into the file ``other``;
    returns the exit code and what the terminal showed."""
    controller, terminal = pty.openpty()
    shown = bytearray()

    def read_terminal() -> None:
        while True:
            try:
                data = os.read(controller, 65536)
            except OSError:  # EIO: the child's end is closed
                return
            if not data:
                return
            shown.extend(data)

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    with open(other, "wb") as file:
        streams = {"stderr": terminal, "stdout": file} if terminal_on == "stderr" else {"stdout": terminal, "stderr": file}
        process = subprocess.Popen(args, stdin=subprocess.DEVNULL, cwd=cwd, env=plain_env(), **streams)
        os.close(terminal)
        code = process.wait(timeout=180)
    reader.join(timeout=10)
    os.close(controller)
    return code, bytes(shown)


def test_the_report_goes_to_stdout_while_the_progress_bar_shows_on_the_terminal(articles, tmp_path):
    """Issue 15, item 3: with stderr on a terminal and stdout in a file, the report used to go to the
    terminal, mixed with the bar (rich sends stdout to its console while the bar is live), and the
    file stayed empty."""
    args = check_args(articles, "-j", "1", cache_dir=None)
    expected = subprocess.run(command(*args), capture_output=True, cwd=tmp_path, env=plain_env())
    assert expected.returncode == 1 and expected.stdout.count(b"\n") > 20

    code, shown = run_with_terminal([sys.executable, "-c", BAR_AT_ONCE, *args], "stderr", tmp_path / "out.txt", tmp_path)
    assert code == 1
    assert b"checking" in shown  # the bar was drawn...
    assert b"term-forbidden" not in shown  # ...and no finding went to the terminal
    assert (tmp_path / "out.txt").read_bytes() == expected.stdout


def test_no_progress_bar_when_stderr_is_no_terminal(articles, tmp_path):
    """The bar belongs on stderr and only when stderr is a terminal: with stdout on one and stderr in
    a file, stderr gets nothing and the report reaches the terminal."""
    args = check_args(articles, "-j", "1", cache_dir=None)
    code, shown = run_with_terminal([sys.executable, "-c", BAR_AT_ONCE, *args], "stdout", tmp_path / "err.txt", tmp_path)
    assert code == 1
    assert (tmp_path / "err.txt").read_bytes() == b""
    assert b"term-forbidden" in shown and b"Quality score" in shown
