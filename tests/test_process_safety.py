"""Process safety (issue 14, item 3): SIGTERM and SIGHUP end a run as Ctrl-C does, with no worker
left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from mtcheck.entry import Stopped, stop_on_termination_signals
from mtcheck.output import write_atomic
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE

MTCHECK_SCRIPT = Path(sys.executable).with_name("mtcheck")  # the console script, as a caller runs it
LONG_RUN_FILES = 400  # copies of the 10 kB sample: seconds of checking on two workers, in tasks of 25 files
SIGNAL_TIMEOUT = 60  # seconds a stopped run may take to end: the tasks the workers hold are finished first

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")


def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)
    return value


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (any of its threads), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass  # the thread or the process has just ended
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


# --- SIGTERM and SIGHUP --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def long_run(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("long-run")
    text = MT_SAMPLE.read_bytes()
    for i in range(LONG_RUN_FILES):
        (folder / f"a{i:04}.txt").write_bytes(text)
    return folder


@contextmanager
def long_check(corpus: Path, reports: Path, **popen):
    """A check on two workers writing a JSON report, and its workers once both are at work; any of
    them still alive at the end is killed, so that a failing test leaves nothing running."""
    if not MTCHECK_SCRIPT.exists():
        pytest.skip(f"no console script at {MTCHECK_SCRIPT}: pip install -e .")
    command = [str(MTCHECK_SCRIPT), "check", "--no-cache", "--no-config", "-g", str(BUNDLED_GLOSSARY), str(corpus),
               "--jobs", "2", "-f", f"json:{reports / 'report.json'}"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)

    def both_workers() -> list[int] | None:
        assert process.poll() is None, f"the check ended before its workers started: {process.stderr.read()!r}"
        workers = children(process.pid)
        return workers if len(workers) == 2 else None

    workers = []
    try:
        workers = wait_until(both_workers, SIGNAL_TIMEOUT, "two workers")
        time.sleep(0.3)  # the workers are at work
        assert process.poll() is None, "the check ended before the signal: make the input larger"
        yield process, workers
    finally:
        for pid in [process.pid, *workers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("number, word, whole_group", [
    (signal.SIGTERM, "terminated", False),  # kill PID, timeout, a supervisor stopping mtcheck alone
    (signal.SIGHUP, "hung up", False),
    (signal.SIGHUP, "hung up", True),  # a closed terminal signals its whole foreground process group
])
def test_sigterm_or_sighup_ends_the_run_and_its_workers_like_ctrl_c(long_run, tmp_path, number, word, whole_group):
    with long_check(long_run, tmp_path, start_new_session=True) as (process, workers):
        if whole_group:
            os.killpg(process.pid, number)
        else:
            process.send_signal(number)
        try:
            # Both pipes reach their end only when no process holds them: a worker left behind would.
            _, stderr = process.communicate(timeout=SIGNAL_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the caller's pipes are still open {SIGNAL_TIMEOUT} s after the signal; "
                        f"workers alive: {[pid for pid in workers if alive(pid)]}")
        assert (process.returncode, stderr.decode()) == (128 + number, f"{word}\n")
        wait_until(lambda: not any(alive(pid) for pid in workers), 5, "the workers to end")
        assert os.listdir(tmp_path) == []  # no report, and no temporary file


def ignore_sighup() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def test_a_run_started_with_sighup_ignored_keeps_ignoring_it(long_run, tmp_path):
    """nohup ignores SIGHUP for the program it starts: mtcheck must not take it back."""
    with long_check(long_run, tmp_path, preexec_fn=ignore_sighup) as (process, _):
        process.send_signal(signal.SIGHUP)
        time.sleep(0.3)
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=SIGNAL_TIMEOUT)
        assert (process.returncode, stderr.decode()) == (143, "terminated\n")


def test_sigterm_while_a_report_is_written_ends_the_run_once_the_report_is_whole(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("old\n", encoding="utf-8")

    def chunks():
        yield "first half, "
        os.kill(os.getpid(), signal.SIGTERM)
        yield "second half\n"

    previous = signal.getsignal(signal.SIGTERM)
    assert previous == signal.SIG_DFL, "something else handles SIGTERM in this process"
    stop_on_termination_signals()
    try:
        with pytest.raises(Stopped):
            write_atomic(report, chunks())
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert report.read_text(encoding="utf-8") == "first half, second half\n"
    assert os.listdir(tmp_path) == ["report.json"]
