"""Fuzz mtcheck for a bounded time: the glossary loader and the checker (see fuzz/README.md).

    .venv/bin/python fuzz/run.py --seconds 120 [--target glossary|checker|long-token|cache|all]
                                 [--engine auto|atheris|hypothesis]

Each target runs for --seconds in one process, starting from the seed corpus (glossaries/,
samples/). With atheris installed (``.venv/bin/pip install atheris``) it is coverage-guided
libFuzzer; without it, hypothesis generates inputs. Exit 0 when nothing broke; 1 when an input
made a target fail, with the input saved under --workdir and the way to replay it printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FUZZ_DIR = ROOT / "fuzz"
PER_INPUT_SECONDS = 10  # an input that takes longer is a hang
# but for a run of 200,000 characters stretched from an input: one whose every piece is a finding ("((((")
# takes up to 15 s, linearly; a pass quadratic in its length takes minutes
LONG_INPUT_SECONDS = {"long-token": 30}
MAX_LEN = {"glossary": 24_000, "checker": 12_000, "long-token": 12_000,  # bytes: a little over the largest seed
           "cache": 8_000}  # the seed index entry (3 MB) is cut: the header and the pickle's start are what vary
DICTIONARIES = {"long-token": "checker"}  # a target fuzzed with another's libFuzzer dictionary (NAME.dict)
HYPOTHESIS_BATCH = 50


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "hypothesis"
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="mtcheck-fuzz-"))
    workdir.mkdir(parents=True, exist_ok=True)
    names = ["glossary", "checker", "long-token", "cache"] if args.target == "all" else [args.target]
    failed = False
    for name in names:
        run = _run_atheris if engine == "atheris" else _run_hypothesis
        executions, seconds, ok = run(name, args.seconds, workdir)
        print(f"{name}: {engine}, {seconds:.0f} s, {executions:,} executions, {'no failure' if ok else 'FAILED'}")
        failed |= not ok
    print(f"work folder (corpus, failing inputs): {workdir}")
    return 1 if failed else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long each target runs (default 60)")
    parser.add_argument("--target", choices=["glossary", "checker", "long-token", "cache", "all"], default="all")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--workdir", help="keep the grown corpus and failing inputs here (default: a new temp folder)")
    return parser


def _run_atheris(name: str, seconds: int, workdir: Path) -> tuple[int, float, bool]:
    corpus = workdir / f"corpus-{name}"
    corpus.mkdir(exist_ok=True)
    from fuzz.targets import seed_dirs

    command = [sys.executable, str(FUZZ_DIR / "atheris_target.py"), name, str(corpus), *map(str, seed_dirs(name)),
               f"-max_total_time={seconds}", f"-timeout={_seconds_per_input(name)}", f"-max_len={MAX_LEN[name]}",
               f"-dict={FUZZ_DIR / (DICTIONARIES.get(name, name) + '.dict')}", f"-artifact_prefix={workdir}/{name}-",
               "-rss_limit_mb=3072", "-print_final_stats=1"]
    started = time.monotonic()
    result = subprocess.run(command, stderr=subprocess.PIPE, text=True, errors="replace")
    elapsed = time.monotonic() - started
    (workdir / f"{name}.log").write_text(result.stderr)
    done = re.search(r"Done (\d+) runs in (\d+) second", result.stderr)
    executions = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr) or done
    if result.returncode != 0:
        print(result.stderr[-4000:], file=sys.stderr)
        print(f"replay: .venv/bin/python fuzz/replay.py {name} {workdir}/{name}-*", file=sys.stderr)
    return int(executions.group(1)) if executions else 0, elapsed, result.returncode == 0


def _run_hypothesis(name: str, seconds: int, workdir: Path) -> tuple[int, float, bool]:
    from hypothesis import HealthCheck, given, settings

    from fuzz.strategies import STRATEGIES
    from fuzz.targets import TARGETS, prepare, seed_inputs

    prepare()
    target = TARGETS[name]
    count = 0

    def one(data: bytes) -> None:
        nonlocal count
        count += 1
        with _time_limit(_seconds_per_input(name)):
            target(data)

    started = time.monotonic()
    try:
        for _, data in seed_inputs(name):
            one(data)
        batch = settings(max_examples=HYPOTHESIS_BATCH, deadline=None, database=None,
                         suppress_health_check=list(HealthCheck))(given(STRATEGIES[name]())(one))
        while time.monotonic() - started < seconds:
            batch()
    except Exception as error:  # hypothesis has shrunk the input: its notes name it
        failing = workdir / f"{name}-failure.txt"
        failing.write_text("".join(traceback.format_exception(error)))
        print(f"{failing.read_text()}saved in {failing}", file=sys.stderr)
        return count, time.monotonic() - started, False
    return count, time.monotonic() - started, True


def _seconds_per_input(name: str) -> int:
    return LONG_INPUT_SECONDS.get(name, PER_INPUT_SECONDS)


class Hang(Exception):
    """One input took longer than its target's seconds per input."""


class _time_limit:
    def __init__(self, seconds: int):
        self.seconds = seconds

    def __enter__(self):
        def expire(signum, frame):
            raise Hang(f"one input took more than {self.seconds} s")

        self.previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)


if __name__ == "__main__":
    sys.exit(main())
