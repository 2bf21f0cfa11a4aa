"""The process boundary (issue 16, part 2): the exit codes as one enum, the one function that turns
a run that does not finish into its last words and exit code, and the process-level speed tricks."""

from __future__ import annotations

import gc
import pickle
import re
import signal
import subprocess
import sys

import pytest

from mtcheck.entry import COMPLETED, ExitCode, Stopped, how_stopped, stops_and_errors_reported
from mtcheck.errors import MtcheckError, Problem
from mtcheck.model import FileResult, Finding, Severity, Term
from mtcheck.process_speed import collector_paused, exit_at_once
from tests.conftest import ROOT


def test_the_exit_codes_are_the_documented_contract():
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0, "FINDINGS": 1, "ERROR": 2, "HUNG_UP": 129, "INTERRUPTED": 130, "TERMINATED": 143}
    assert COMPLETED == (0, 1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**130**, **143**, **129** stopped by Ctrl-C, SIGTERM, SIGHUP" in readme
    assert re.search(r"\*\*2\*\* usage, config, glossary or input error", readme)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on Windows")
def test_a_stop_says_how_and_exits_with_128_plus_the_signal():
    assert how_stopped(KeyboardInterrupt()) == ("interrupted", 128 + signal.SIGINT)
    assert how_stopped(Stopped(signal.SIGTERM)) == ("terminated", 128 + signal.SIGTERM)
    assert how_stopped(Stopped(signal.SIGHUP)) == ("hung up", 128 + signal.SIGHUP)


def ending(exception: BaseException, capsys, inside_a_command: bool = False) -> tuple[object, str]:
    """The exit code and stderr of a run that raised ``exception`` inside the boundary."""
    with pytest.raises(SystemExit) as done, stops_and_errors_reported(inside_a_command):
        raise exception
    return done.value.code, capsys.readouterr().err


def test_a_stop_is_one_line_with_the_notes_the_command_added(capsys):
    assert ending(KeyboardInterrupt(), capsys) == (130, "interrupted\n")
    stop = Stopped(signal.SIGTERM)
    stop.add_note("each file is either fixed or as it was")
    assert ending(stop, capsys) == (143, "terminated: each file is either fixed or as it was\n")


def test_an_error_is_one_line_per_problem_and_exit_2(capsys):
    error = MtcheckError([Problem("a.txt", "no such file"), Problem("g.yaml", "bad", 3, 4)])
    assert ending(error, capsys) == (2, "error: a.txt: no such file\nerror: g.yaml:3:4: bad\n")
    full = OSError(28, "No space left on device", "report.json")
    assert ending(full, capsys) == (2, "error: report.json: No space left on device\n")


def test_a_reader_gone_is_a_silent_2_outside_a_command_and_typers_answer_inside(capsys):
    assert ending(BrokenPipeError(), capsys) == (2, "")
    with pytest.raises(BrokenPipeError), stops_and_errors_reported(inside_a_command=True):
        raise BrokenPipeError()


def test_any_other_exception_is_a_bug_and_passes_through():
    with pytest.raises(ZeroDivisionError), stops_and_errors_reported():
        _ = 1 / 0


def test_the_commands_leave_interrupts_and_errors_to_the_boundary():
    """No command catches a Ctrl-C to report it or turns an MtcheckError into an exit code itself."""
    source = (ROOT / "mtcheck" / "cli.py").read_text(encoding="utf-8")
    assert "except MtcheckError" not in source and "how_stopped" not in source and "sys.exit" not in source


def test_the_collector_is_back_on_after_a_pause_and_what_lasts_is_frozen():
    frozen = gc.get_freeze_count()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    with pytest.raises(ValueError), collector_paused(then_freeze=True):
        lasting = [object() for _ in range(100)]
        raise ValueError
    assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(lasting)
    gc.unfreeze()


def test_records_pickled_as_fields_come_back_equal():
    term = Term("kurti", "Albin Kurti", "small", short=("Kurti",), severity=Severity.MAJOR)
    finding = Finding("term-forbidden", "terminology", Severity.MAJOR, "a.txt", 1, 2, 1, 7, 1, 5, "Kurt",
                      "use Kurti", "kurti", "Kurti", "Terminology/Wrong term", 3, "u1")
    result = FileResult("a.txt", 10, (finding,), {"artifact": 1}, 2, None, ((1, None, "w"),))
    for record in (term, finding, result):
        assert pickle.loads(pickle.dumps(record)) == record


@pytest.mark.parametrize("code", [0, 1])
def test_exit_at_once_flushes_what_was_printed(code):
    program = f"from mtcheck.process_speed import exit_at_once; print('report', end=''); exit_at_once({code})"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (code, "report", "")


def test_exit_at_once_takes_the_usual_exit_while_workers_live(monkeypatch):
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "active_children", lambda: ["a worker"])
    with pytest.raises(SystemExit) as done:
        exit_at_once(1)
    assert done.value.code == 1


def test_the_exit_codes_are_public_api():
    """A CI script or a wrapper compares exit codes by name: mtcheck.ExitCode is the one table."""
    import mtcheck

    assert mtcheck.ExitCode is ExitCode and "ExitCode" in mtcheck.__all__
    assert (mtcheck.ExitCode.OK, mtcheck.ExitCode.FINDINGS, mtcheck.ExitCode.ERROR) == (0, 1, 2)
