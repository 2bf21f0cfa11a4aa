"""Faults: `fix --write` interrupted or killed mid-run, full disks, read-only and special output
paths. Every file ends wholly old or wholly new, no temporary file is left, and every error is one
line with exit code 2."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck import output
from mtcheck.cli import app
from mtcheck.entry import STOPS as STOPPING_SIGNALS, Stopped, stop_on_termination_signals
from mtcheck.errors import InputError
from mtcheck.output import TEMPORARY_SUFFIX, write_atomic
from tests.cli_runs import index_cache, mtcheck
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE, SMALL_GLOSSARY

ARTICLES = 300  # written one by one (each synced) for long enough that a signal sent mid-run lands mid-write
ARTICLE_LINES = 2  # after the headline: short articles are checked and fixed soon, and the writes begin
SAMPLE_LINES = MT_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
INTERRUPTED = "interrupted: each file is either fixed or as it was\n"


def make_articles(folder: Path) -> None:
    """Small articles cut from the sample: each starts with its headline (it has a defect to fix)
    and goes on with a different stretch of the article."""
    folder.mkdir()
    for i in range(ARTICLES):
        start = (i * 7) % (len(SAMPLE_LINES) - ARTICLE_LINES)
        text = f"Article {i}\n" + SAMPLE_LINES[0] + "".join(SAMPLE_LINES[start:start + ARTICLE_LINES])
        (folder / f"a{i:03}.txt").write_text(text, encoding="utf-8")


def start_fix(folder: Path, env: dict[str, str]) -> subprocess.Popen:
    """`fix --write` on ``folder`` in a process of its own, to be stopped by a signal. ``env`` points
    it at a cache holding the compiled index (``fix_env``): each run goes to its writes sooner."""
    command = [sys.executable, "-m", "mtcheck", "fix", "--no-config", "-g", str(BUNDLED_GLOSSARY), str(folder), "--write"]
    return subprocess.Popen(command, cwd=folder.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **env})


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if not path.name.endswith(".txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder with the articles in ``original/`` and, in ``fixed/``, what one uninterrupted run made of them."""
    base = tmp_path_factory.mktemp("corpus")
    make_articles(base / "original")
    shutil.copytree(base / "original", base / "fixed")
    finished = mtcheck("fix", "--no-cache", "--no-config", "-g", BUNDLED_GLOSSARY, "fixed", "--write", cwd=base)
    assert finished.returncode == 0, finished.stderr
    return base


@pytest.fixture(scope="module")
def fix_env(tmp_path_factory) -> dict[str, str]:
    return index_cache(tmp_path_factory.mktemp("cache"), BUNDLED_GLOSSARY)


def test_a_normal_run_fixes_every_file_and_leaves_no_temporary_file(corpus):
    originals, fixed = contents(corpus / "original"), contents(corpus / "fixed")
    assert len(fixed) == ARTICLES and all(fixed[name] != originals[name] for name in originals)
    assert b"CSM key" in fixed["a000.txt"] and temporaries(corpus / "fixed") == []


def wait_for_first_write(folder: Path, old: list[str], process: subprocess.Popen) -> None:
    """Until the first file still old is replaced (files are written in path order) or the run ends."""
    first = folder / old[0]
    inode = first.stat().st_ino
    while process.poll() is None and first.stat().st_ino == inode:
        time.sleep(0.001)


# Each run starts from what the previous one left: the files still old are fixed next time.
STOPS = [(signal.SIGINT, 0.0), (signal.SIGKILL, 0.0), (signal.SIGTERM, 0.0), (signal.SIGINT, 0.03),
         (signal.SIGKILL, 0.03)]


def test_fix_write_interrupted_or_killed_leaves_each_file_old_or_new(tmp_path, corpus, fix_env):
    originals, fixed = contents(corpus / "original"), contents(corpus / "fixed")
    folder = tmp_path / "articles"
    shutil.copytree(corpus / "original", folder)
    cut_midway = []
    for number, delay in STOPS:
        before = contents(folder)
        old = [name for name in originals if before[name] == originals[name]]
        if not old:
            break  # a fast machine: the runs so far wrote every file
        process = start_fix(folder, fix_env)
        wait_for_first_write(folder, old, process)
        time.sleep(delay)
        process.send_signal(number)
        _, stderr = process.communicate(timeout=60)
        now = contents(folder)
        assert all(now[name] in (originals[name], fixed[name]) for name in originals), "a file is neither old nor new"
        if number == signal.SIGINT:
            assert (process.returncode, stderr.decode()) == (130, INTERRUPTED)
            assert temporaries(folder) == []
        elif number == signal.SIGTERM:  # held until the file being written is done, then it ends the run as Ctrl-C does
            assert (process.returncode, stderr.decode()) == (143, INTERRUPTED.replace("interrupted", "terminated"))
            assert temporaries(folder) == []
        else:
            assert process.returncode == -signal.SIGKILL
            # SIGKILL cannot be caught: the file being written can keep its temporary file
            assert all(name.endswith(TEMPORARY_SUFFIX) and name[1:-len(TEMPORARY_SUFFIX)] in originals
                       for name in temporaries(folder))
        cut_midway.append(0 < sum(now[name] != before[name] for name in originals) < len(old))
    assert any(cut_midway), "no run was stopped while writing: the test proved nothing"

    finished = start_fix(folder, fix_env)
    assert finished.wait(timeout=60) == 0
    assert contents(folder) == fixed  # the rest fixed, and any stale temporary file removed


def test_a_stale_temporary_file_from_a_killed_run_is_removed_by_the_next_write(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_LINES[0], encoding="utf-8")
    stale = tmp_path / f".a.txt{TEMPORARY_SUFFIX}"
    stale.write_bytes(b"half a fix")
    result = mtcheck("fix", "--no-cache", "-g", BUNDLED_GLOSSARY, article, "--write", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"] and "CSM key" in article.read_text(encoding="utf-8")


def test_a_temporary_file_another_live_run_holds_is_left_alone(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("old\n", encoding="utf-8")
    busy = tmp_path / f".report.json{TEMPORARY_SUFFIX}"
    with open(busy, "wb") as other_run:
        fcntl.flock(other_run.fileno(), fcntl.LOCK_EX)
        with pytest.raises(InputError) as raised:
            write_atomic(report, "new\n")
    assert str(raised.value) == (f"{report}: cannot write: another mtcheck run is writing it "
                                 f"(.report.json{TEMPORARY_SUFFIX} is locked)")
    assert report.read_text(encoding="utf-8") == "old\n" and busy.exists()


@pytest.mark.parametrize("number, stop", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Stopped)],
                         ids=["ctrl-c", "sigterm"])
def test_a_signal_while_a_file_is_written_waits_for_the_file(tmp_path, number, stop):
    """Ctrl-C, and SIGTERM (which ends a run as Ctrl-C does), wait until the file is whole."""
    report = tmp_path / "report.txt"
    report.write_text("old\n", encoding="utf-8")

    def chunks():
        yield "first half, "
        os.kill(os.getpid(), number)
        yield "second half\n"

    previous = {other: signal.signal(other, signal.SIG_DFL) for other in STOPPING_SIGNALS}  # as the console script starts
    try:
        stop_on_termination_signals()  # SIGTERM and SIGHUP, as the console script has them
        handler = signal.getsignal(number)
        with pytest.raises(stop):
            write_atomic(report, chunks())
        assert signal.getsignal(number) is handler  # put back once the file is written
    finally:
        for other, before in previous.items():
            signal.signal(other, before)
    assert report.read_text(encoding="utf-8") == "first half, second half\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def invoke(*args):
    """The CLI in this process, so that a test can make the disk fail underneath it."""
    return CliRunner().invoke(app, [str(a) for a in args])


def one_error_line(result, exit_code: int = 2) -> str:
    lines = result.stderr.splitlines()
    assert result.exit_code == exit_code and isinstance(result.exception, SystemExit), result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.fixture()
def small_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    Path("a.txt").write_text("The USO met Aljbin Kurti.\n", encoding="utf-8")
    return tmp_path


def check_to(path: str):
    return invoke("check", "--no-cache", "--no-config", "-j", "1", "-g", "g.yaml", "a.txt", "-f", "json", "-o", path)


def failing_fsync(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class HalfWrittenFile:
    """A file object whose disk fills up halfway through the data."""

    def __init__(self, handle):
        self.handle = handle

    def writelines(self, chunks):
        data = "".join(chunks)
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)


def fill_the_disk(monkeypatch, where: str) -> None:
    if where == "fsync":
        monkeypatch.setattr(output.os, "fsync", failing_fsync)
    else:
        real_fdopen = os.fdopen
        monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: HalfWrittenFile(real_fdopen(*a, **k)))


@pytest.mark.parametrize("where", ["write", "fsync"])
@pytest.mark.parametrize("existing", [True, False])
def test_a_full_disk_keeps_the_old_report_and_leaves_no_temporary_file(small_article, monkeypatch, where, existing):
    if existing:
        Path("report.json").write_text("the old report\n", encoding="utf-8")
    fill_the_disk(monkeypatch, where)
    assert one_error_line(check_to("report.json")) == "error: report.json: cannot write: No space left on device"
    assert sorted(p.name for p in small_article.iterdir()) == ["a.txt", "g.yaml"] + (["report.json"] if existing else [])
    if existing:
        assert Path("report.json").read_text(encoding="utf-8") == "the old report\n"


def test_dev_full_is_a_full_disk(small_article):
    result = mtcheck("check", "-g", "g.yaml", "a.txt", "-o", "/dev/full", cwd=small_article)
    assert (result.returncode, result.stderr.decode()) == (2, "error: /dev/full: cannot write: No space left on device\n")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dev_null_is_written_to_not_replaced(small_article):
    before = os.stat("/dev/null")
    result = mtcheck("check", "-g", "g.yaml", "a.txt", "-o", "/dev/null", cwd=small_article)
    after = os.stat("/dev/null")
    assert result.returncode == 1 and result.stderr == b""  # the article's major findings
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not list(Path("/dev").glob(f".null*{TEMPORARY_SUFFIX}"))


def test_a_fifo_receives_the_report_and_stays_a_fifo(small_article):
    fifo = small_article / "report.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = mtcheck("check", "-g", "g.yaml", "a.txt", "-f", "json", "-o", fifo, cwd=small_article)
    reader.join(timeout=10)
    assert result.returncode == 1, result.stderr
    assert [f["text"] for f in json.loads(received[0])["files"][0]["findings"]] == ["USO", "Aljbin Kurti"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def refuse_temporary_files(monkeypatch, error: int) -> None:
    """What the system does in a read-only folder (or a read-only file system) even for root."""
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        if str(path).endswith(TEMPORARY_SUFFIX):
            raise OSError(error, os.strerror(error), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(output.os, "open", guarded_open)


@pytest.mark.parametrize("error", [errno.EACCES, errno.EROFS])
def test_a_read_only_output_folder_is_one_error_line(small_article, monkeypatch, error):
    refuse_temporary_files(monkeypatch, error)
    Path("out").mkdir()
    line = one_error_line(check_to("out/report.json"))
    assert line == f"error: out/report.json: cannot write: {os.strerror(error)}"
    assert sorted(p.name for p in small_article.iterdir()) == ["a.txt", "g.yaml", "out"] and not any(Path("out").iterdir())


def unprivileged(test):
    return pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")(test)


@unprivileged
def test_a_read_only_output_folder_as_the_system_enforces_it(small_article):
    Path("out").mkdir()
    Path("out/report.json").write_text("the old report\n", encoding="utf-8")
    Path("out").chmod(0o500)
    try:
        line = one_error_line(check_to("out/report.json"))
    finally:
        Path("out").chmod(0o700)
    assert line == "error: out/report.json: cannot write: Permission denied"
    assert [p.name for p in Path("out").iterdir()] == ["report.json"]
    assert Path("out/report.json").read_text(encoding="utf-8") == "the old report\n"


def make_fix_tree(root: Path) -> None:
    (root / "g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    for folder in ("open", "closed"):
        (root / folder).mkdir()
        (root / folder / "a.txt").write_text("The USO met.\n", encoding="utf-8")
        (root / folder / "b.txt").write_text("Aljbin Kurti met.\n", encoding="utf-8")


def fix_tree(*args):
    return invoke("fix", "--no-cache", "--no-config", "-g", "g.yaml", "open", "closed", "--write", *args)


def unchanged(root: Path) -> bool:
    return all((root / folder / "a.txt").read_text(encoding="utf-8") == "The USO met.\n"
               and (root / folder / "b.txt").read_text(encoding="utf-8") == "Aljbin Kurti met.\n"
               for folder in ("open", "closed"))


def test_fix_write_refuses_a_read_only_file_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_fix_tree(tmp_path)
    read_only = os.path.realpath("closed/b.txt")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: path != read_only and real_access(path, mode))
    line = one_error_line(fix_tree())
    assert line == "error: closed/b.txt: cannot write: the file is read-only: no file was written"
    assert unchanged(tmp_path) and temporaries(tmp_path / "open") == []


@unprivileged
def test_fix_write_refuses_a_read_only_folder_as_the_system_enforces_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_fix_tree(tmp_path)
    (tmp_path / "closed").chmod(0o500)
    try:
        result = fix_tree()
    finally:
        (tmp_path / "closed").chmod(0o700)
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"error: closed/{name}.txt: cannot write: its folder closed is read-only: no file was written" for name in "ab"]
    assert unchanged(tmp_path)


@unprivileged
def test_fix_write_refuses_a_read_only_file_as_the_system_enforces_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_fix_tree(tmp_path)
    (tmp_path / "open/b.txt").chmod(0o444)
    line = one_error_line(fix_tree())
    assert line == "error: open/b.txt: cannot write: the file is read-only: no file was written"
    assert unchanged(tmp_path) and (tmp_path / "open/b.txt").stat().st_mode & 0o777 == 0o444


def test_fix_write_stops_at_a_full_disk_and_says_what_was_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_fix_tree(tmp_path)
    real_fsync, calls = os.fsync, []

    def fsync_filling_up(fd):
        calls.append(fd)
        if len(calls) == 2:
            failing_fsync(fd)
        real_fsync(fd)

    monkeypatch.setattr(output.os, "fsync", fsync_filling_up)
    line = one_error_line(fix_tree())
    assert line == ("error: open/b.txt: cannot write: No space left on device; 1 of 4 files were fixed before it, "
                    "the rest are unchanged")
    assert (tmp_path / "open/a.txt").read_text(encoding="utf-8") == "The CSM met.\n"
    assert (tmp_path / "open/b.txt").read_text(encoding="utf-8") == "Aljbin Kurti met.\n"
    assert temporaries(tmp_path / "open") == [] and temporaries(tmp_path / "closed") == []


def test_ctrl_c_before_any_write_is_one_line_and_exit_130(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_fix_tree(tmp_path)

    def interrupted(request):
        raise KeyboardInterrupt

    monkeypatch.setattr("mtcheck.workflow.run_fix", interrupted)
    result = fix_tree()
    assert (result.exit_code, result.stderr) == (130, INTERRUPTED) and unchanged(tmp_path)


# Ctrl-C in any command: one line, "interrupted", and exit 130 (fix says more, above) -------------

MTCHECK_SCRIPT = Path(sys.executable).with_name("mtcheck")  # the console script made from [project.scripts]
LAUNCHERS = {"console script": [str(MTCHECK_SCRIPT)], "python -m": [sys.executable, "-m", "mtcheck"]}
LONG_RUN_FILES = 1000  # copies of the 10 kB sample: seconds of checking, so the signal lands mid-run


def start_check(launcher: str, *args, **popen) -> subprocess.Popen:
    if not MTCHECK_SCRIPT.exists():
        pytest.skip(f"no console script at {MTCHECK_SCRIPT}: pip install -e .")
    command = [*LAUNCHERS[launcher], "check", "--no-cache", "--no-config", "-g", str(BUNDLED_GLOSSARY), *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)


def assert_reported_interrupt(launcher: str, returncode: int, stderr: str) -> None:
    assert stderr == "interrupted\n"
    # python -m only: when the Ctrl-C lands in code Python runs from a string (dataclasses and the
    # like build their methods so), Python marks it unhandled though it was caught, and then ends
    # with SIGINT rather than the exit code: a shell reports 130 all the same.
    assert returncode == 130 or (launcher == "python -m" and returncode == -signal.SIGINT)


@pytest.fixture(scope="module")
def long_run(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("long-run")
    text = MT_SAMPLE.read_bytes()
    for i in range(LONG_RUN_FILES):
        (folder / f"a{i:04}.txt").write_bytes(text)
    return folder


@pytest.mark.parametrize("launcher", sorted(LAUNCHERS))
def test_ctrl_c_during_a_long_check_is_one_line_and_exit_130(long_run, launcher):
    process = start_check(launcher, long_run)
    time.sleep(0.5)
    assert process.poll() is None, "the check ended before the signal: make the input larger"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert_reported_interrupt(launcher, process.returncode, stderr.decode())


def test_ctrl_c_at_a_terminal_reaches_the_workers_too_and_is_still_one_line(long_run):
    """A terminal sends Ctrl-C to the whole process group: the workers must leave the answer to the
    main process (no traceback of theirs), and the queued work must be dropped, not finished."""
    process = start_check("console script", long_run, "--jobs", "2", start_new_session=True)
    time.sleep(1.0)
    assert process.poll() is None, "the check ended before the signal: make the input larger"
    started = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr.decode()) == (130, "interrupted\n")
    assert time.monotonic() - started < 5


def test_ctrl_c_while_check_waits_for_stdin_is_one_line_and_exit_130():
    process = start_check("console script", "-", stdin=subprocess.PIPE)
    process.stdin.write(b"The USO met ")  # and the pipe stays open: the check waits for the rest
    process.stdin.flush()
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr.decode()) == (130, "interrupted\n")


def imported_module(line: str) -> str | None:
    """The module an import-time line (PYTHONPROFILEIMPORTTIME) reports as imported, if it is one."""
    return line.rsplit("|", 1)[-1].strip() if line.startswith("import time:") else None


# Signalled once the CLI's imports have begun (typer is first imported there, inside the entry
# point's guard), then later: during the imports, while typer builds the commands, as the run starts.
# Earlier still, while Python itself starts (site, the launcher's own imports), no code of
# mtcheck's runs yet and Python reports a Ctrl-C its own way: not tested.
@pytest.mark.parametrize("delay", [0.0, 0.005, 0.015, 0.03, 0.06])
@pytest.mark.parametrize("launcher", sorted(LAUNCHERS))
def test_ctrl_c_during_start_up_is_one_line_and_no_traceback(long_run, launcher, delay):
    process = start_check(launcher, long_run, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    while not (imported_module(process.stderr.readline().decode()) or "").startswith("typer"):
        assert process.poll() is None, "the run ended before it imported typer"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    stderr = "".join(line for line in rest.decode().splitlines(keepends=True) if imported_module(line) is None)
    assert_reported_interrupt(launcher, process.returncode, stderr)


@pytest.mark.parametrize("command", [
    ["check", "--no-cache", "--no-config", "-j", "1", "-g", "g.yaml", "a.txt"],
    ["glossary", "validate", "g.yaml"], ["glossary", "test", "g.yaml"], ["glossary", "lint", "g.yaml"],
    ["glossary", "stats", "g.yaml"], ["glossary", "export", "g.yaml"], ["glossary", "diff", "g.yaml", "g.yaml"],
    ["glossary", "edit", "g.yaml", "csm", "--set", "note=x"],
])
def test_ctrl_c_in_any_command_is_one_line_and_exit_130(small_article, monkeypatch, command):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("yaml.compose", interrupted)  # every command reads a glossary
    monkeypatch.setattr("mtcheck.runner._COMPILED", {})  # even one compiled earlier in this process
    result = invoke(*command)
    assert (result.exit_code, result.stderr, result.stdout) == (130, "interrupted\n", "")


def test_a_ctrl_c_python_swallows_in_a_callback_still_ends_the_run(monkeypatch, capsys):
    """A Ctrl-C inside a callback Python runs for the import system reaches no handler: Python
    prints "Exception ignored ... KeyboardInterrupt" and goes on. The entry point notes it instead."""
    import weakref

    import mtcheck.cli
    from mtcheck import entry

    class Thing:
        pass

    def raise_interrupt(_):
        raise KeyboardInterrupt

    def command():  # a run that gets such a Ctrl-C, then ends as usual
        thing = Thing()
        reference = weakref.ref(thing, raise_interrupt)
        del thing
        assert reference() is None
        sys.exit(1)

    monkeypatch.setattr(mtcheck.cli, "app", command)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)  # put back after the test
    monkeypatch.setattr(entry, "stop_on_termination_signals", lambda: None)  # it would keep its handlers in pytest
    with pytest.raises(SystemExit) as stop:
        entry.main()
    assert (stop.value.code, capsys.readouterr().err) == (130, "interrupted\n")
