"""Timing of mtcheck: in-process (load, index build, exact and full find) and end to end (the CLI)."""

from __future__ import annotations

import json
import os
import statistics
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from mtcheck.folding import bare_text, bare_vocabulary
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.index.spans import locate
from mtcheck.glossary.loader import load_glossaries
from mtcheck.lexicon import lexicon_for
from mtcheck.text import tokens

MB = 1_000_000  # throughput is reported in MB = 10^6 bytes of UTF-8 per second


@dataclass(frozen=True)
class Corpus:
    path: Path
    text: str
    bytes: int
    words: int


def throughput(seconds: float, corpus: Corpus) -> dict:
    return {
        "seconds": round(seconds, 4),
        "mb_per_s": round(corpus.bytes / MB / seconds, 3) if seconds else None,
        "words_per_s": round(corpus.words / seconds) if seconds else None,
    }


def median(values: list[float]) -> float:
    return statistics.median(values)


class Stopwatch:
    def __init__(self):
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.start


def in_process(glossary: Path, corpus: Corpus, repeats: int) -> dict:
    """Median load, build, exact-find and full-find times; every repeat builds a fresh index."""
    lexicon = lexicon_for("en")  # wordfreq's table, loaded once per process: not part of any timing
    samples: dict[str, list[float]] = {"load": [], "build": [], "exact": [], "full": []}
    for _ in range(repeats):
        clock = Stopwatch()
        glossaries = load_glossaries([glossary])
        samples["load"].append(clock.elapsed())
        clock = Stopwatch()
        index = TermIndex(glossaries, lexicon)
        samples["build"].append(clock.elapsed())
        clock = Stopwatch()
        exact = index.find(corpus.text, near_misses=False)
        samples["exact"].append(clock.elapsed())
        clock = Stopwatch()
        full = index.find(corpus.text)
        samples["full"].append(clock.elapsed())
    return {
        "load_s": round(median(samples["load"]), 4),
        "build_s": round(median(samples["build"]), 4),
        "exact": {**throughput(median(samples["exact"]), corpus), "matches": len(exact)},
        "exact_and_fuzzy": {**throughput(median(samples["full"]), corpus), "matches": len(full)},
        "near_miss": near_miss_cost(index, corpus, median(samples["full"]) - median(samples["exact"])),
        "samples_s": {key: [round(v, 4) for v in values] for key, values in samples.items()},
    }


def near_miss_cost(index: TermIndex, corpus: Corpus, seconds: float) -> dict:
    """What the near-miss passes cost per suspicious word: (exact+fuzzy - exact time) over the distinct
    suspicious words that ``FuzzyIndex.words_to_look_at`` gives for the text (non-words no form holds,
    derived form words; not the listed words it writes only in lower case where every form is a
    name), the words the fuzzy pass looks around. The difference also holds the diacritics and
    acronym passes. ``occurrences``: their tokens in the text."""
    words = set(tokens(corpus.text))
    suspicious, anchoring = index.fuzzy.words_to_look_at(bare_vocabulary(words), words)
    occurrences = len(locate(bare_text(corpus.text).text, suspicious)) if suspicious else 0
    mb = corpus.bytes / MB
    return {
        "seconds": round(seconds, 4),
        "suspicious_words": len(suspicious),
        "suspicious_per_mb": round(len(suspicious) / mb, 1),
        "occurrences": occurrences,
        "occurrences_per_mb": round(occurrences / mb, 1),
        "anchoring_words": len(anchoring),
        "us_per_suspicious_word": round(seconds * 1e6 / len(suspicious), 2) if suspicious else None,
        "us_per_occurrence": round(seconds * 1e6 / occurrences, 2) if occurrences else None,
    }


def lexicon_load_seconds() -> float:
    """Time to load the English lexicon (wordfreq), once; call before anything else uses it."""
    clock = Stopwatch()
    lexicon_for("en")
    return round(clock.elapsed(), 4)


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    cpu_seconds: float  # user + system time of the process and its reaped children
    peak_rss_bytes: int
    exit_code: int
    timed_out: bool


def run_process(command: list[str], timeout: float, env: dict | None = None, stdout=subprocess.DEVNULL) -> ProcessRun:
    """Wall time, CPU time and peak RSS (ru_maxrss of this child, via wait4) of one command."""
    clock = Stopwatch()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    seconds = clock.elapsed()
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # Linux reports KiB
    return ProcessRun(seconds, usage.ru_utime + usage.ru_stime, peak, process.returncode,
                      timed_out=process.returncode < 0 and seconds >= timeout)


# The rules the targets are about: the glossary rules and the name rule. The synthetic corpora are
# random English words, full of "the the" and the like that the other defect rules rightly flag.
TERM_RULES = "term-forbidden,term-untranslated,term-misspelled,term-inconsistent,name-inconsistent"


def mtcheck_command() -> list[str]:
    script = Path(sys.executable).with_name("mtcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mtcheck"]


def end_to_end(glossary: Path, corpus: Corpus, report: Path, repeats: int, timeout: float,
               cache_dir: Path | None = None) -> dict:
    """``mtcheck check`` with JSON output to ``report``: median wall and CPU time, peak RSS, throughput.

    Without ``cache_dir``: a cold run (``--no-cache``), glossary parsing and index building included.
    With it: the usual CI case, glossaries unchanged since the last run: one untimed run compiles the
    index into the cache, and before each timed run the cached results are deleted, so every timed
    run checks the corpus afresh but loads the compiled index.

    The CLI runs with its default --jobs (all cores), so CPU time may exceed wall time. Peak RSS is
    wait4's ru_maxrss: the largest of the process and its reaped children, not their sum.
    """
    cache = ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]
    command = mtcheck_command() + ["check", str(corpus.path), "--no-config", "-g", str(glossary),
                                   "--format", "json", "--output", str(report), "--fail-on", "never", "--select", TERM_RULES, *cache]
    if cache_dir:
        shutil.rmtree(cache_dir, ignore_errors=True)
        run_process(command, timeout)  # compiles the index into the cache
    runs = []
    for _ in range(repeats):
        if cache_dir:
            shutil.rmtree(cache_dir / "results", ignore_errors=True)
        run = run_process(command, timeout)
        runs.append(run)
        if run.exit_code != 0:
            break
    wall = median([r.seconds for r in runs])
    return {
        "command": " ".join(command),
        **throughput(wall, corpus),
        "cpu_s": round(median([r.cpu_seconds for r in runs]), 3),
        "peak_rss_mb": round(max(r.peak_rss_bytes for r in runs) / MB, 1),
        "exit_code": runs[-1].exit_code,
        "timed_out": runs[-1].timed_out,
        "samples_s": [round(r.seconds, 3) for r in runs],
    }


def streaming(glossary: Path, source: Path, target_mb: int, work: Path, timeout: float) -> dict:
    """Wall time and peak memory while checking one file of ``target_mb`` MB: ``source`` repeated."""
    big = work / f"stream-{target_mb}mb.txt"
    piece = source.read_bytes() + b"\n\n"
    with open(big, "wb") as handle:
        for _ in range(max(1, target_mb * MB // len(piece))):
            handle.write(piece)
    size = big.stat().st_size
    report = work / "report-stream.json"
    command = mtcheck_command() + ["check", str(big), "--no-config", "-g", str(glossary), "--format", "json",
                                   "--output", str(report), "--fail-on", "never", "--select", TERM_RULES,
                                   "--cache-dir", str(work / "cache-stream")]
    run_process(command[:2] + [str(source)] + command[3:], timeout)  # compiles the index into the cache
    run = run_process(command, timeout)
    findings = _count_findings(report) if run.exit_code == 0 else None
    big.unlink()
    return {
        "source": source.name,
        "glossary": glossary.name,
        "file_mb": round(size / MB, 1),
        "findings": findings,
        "seconds": round(run.seconds, 2),
        "mb_per_s": round(size / MB / run.seconds, 2) if run.seconds else None,
        "peak_rss_mb": round(run.peak_rss_bytes / MB, 1),
        "exit_code": run.exit_code,
        "timed_out": run.timed_out,
    }


def _count_findings(report: Path) -> int:
    with open(report, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(' "summary"'):
                return json.loads(line[len(' "summary": '):-2])["findings"]
    return None
