"""The `mtcheck` console script and `python -m mtcheck`.

Kept apart from mtcheck.cli, and light, because importing the CLI (typer, rich, the library) takes
tens of milliseconds: a Ctrl-C then must end like one at any other moment, with the one line
``interrupted`` on stderr and exit code 130, not with a traceback out of the import.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130  # 128 + SIGINT: what shells give a job stopped by Ctrl-C


def main() -> None:
    try:
        from mtcheck.cli import main as cli_main

        cli_main()
    except KeyboardInterrupt:  # during the import: once running, cli_main reports a Ctrl-C itself
        print("interrupted", file=sys.stderr, flush=True)
        sys.exit(INTERRUPTED)
