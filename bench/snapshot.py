"""Fingerprint mtcheck's reports, so a refactoring can show they did not change.

Runs `mtcheck check` (every report format) and `mtcheck fix` on the samples, the seed article,
the bench corpora and the test data, and prints one SHA-256 per (input, output) pair. Two runs
of the same code give the same lines; diff the output of two commits to find what a change did.

    .venv/bin/python bench/snapshot.py > /tmp/before.txt
    # ... change the code ...
    .venv/bin/python bench/snapshot.py > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt

Run it from any folder; reports name inputs relative to the checkout. Needs the bench data
(`bench/generate.py` makes it; only the 100k corpora are used).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MTCHECK = [sys.executable, "-m", "mtcheck"]
FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "markdown", "html", "xlsx")
BILINGUAL_SUFFIXES = {".xlf", ".xliff", ".po", ".tmx", ".csv", ".tsv", ".jsonl"}


def monolingual_cases() -> list[tuple[str, list[str]]]:
    glossaries = ["-g", "glossaries"]
    cases = [(name, [name, *glossaries]) for name in relative(sorted((ROOT / "samples").glob("*.txt")))]
    cases += [(name, [name, *glossaries]) for name in relative(sorted((ROOT / "tests" / "data").rglob("*")))
              if name.endswith((".txt", ".md"))]
    for size in ("1k", "10k"):
        corpus = f"bench/data/corpus-100k-{size}.txt"
        if (ROOT / corpus).exists():
            cases.append((corpus, [corpus, "-g", f"bench/data/glossary-{size}.yaml"]))
    return cases


def bilingual_cases() -> list[tuple[str, list[str]]]:
    glossaries = ["-g", "glossaries"]
    folder = ROOT / "tests" / "data" / "bilingual"
    cases = [(name, [name, *glossaries]) for name in relative(sorted(folder.iterdir())) if Path(name).suffix in BILINGUAL_SUFFIXES]
    lines = "tests/data/bilingual/lines.fr.txt"
    cases.append((f"{lines}+source", [lines, "--source", "tests/data/bilingual/lines.en.txt", *glossaries]))
    return cases


def relative(paths: list[Path]) -> list[str]:
    """Paths relative to the checkout: reports name their inputs, and two checkouts must agree."""
    return [str(p.relative_to(ROOT)) for p in paths]


def run(args: list[str]) -> bytes:
    done = subprocess.run([*MTCHECK, *args], cwd=ROOT, capture_output=True, check=False)
    return done.stdout + b"\n--stderr--\n" + done.stderr + f"\n--exit {done.returncode}--\n".encode()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def snapshot_case(name: str, args: list[str], scratch: Path) -> list[str]:
    files = [scratch / f"report.{fmt}" for fmt in FORMATS]
    for path in files:
        path.unlink(missing_ok=True)  # a run that stops on an error writes none: show "missing", not the last case's
    spec = [item for fmt, path in zip(FORMATS, files) for item in ("-f", f"{fmt}:{path}")]
    common = ["--no-cache", "--no-config", "-j", "1"]
    lines = [f"{name} check-exit {digest(run(['check', *args, *common, *spec]))}"]
    lines += [f"{name} {fmt} {digest(path.read_bytes()) if path.exists() else 'missing'}" for fmt, path in zip(FORMATS, files)]
    if not any(arg == "--source" for arg in args):
        lines.append(f"{name} fix {digest(run(['fix', *args, '--no-cache', '--no-config']))}")
    return lines


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for name, args in monolingual_cases() + bilingual_cases():
            for line in snapshot_case(name, args, scratch):
                print(line, flush=True)


if __name__ == "__main__":
    main()
