"""Process safety (issue 14, items 3, 4 and 12): SIGTERM and SIGHUP end a run as Ctrl-C does, with
no worker left behind; an output file that is one of the run's inputs is refused before anything is
written; runs writing the same report at once never leave a mixed or half-written file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from mtcheck.glossary.exchange import export_glossaries
from mtcheck.glossary.loader import load_glossaries
from mtcheck.output import TEMPORARY_SUFFIX
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE, SMALL_GLOSSARY

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
# SIGTERM while a file is written, with Ctrl-C: tests/test_faults.py::test_a_signal_while_a_file_is_written_waits_for_the_file

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


def test_workers_die_with_a_main_process_killed_outright(long_run, tmp_path):
    """SIGKILL cannot be handled: the workers (which leave SIGTERM to the main process) must still
    not live on, blocked on the pool's pipes and holding the caller's stdout and stderr open."""
    with long_check(long_run, tmp_path, start_new_session=True) as (process, workers):
        process.kill()
        try:
            process.communicate(timeout=SIGNAL_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the caller's pipes are still open {SIGNAL_TIMEOUT} s after SIGKILL; "
                        f"workers alive: {[pid for pid in workers if alive(pid)]}")
        wait_until(lambda: not any(alive(pid) for pid in workers), 5, "the workers to end")


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


# --- an output that is an input ------------------------------------------------------------------

@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    """A folder with a glossary, a config, articles (one in a folder), a link to one, a baseline, a
    reference and a CSV termbase; the tests run in it."""
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    Path("mtcheck.yaml").write_text("fail_on: never\n", encoding="utf-8")
    Path("a.txt").write_text("The USO met Aljbin Kurti.\n", encoding="utf-8")
    Path("docs").mkdir()
    Path("docs/b.txt").write_text("The Union of Serbian Municipalities met.\n", encoding="utf-8")
    Path("link.txt").symlink_to("a.txt")
    Path("base.json").write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    Path("ref.txt").write_text("The CSM met Albin Kurti.\n", encoding="utf-8")
    Path("terms.csv").write_text(export_glossaries(load_glossaries(["g.yaml"]), "csv"), encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


CHECK = ["check", "--no-cache", "-j", "1", "-g", "g.yaml"]
COLLISIONS = {  # case: (command, the output as given, its option, the input it would overwrite, as named)
    "check -o onto its document": ([*CHECK, "a.txt", "-o", "a.txt"], "a.txt", "--output", "document a.txt"),
    "a FORMAT:FILE report onto ./document": ([*CHECK, "a.txt", "-f", "json:r.json", "-f", "html:./a.txt"], "./a.txt",
                                             "--format html:./a.txt", "document a.txt"),
    "--write-baseline onto a link to the document": ([*CHECK, "a.txt", "--write-baseline", "link.txt"], "link.txt",
                                                     "--write-baseline", "document a.txt"),
    "-o onto the glossary": ([*CHECK, "a.txt", "-f", "json", "-o", "g.yaml"], "g.yaml", "--output", "glossary g.yaml"),
    "-o onto a file of a folder checked": ([*CHECK, "docs", "-o", "docs/b.txt"], "docs/b.txt", "--output",
                                           "document docs/b.txt"),
    "-o onto the config": ([*CHECK, "a.txt", "--config", "mtcheck.yaml", "-o", "mtcheck.yaml"], "mtcheck.yaml",
                           "--output", "config file mtcheck.yaml"),
    "-o onto the config found": ([*CHECK, "a.txt", "-o", "./mtcheck.yaml"], "./mtcheck.yaml", "--output",
                                 "config file mtcheck.yaml"),  # found in the current folder: named as found
    "-o onto the baseline read": ([*CHECK, "a.txt", "--baseline", "base.json", "-f", "json", "-o", "base.json"],
                                  "base.json", "--output", "baseline base.json"),
    # a .yaml file is read as a document only when --input-format says so (else: unknown file type)
    "fix --write onto the glossary": (["fix", "--no-cache", "-g", "g.yaml", "a.txt", "g.yaml", "--write",
                                       "--input-format", "text"], "g.yaml", "fix --write", "glossary g.yaml"),
    "score -o onto the reference": (["score", "a.txt", "--ref", "ref.txt", "-o", "./ref.txt"], "./ref.txt", "--output",
                                    "reference ref.txt"),
    "score --check -o onto the glossary": (["score", "a.txt", "--check", "-g", "g.yaml", "-o", "g.yaml"], "g.yaml",
                                           "--output", "glossary g.yaml"),
    "glossary export -o onto the glossary": (["glossary", "export", "g.yaml", "--to", "csv", "-o", "g.yaml"], "g.yaml",
                                             "--output", "glossary g.yaml"),
    "glossary import -o onto the termbase": (["glossary", "import", "terms.csv", "--from", "csv", "--language", "en",
                                              "-o", "terms.csv"], "terms.csv", "--output", "termbase terms.csv"),
    "glossary suggest -o onto the corpus": (["glossary", "suggest", "docs", "-o", "docs/b.txt"], "docs/b.txt",
                                            "--output", "document docs/b.txt"),
}


@pytest.mark.parametrize("name", sorted(COLLISIONS))
def test_an_output_that_is_an_input_is_refused_and_nothing_is_written(project, name):
    command, output, option, what = COLLISIONS[name]
    before = snapshot(project)
    result = CliRunner().invoke(app, command)
    what = what.format(cwd=project)
    assert (result.exit_code, result.stderr) == (
        2, f"error: {output}: {option} would overwrite the {what} that this run reads: nothing was written\n")
    assert snapshot(project) == before


# --- two runs writing the same report ------------------------------------------------------------

CONCURRENT_RUNS = 3


def test_runs_writing_the_same_report_at_once_leave_one_whole_report(tmp_path):
    """Each report is written to a locked temporary file and renamed over the old one: the file is
    always one run's whole report. A run that finds another writing it says so and exits 2."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # a report of 240 kB, written by each run at about the same moment
        (corpus / f"a{i:03}.txt").write_bytes(MT_SAMPLE.read_bytes())
    # The runs share a cache, which the first run fills: then they differ in little but the writing.
    command = [sys.executable, "-m", "mtcheck", "check", "--no-config", "-j", "1", "-g", str(BUNDLED_GLOSSARY),
               "corpus", "-f", "json:shared.json"]
    solo = subprocess.run([*command[:-1], "json:solo.json"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    assert solo.returncode == 1, solo.stderr
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for _ in range(CONCURRENT_RUNS)]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 1 or (
            run.returncode == 2 and stderr.decode().startswith("error: shared.json: cannot write: ")
            and "another" in stderr.decode() and stderr.decode().count("\n") == 1), stderr
    assert (tmp_path / "shared.json").read_bytes() == (tmp_path / "solo.json").read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
