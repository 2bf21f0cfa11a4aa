"""The `mtcheck` console script and `python -m mtcheck`.

Kept apart from mtcheck.cli, and light, because importing the CLI (typer, rich, the library) takes
tens of milliseconds: a Ctrl-C then must end like one at any other moment, with the one line
``interrupted`` on stderr and exit code 130, not with a traceback out of the import.

SIGTERM and SIGHUP end a run as Ctrl-C does (``Stopped``), with ``terminated`` or ``hung up`` and
128 + the signal's number: left to their default action they killed the main process alone, and its
workers then waited on the pool's pipes for ever, holding the caller's stdout and stderr open.
"""

from __future__ import annotations

import os
import signal
import sys

INTERRUPTED = 130  # 128 + SIGINT: what shells give a job stopped by Ctrl-C
COMPLETED = (0, 1)  # exit codes of a run that did its work: clean, or findings
# The signals that stop a run like Ctrl-C, and the word that says so (SIGHUP does not exist on Windows).
STOP_WORDS = {getattr(signal, name): word for name, word in (("SIGTERM", "terminated"), ("SIGHUP", "hung up"))
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
    its objects one by one (as mypy does): a run that loaded a 10^4-term index spends 30 ms on that.
    Errors and Ctrl-C take the usual exit, which also waits for any worker processes."""
    try:
        main()
        code = 0
    except SystemExit as done:
        code = 0 if done.code is None else done.code
        if code not in COMPLETED:
            raise
    if _workers_alive():
        raise SystemExit(code)  # the usual exit waits for them; they must not outlive the run
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a broken or closed pipe: the usual exit reports it
        raise SystemExit(code) from None
    os._exit(code)


def _workers_alive() -> bool:
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and bool(multiprocessing.active_children())


def main() -> None:
    swallowed = _note_swallowed_interrupts()
    stop_on_termination_signals()
    try:
        from mtcheck.cli import main as cli_main

        if swallowed:
            raise swallowed[0].exc_value
        cli_main()
    except KeyboardInterrupt as stop:  # during the import: once running, cli_main reports a Ctrl-C itself
        interrupted(stop)
    except SystemExit:
        if swallowed:
            interrupted(swallowed[0].exc_value)
        raise


def stop_on_termination_signals() -> None:
    """Make SIGTERM and SIGHUP raise ``Stopped``, unless they were ignored when the run began (as
    nohup ignores SIGHUP: that must hold)."""
    for number in STOP_WORDS:
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


def how_stopped(interrupt: KeyboardInterrupt) -> tuple[str, int]:
    """The word that says how the run was stopped, and its exit code: 128 + the signal's number, as
    shells report a job a signal ended."""
    if isinstance(interrupt, Stopped):
        return STOP_WORDS[interrupt.number], 128 + interrupt.number
    return "interrupted", INTERRUPTED


def say_stopped(message: str) -> None:
    """One line on stderr, if it can still be written: after SIGHUP the terminal may be gone."""
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def interrupted(interrupt: KeyboardInterrupt | None = None) -> None:
    """Say in one line that the run was interrupted (or terminated, or hung up), and end it as that
    signal ends a job."""
    word, code = how_stopped(interrupt or KeyboardInterrupt())
    say_stopped(word)
    sys.exit(code)
