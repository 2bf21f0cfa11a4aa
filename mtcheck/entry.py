"""The process boundary: the `mtcheck` console script and `python -m mtcheck`, its exit codes, and
the one place where a run that does not finish becomes its last words and its exit code.

Kept apart from mtcheck.cli, and light, because importing the CLI (typer, rich, the library) takes
tens of milliseconds: a Ctrl-C then must end like one at any other moment, with the one line
``interrupted`` on stderr and exit code 130, not with a traceback out of the import.

SIGTERM and SIGHUP end a run as Ctrl-C does (``Stopped``), with ``terminated`` or ``hung up`` and
128 + the signal's number: left to their default action they killed the main process alone, and its
workers then waited on the pool's pipes for ever, holding the caller's stdout and stderr open.
"""

from __future__ import annotations

import signal
import sys
from contextlib import contextmanager
from enum import IntEnum

from mtcheck.process_speed import exit_at_once


class ExitCode(IntEnum):
    """mtcheck's exit codes: the contract README's "Exit codes" documents (as sqlfluff's EXIT_* and
    proselint's ExitStatus)."""

    OK = 0  # nothing at or above --fail-on, no score below --min-score, no file skipped; nothing to fix
    FINDINGS = 1  # findings, a low score or a file skipped (check); fixes to apply (fix); problems (glossary)
    ERROR = 2  # usage, config, glossary or input error; fix --write finding a file changed meanwhile
    HUNG_UP = 129  # 128 + SIGHUP: as shells report a job a signal ended
    INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C
    TERMINATED = 143  # 128 + SIGTERM


COMPLETED = (ExitCode.OK, ExitCode.FINDINGS)  # the exit codes of a run that did its work
# The signals that stop a run like Ctrl-C, the word that says so, and the exit code (SIGHUP does not
# exist on Windows).
STOPS = {getattr(signal, name): stop for name, stop in (("SIGTERM", ("terminated", ExitCode.TERMINATED)),
                                                         ("SIGHUP", ("hung up", ExitCode.HUNG_UP)))
         if hasattr(signal, name)}


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread as SIGINT raises KeyboardInterrupt: every path
    that ends a run on Ctrl-C (the pool's queued work dropped and its workers waited for, the file
    being written finished, fix's last word) then ends it the same way."""

    def __init__(self, number: int):
        super().__init__(number)
        self.number = number


def run() -> None:
    """The console script: ``main``, then, for a run that did its work, an exit that skips freeing
    its objects one by one (``process_speed.exit_at_once``). Errors and Ctrl-C take the usual exit,
    which also waits for any worker processes."""
    try:
        main()
        code = ExitCode.OK
    except SystemExit as done:
        code = 0 if done.code is None else done.code
        if code not in COMPLETED:
            raise
    exit_at_once(code)


def main() -> None:
    swallowed = _note_swallowed_interrupts()
    stop_on_termination_signals()
    with stops_and_errors_reported():  # a Ctrl-C while the CLI imports, or while typer builds the commands
        from mtcheck.cli import app

        if swallowed:
            raise swallowed[0].exc_value
        try:
            app()
        except SystemExit:
            if swallowed:
                raise swallowed[0].exc_value from None
            raise


def stop_on_termination_signals() -> None:
    """Make SIGTERM and SIGHUP raise ``Stopped``, unless they were ignored when the run began (as
    nohup ignores SIGHUP: that must hold)."""
    for number in STOPS:
        if signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _raise_stopped)


def _raise_stopped(number: int, frame) -> None:
    raise Stopped(number)


def _note_swallowed_interrupts() -> list:
    """A Ctrl-C that lands in a callback Python runs for the import system (a module lock's weakref
    callback) is printed as "Exception ignored" and dropped: note it instead, and act on it at the
    next chance."""
    swallowed: list = []
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            swallowed.append(unraisable)
        else:
            previous(unraisable)

    sys.unraisablehook = hook
    return swallowed


@contextmanager
def stops_and_errors_reported(inside_a_command: bool = False):
    """The one place where a run that does not finish becomes its last words on stderr and its exit
    code (``SystemExit``), never a traceback:

    - Ctrl-C, SIGTERM, SIGHUP (``Stopped``): one line, ``interrupted``, ``terminated`` or ``hung up``,
      then any note the command added to the exception (fix: what state the files are in), and
      128 + the signal's number;
    - an ``MtcheckError``: one ``error:`` line per problem, and 2;
    - any other OSError (a full disk while printing): one ``error:`` line, and 2; a reader gone
      (BrokenPipeError): 2, silently, except ``inside_a_command``, where typer's own answer holds.

    ``main`` runs the whole CLI inside it; the CLI's command group runs each command inside it too
    (``inside_a_command``), as typer would otherwise end a Ctrl-C with a silent 130 and a test that
    invokes the app directly must see the same ending.
    """
    try:
        yield
    except KeyboardInterrupt as stop:
        word, code = how_stopped(stop)
        say_stopped(": ".join([word, *getattr(stop, "__notes__", ())]))
        raise SystemExit(code) from None
    except BrokenPipeError:
        if inside_a_command:
            raise
        raise SystemExit(ExitCode.ERROR) from None
    except Exception as error:
        from mtcheck.errors import MtcheckError, Problem  # here: the happy path need not import them

        if isinstance(error, OSError):  # e.g. a full disk while printing
            error = MtcheckError(Problem(error.filename or "mtcheck", error.strerror or str(error)))
        if not isinstance(error, MtcheckError):
            raise
        _say_errors(error)
        raise SystemExit(ExitCode.ERROR) from None


def _say_errors(error) -> None:
    from typer import echo  # as the commands print (typer 0.28 carries its own click: no `click` need be installed)

    for problem in error.problems:
        echo(f"error: {problem}", err=True)


def how_stopped(interrupt: KeyboardInterrupt) -> tuple[str, ExitCode]:
    """The word that says how the run was stopped, and its exit code."""
    if isinstance(interrupt, Stopped):
        return STOPS[interrupt.number]
    return "interrupted", ExitCode.INTERRUPTED


def say_stopped(message: str) -> None:
    """One line on stderr, if it can still be written: after SIGHUP the terminal may be gone."""
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
