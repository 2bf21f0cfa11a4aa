"""The `mtcheck` console script and `python -m mtcheck`.

Kept apart from mtcheck.cli, and light, because importing the CLI (typer, rich, the library) takes
tens of milliseconds: a Ctrl-C then must end like one at any other moment, with the one line
``interrupted`` on stderr and exit code 130, not with a traceback out of the import.
"""

from __future__ import annotations

import os
import sys

INTERRUPTED = 130  # 128 + SIGINT: what shells give a job stopped by Ctrl-C
COMPLETED = (0, 1)  # exit codes of a run that did its work: clean, or findings


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
    try:
        from mtcheck.cli import main as cli_main

        if swallowed:
            raise KeyboardInterrupt
        cli_main()
    except KeyboardInterrupt:  # during the import: once running, cli_main reports a Ctrl-C itself
        interrupted()
    except SystemExit:
        if swallowed:
            interrupted()
        raise


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


def interrupted() -> None:
    """Say in one line that the run was interrupted, and end it as a Ctrl-C ends a job."""
    print("interrupted", file=sys.stderr, flush=True)
    sys.exit(INTERRUPTED)
