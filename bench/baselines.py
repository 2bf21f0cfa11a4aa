"""What the same job costs without mtcheck's index: a naive Python matcher and grep.

- naive exact: one ``re`` alternation of every form (escaped, longest first, ``\\b...\\b``, IGNORECASE).
  Run on the whole corpus when that is estimated to take at most REGEX_BUDGET_S, else timed on a
  prefix and extrapolated linearly by characters.
- naive fuzzy: every word n-gram window (n = 1..4) compared by rapidfuzz ``ratio`` (cutoff 88) with
  every form; timed on the first FUZZY_SAMPLE_WINDOWS windows and extrapolated to all windows.
- grep: ``LC_ALL=C grep -F -i -w -o -f forms.txt corpus``, the floor of what exact matching costs.
"""

from __future__ import annotations

import os
import re
import subprocess
from itertools import islice
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from measure import MB, Corpus, Stopwatch, median, run_process

REGEX_BUDGET_S = 60.0
REGEX_PROBE_CHARS = 10_000
REGEX_PROBE_TARGET_S = 5.0  # an extrapolated regex time comes from a prefix taking about this long
FUZZY_SAMPLE_WINDOWS = 20_000
FUZZY_CHUNK = 1_000
FUZZY_CUTOFF = 88
MAX_WINDOW_WORDS = 4
WORD_RE = re.compile(r"[^\W_]+")


def read_forms(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if line.strip()]


def naive(forms: list[str], corpus: Corpus) -> dict:
    exact = naive_exact(forms, corpus.text)
    fuzzy = naive_fuzzy(forms, corpus.text)
    total = exact["seconds"] + fuzzy["seconds"]
    return {
        "exact": exact,
        "fuzzy": fuzzy,
        "total_seconds": round(total, 2),
        "mb_per_s": round(corpus.bytes / MB / total, 4),
        "extrapolated": exact["extrapolated"] or fuzzy["extrapolated"],
    }


def naive_exact(forms: list[str], text: str) -> dict:
    re.purge()  # time a real compilation, not a hit in re's pattern cache
    clock = Stopwatch()
    alternation = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    pattern = re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)
    compile_s = clock.elapsed()
    probe_s, _ = _time_regex(pattern, text[:REGEX_PROBE_CHARS])
    estimate = probe_s * len(text) / min(len(text), REGEX_PROBE_CHARS)
    if estimate <= REGEX_BUDGET_S:
        seconds, matches = _time_regex(pattern, text)
        return {"seconds": round(seconds, 3), "compile_s": round(compile_s, 3), "extrapolated": False,
                "measured_chars": len(text), "matches": matches}
    prefix = int(REGEX_PROBE_CHARS * REGEX_PROBE_TARGET_S / max(probe_s, 1e-9))
    seconds, matches = _time_regex(pattern, text[:prefix])
    return {"seconds": round(seconds * len(text) / prefix, 2), "compile_s": round(compile_s, 3),
            "extrapolated": True, "measured_chars": prefix, "measured_s": round(seconds, 3),
            "matches_in_measured_part": matches}


def _time_regex(pattern: re.Pattern, text: str) -> tuple[float, int]:
    clock = Stopwatch()
    matches = sum(1 for _ in pattern.finditer(text))
    return clock.elapsed(), matches


def naive_fuzzy(forms: list[str], text: str) -> dict:
    words = WORD_RE.findall(text.lower())
    choices = [form.lower() for form in forms]
    total_windows = sum(max(0, len(words) - n + 1) for n in range(1, MAX_WINDOW_WORDS + 1))
    sample = list(islice(_windows(words), FUZZY_SAMPLE_WINDOWS))
    clock = Stopwatch()
    hits = 0
    for start in range(0, len(sample), FUZZY_CHUNK):
        scores = process.cdist(sample[start:start + FUZZY_CHUNK], choices, scorer=fuzz.ratio,
                               score_cutoff=FUZZY_CUTOFF, dtype=np.uint8, workers=1)
        hits += int(np.count_nonzero(scores))
    seconds = clock.elapsed()
    return {
        "seconds": round(seconds * total_windows / len(sample), 2),
        "extrapolated": len(sample) < total_windows,
        "windows": total_windows,
        "measured_windows": len(sample),
        "measured_s": round(seconds, 3),
        "pairs_at_cutoff_in_measured_part": hits,
    }


def _windows(words: list[str]):
    for start in range(len(words)):
        for size in range(1, MAX_WINDOW_WORDS + 1):
            if start + size <= len(words):
                yield " ".join(words[start:start + size])


def grep(forms_path: Path, corpus: Corpus, repeats: int, timeout: float) -> dict:
    command = ["grep", "-F", "-i", "-w", "-o", "-f", str(forms_path), str(corpus.path)]
    env = {**os.environ, "LC_ALL": "C"}
    seconds = median([run_process(command, timeout, env=env).seconds for _ in range(repeats)])
    output = subprocess.run(command, env=env, capture_output=True, check=False).stdout
    return {
        "command": "LC_ALL=C " + " ".join(command),
        "seconds": round(seconds, 4),
        "mb_per_s": round(corpus.bytes / MB / seconds, 2),
        "matches": output.count(b"\n"),
    }
