"""Baselines: the findings an archive already had, so that CI fails only on new ones.

``mtcheck check --write-baseline FILE`` records every finding by its fingerprint (rule, file,
term and text: see ``mtcheck.fingerprints``) with a count; ``--baseline FILE`` then leaves out
as many equal findings per file as the baseline holds, wherever their lines have moved to.
The file is JSON, one entry per line, sorted: readable in a review and stable in a diff.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

from mtcheck import jsoninput
from mtcheck.documents import read_text
from mtcheck.errors import InputError, Problem
from mtcheck.fingerprints import finding_key
from mtcheck.model import Finding, RunResult, printable_path

VERSION = 1


def baseline_chunks(findings: list[Finding]):
    """The baseline file of ``findings``."""
    counts: Counter = Counter()
    first: dict[str, Finding] = {}
    for finding in findings:
        key = finding_key(finding)
        counts[key] += 1
        first.setdefault(key, finding)
    entries = sorted(counts, key=lambda k: (first[k].path, first[k].rule, first[k].text, k))
    yield f'{{"version": {VERSION}, "tool": "mtcheck",\n "findings": ['
    for i, key in enumerate(entries):
        f = first[key]
        entry = {"fingerprint": key, "rule": f.rule, "path": printable_path(f.path), "term": f.term, "text": f.text,
                 "count": counts[key]}
        yield ("," if i else "") + "\n  " + json.dumps(entry, ensure_ascii=False)
    yield "]}\n"


def load_baseline(path: str) -> Counter:
    """Fingerprint -> how many equal findings the baseline holds."""
    text = read_text(path)
    try:
        data = jsoninput.loads(text)
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ValueError("expected {\"version\": 1, \"findings\": [...]}")
        return Counter({entry["fingerprint"]: int(entry["count"]) for entry in data["findings"]})
    except json.JSONDecodeError as error:
        raise InputError(Problem(path, f"not a baseline: {error.msg}", error.lineno, error.colno)) from None
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(Problem(path, f"not a baseline: {error}")) from None


def apply_baseline(run: RunResult, known: Counter) -> RunResult:
    """The run without the findings the baseline holds (the first ones of each fingerprint)."""
    remaining = Counter(known)
    files = []
    for file in run.files:
        kept = []
        for finding in file.findings:
            key = finding_key(finding)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        files.append(replace(file, findings=tuple(kept), baselined=len(file.findings) - len(kept)))
    return replace(run, files=tuple(files))
