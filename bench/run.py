"""Benchmark mtcheck on synthetic data: speed, memory, recall and precision, and two baselines.

    .venv/bin/python bench/run.py [--quick] [--corpora easy,realistic,rare] [--repeat 3] [--seed 20261127] [--timeout 1800]

Generates bench/data/ when it is missing or was made with another seed, then measures every corpus
family (easy, realistic, rare) x glossary (1k, 10k terms) x corpus (100k, 1M words; --quick: 100k
only) and writes bench/results/results.json (every number) and bench/results/results.md (the
summary tables). The baselines run on the easy family only.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import mtcheck
from mtcheck.text import count_words

import baselines
import measure
from accuracy import evaluate
from generate import (CORPUS_SIZES, DATA_DIR, DEFAULT_SEED, FAMILIES, GLOSSARY_SIZES, corpus_name, data_is_current,
                      generate_all)
from report import markdown

BENCH = Path(__file__).resolve().parent
RESULTS_DIR = BENCH / "results"
REPO = BENCH.parent


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 100k-word corpora")
    parser.add_argument("--corpora", type=families, default=list(FAMILIES),
                        help=f"comma-separated corpus families to measure (default {','.join(FAMILIES)})")
    parser.add_argument("--repeat", type=int, default=3, help="repeats per timing; medians are reported (default 3)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"data seed (default {DEFAULT_SEED})")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before an mtcheck process is killed")
    parser.add_argument("--stream-mb", type=int, default=500,
                        help="size of the one-file streaming run, in MB (0 skips it; default 500, skipped by --quick)")
    return parser.parse_args()


def families(value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FAMILIES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown corpus family {', '.join(unknown) or value!r}; "
                                         f"choose among {', '.join(FAMILIES)}")
    return [f for f in FAMILIES if f in chosen]


def compile_bytecode() -> None:
    """Measure mtcheck as ``pip install`` leaves it, its modules compiled: an editable install under
    PYTHONDONTWRITEBYTECODE would compile every module again in every run (40 ms)."""
    compileall.compile_dir(Path(mtcheck.__file__).parent, quiet=1)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    args = parse_args()
    if not data_is_current(DATA_DIR, args.seed):
        log(f"generating {DATA_DIR} (seed {args.seed}) ...")
        generate_all(DATA_DIR, args.seed, log=log)
    manifest = json.loads((DATA_DIR / "manifest.json").read_text("utf-8"))
    compile_bytecode()
    system = machine()
    lexicon_s = measure.lexicon_load_seconds()
    corpora = ["100k"] if args.quick else list(CORPUS_SIZES)
    cases = [run_case(f, g, c, manifest, args) for f in args.corpora for g in GLOSSARY_SIZES for c in corpora]
    if git_commit() != system["mtcheck_commit"]:
        system["mtcheck_commit_at_end"] = git_commit()  # someone committed or edited mtcheck meanwhile
    results = {
        "machine": system,
        "settings": settings(args),
        "lexicon_load_s": lexicon_s,
        "cases": cases,
    }
    if args.stream_mb and not args.quick and "easy" in args.corpora:
        log(f"streaming one {args.stream_mb} MB file ...")
        results["streaming"] = [
            measure.streaming(DATA_DIR / "glossary-10k.yaml", DATA_DIR / "corpus-1m-10k.txt", args.stream_mb,
                              DATA_DIR, args.timeout),
            measure.streaming(REPO / "glossaries" / "kosovo-serbia.yaml",
                              REPO / "samples" / "bbc-serbian-stoltenberg-belgrade.corrected.txt", args.stream_mb,
                              DATA_DIR, args.timeout),
        ]
        log(f"streaming: {results['streaming']}")
    write_results(results)


def run_case(family: str, glossary_label: str, corpus_label: str, manifest: dict, args: argparse.Namespace) -> dict:
    name = corpus_name(family, corpus_label, glossary_label)
    glossary = DATA_DIR / f"glossary-{glossary_label}.yaml"
    corpus = load_corpus(DATA_DIR / f"corpus-{name}.txt")
    log(f"[{name}] {corpus.bytes / measure.MB:.2f} MB, {corpus.words:,} words")
    stats = manifest["corpora"][name]
    case = {
        "family": family,
        "glossary": glossary_label,
        "corpus": corpus_label,
        **manifest["glossaries"][glossary_label],
        "corpus_mb": round(corpus.bytes / measure.MB, 3),
        "corpus_words": corpus.words,
        "planted": stats["planted"],
        **{key: stats[key] for key in ("zipf_lt3_share", "name_share", "filler_zipf_lt3_share") if key in stats},
    }
    case["in_process"] = measure.in_process(glossary, corpus, args.repeat)
    log(f"[{name}] in-process: {summary(case['in_process'])}")
    log(f"[{name}] near-miss pass: {case['in_process']['near_miss']}")
    report = DATA_DIR / f"report-{name}.json"
    case["end_to_end_cold"] = measure.end_to_end(glossary, corpus, report, args.repeat, args.timeout)
    case["end_to_end"] = measure.end_to_end(glossary, corpus, report, args.repeat, args.timeout,
                                            cache_dir=DATA_DIR / f"cache-{name}")
    log(f"[{name}] end to end: {case['end_to_end']['seconds']} s warm, {case['end_to_end_cold']['seconds']} s cold, "
        f"{case['end_to_end']['peak_rss_mb']} MB peak")
    case["accuracy"] = accuracy(report, DATA_DIR / f"truth-{name}.json") if case["end_to_end"]["exit_code"] == 0 else None
    if family != "easy":  # the baselines' cost hardly depends on the filler's words
        return case
    forms = DATA_DIR / f"forms-{glossary_label}.txt"
    case["baselines"] = {
        "naive": baselines.naive(baselines.read_forms(forms), corpus),
        "grep": baselines.grep(forms, corpus, args.repeat, args.timeout),
    }
    log(f"[{name}] naive: {case['baselines']['naive']['total_seconds']} s, grep: {case['baselines']['grep']['seconds']} s")
    return case


def load_corpus(path: Path) -> measure.Corpus:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    return measure.Corpus(path, text, len(raw), count_words(text))


def summary(in_process: dict) -> str:
    return (f"load {in_process['load_s']} s, build {in_process['build_s']} s, "
            f"exact {in_process['exact']['mb_per_s']} MB/s, exact+fuzzy {in_process['exact_and_fuzzy']['mb_per_s']} MB/s")


def accuracy(report: Path, truth: Path) -> dict:
    findings = [f for file in json.loads(report.read_text("utf-8"))["files"] for f in file["findings"]]
    return evaluate(findings, json.loads(truth.read_text("utf-8")))


def machine() -> dict:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mtcheck_version": mtcheck.__version__,
        "mtcheck_commit": git_commit(),
        "date": datetime.date.today().isoformat(),
    }


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit() -> str:
    """The repository's commit, with "+ modified mtcheck/" when the package has uncommitted changes."""
    def git(*arguments: str) -> str:
        result = subprocess.run(["git", *arguments], cwd=REPO, capture_output=True, text=True, check=False)
        return result.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" + modified mtcheck/" if git("status", "--porcelain", "--", "mtcheck") else "")


def settings(args: argparse.Namespace) -> dict:
    command = ("bench/run.py" + (" --quick" if args.quick else "")
               + (f" --corpora {','.join(args.corpora)}" if args.corpora != list(FAMILIES) else "")
               + (f" --repeat {args.repeat}" if args.repeat != 3 else ""))
    return {"seed": args.seed, "repeats": args.repeat, "quick": args.quick, "corpora": args.corpora, "timeout_s": args.timeout,
            "command": f".venv/bin/python {command}"}


def write_results(results: dict) -> None:
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (RESULTS_DIR / "results.md").write_text(markdown(results), "utf-8")
    log(f"wrote {RESULTS_DIR / 'results.json'} and {RESULTS_DIR / 'results.md'}")


if __name__ == "__main__":
    main()
