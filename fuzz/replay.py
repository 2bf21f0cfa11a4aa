"""Run one fuzz target on saved inputs (a crash file libFuzzer wrote, a seed) and show what breaks.

    .venv/bin/python fuzz/replay.py glossary|checker|long-token FILE...
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.targets import TARGETS  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in TARGETS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = 0
    for name in argv[1:]:
        data = Path(name).read_bytes()
        try:
            TARGETS[argv[0]](data)
        except Exception:
            failed += 1
            print(f"{name}: {data[:200]!r}", file=sys.stderr)
            traceback.print_exc()
        else:
            print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
