"""What each process-level speed trick of mtcheck/process_speed.py buys: time with it, and without.

Each measurement runs in a fresh process (the collector's state carries over otherwise), the two
variants alternate, and the medians are printed. Needs the bench data (bench/generate.py).

    .venv/bin/python bench/process_tricks.py [--repeat 3] [TRICK ...]

Tricks: freeze (gc.freeze once the index is built: `check` of corpus-1m-10k, -j 1, --no-cache),
paused-examine (gc.disable while a worker examines a segment: the segments of corpus-1m-10k, in one
process), paused-unpickle (gc.disable, then gc.freeze, while the cache loads a 10k-term index), exit
(os._exit after a run: `check` of one article against the 10k-term glossary, index from the cache),
pickle (Finding and FileResult pickled as fields: a result of 10^5 findings, dumped and loaded).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
CORPUS = str(DATA / "corpus-1m-10k.txt")
GLOSSARY = str(DATA / "glossary-10k.yaml")
ARTICLE = str(ROOT / "samples" / "bbc-serbian-stoltenberg-belgrade.mt.txt")
CACHE = tempfile.mkdtemp(prefix="mtcheck-tricks-")

# How to take a trick away: code run before mtcheck's modules import the names they use.
WITHOUT = {
    "freeze": "import mtcheck.process_speed as p; p.freeze_lasting = lambda: None",
    "exit": "import sys, mtcheck.process_speed as p; p.exit_at_once = lambda code: sys.exit(code)",
    "paused": "import contextlib, mtcheck.process_speed as p; p.collector_paused = lambda then_freeze=False: contextlib.nullcontext()",
}


def cli_seconds(args: list[str], prelude: str) -> float:
    """Wall-clock seconds of one `mtcheck` run, start-up and exit included."""
    code = f"{prelude}; import sys; sys.argv = ['mtcheck', *{args!r}]; from mtcheck.entry import run; run()"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - started


def freeze(without: bool) -> float:
    return cli_seconds(["check", CORPUS, "-g", GLOSSARY, "--no-cache", "--no-config", "-j", "1", "-q", "-o", "/dev/null"],
                       WITHOUT["freeze"] if without else "pass")


def exit_(without: bool) -> float:
    args = ["check", ARTICLE, "-g", GLOSSARY, "--no-config", "--cache-dir", CACHE, "-j", "1", "-q", "-o", "/dev/null"]
    cli_seconds(args, "pass")  # the index into the cache, and the page cache warm
    return cli_seconds(args, WITHOUT["exit"] if without else "pass")


def in_process(function: str, without: bool) -> float:
    """Seconds of ``function`` (below) in a fresh interpreter."""
    prelude = WITHOUT["paused"] if without and function.startswith("paused") else "pass"
    code = f"{prelude}; import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import process_tricks as t; print(t.{function}({without}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def _checker():
    from mtcheck.config import Config
    from mtcheck.engine import select_rules
    from mtcheck.runner import compile_checker

    config = Config()
    return compile_checker([GLOSSARY], config, select_rules(config))


def paused_examine(without: bool) -> float:
    """The segments of the corpus examined as a worker examines them (the index frozen, as in a worker)."""
    from mtcheck.documents import examination_segments, read_document
    from mtcheck.model import Document
    from mtcheck.process_speed import collector_paused, freeze_lasting
    from mtcheck.text import with_line_starts

    checker = _checker()
    freeze_lasting()
    document = read_document(CORPUS)
    started = time.perf_counter()
    for segment, start in with_line_starts(examination_segments(document)):
        with collector_paused():
            checker.examine(Document(document.path, segment[1]), segment, start)
    return time.perf_counter() - started


def paused_unpickle(without: bool) -> float:
    """A 10k-term compiled index loaded as the cache loads it."""
    import io
    import pickle

    from mtcheck.cache import _RestrictedUnpickler
    from mtcheck.process_speed import collector_paused

    checker = _checker()
    payload = pickle.dumps(([], checker.index), protocol=pickle.HIGHEST_PROTOCOL)
    del checker
    import mtcheck.runner

    mtcheck.runner._COMPILED.clear()
    started = time.perf_counter()
    with collector_paused(then_freeze=True):
        _RestrictedUnpickler(io.BytesIO(payload)).load()
    return time.perf_counter() - started


def pickle_fields(without: bool) -> float:
    """A FileResult of 10^5 findings dumped and loaded (the results cache, a worker's answer)."""
    import gc
    import pickle

    from mtcheck.model import FileResult, Finding, Severity
    from mtcheck.process_speed import collector_paused

    if without:  # back to the dataclass's own pickling
        del Finding.__reduce__, FileResult.__reduce__
    findings = tuple(Finding("term-forbidden", "terminology", Severity.MAJOR, "a.txt", n, 3, n, 9, n * 40, 6,
                             "Kurti", "use Kurti", "kurti", "Kurti", "Terminology/Wrong term") for n in range(100_000))
    result = FileResult("a.txt", 10**6, findings)
    gc.freeze()
    started = time.perf_counter()
    with collector_paused():  # the pickling alone, as the cache loads it
        pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return time.perf_counter() - started


TRICKS = {
    "freeze": freeze,
    "paused-examine": lambda without: in_process("paused_examine", without),
    "paused-unpickle": lambda without: in_process("paused_unpickle", without),
    "exit": exit_,
    "pickle": lambda without: in_process("pickle_fields", without),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tricks", nargs="*", default=list(TRICKS))
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    for name in options.tricks:
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(options.repeat):
            for without in (False, True):
                times[without].append(TRICKS[name](without))
        with_it, without_it = statistics.median(times[False]), statistics.median(times[True])
        print(f"{name}: {with_it:.3f} s with it, {without_it:.3f} s without ({without_it - with_it:+.3f} s); "
              f"runs: {' '.join(f'{t:.2f}' for t in times[False])} | {' '.join(f'{t:.2f}' for t in times[True])}",
              flush=True)


if __name__ == "__main__":
    main()
