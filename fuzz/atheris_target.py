"""One atheris (libFuzzer) process fuzzing one target; fuzz/run.py starts it.

    .venv/bin/python fuzz/atheris_target.py glossary|checker [libFuzzer arguments: corpus folders, -max_total_time=N ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Coverage feedback comes from mtcheck's own code and PyYAML's Python half; everything the targets
# import lazily is imported by prepare(), inside the block, so that it is instrumented too.
with atheris.instrument_imports(include=["mtcheck", "yaml"]):
    from fuzz import targets

    targets.prepare()


def main() -> None:
    target = targets.TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
