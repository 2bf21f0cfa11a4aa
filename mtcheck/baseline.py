"""Baselines: the findings an archive already had, so that CI fails only on new ones.

``mtcheck check --write-baseline FILE`` records every finding by its fingerprint (rule, file,
term and text: see ``mtcheck.fingerprints``) with a count; ``--baseline FILE`` then leaves out
as many equal findings per file as the baseline holds, wherever their lines have moved to.
The file is JSON, one entry per line, sorted: readable in a review and stable in a diff.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
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
    keys = sorted(counts, key=lambda k: (first[k].path, first[k].rule, first[k].text, k))
    yield from _chunks(_entry(key, first[key], counts[key]) for key in keys)


def _entry(key: str, f: Finding, count: int) -> dict:
    return {"fingerprint": key, "rule": f.rule, "path": printable_path(f.path), "term": f.term, "text": f.text,
            "count": count}


def _chunks(entries: Iterable[dict]):
    """The baseline file of these entries, one per line, in the order given."""
    yield f'{{"version": {VERSION}, "tool": "mtcheck",\n "findings": ['
    for i, entry in enumerate(entries):
        yield ("," if i else "") + "\n  " + json.dumps(entry, ensure_ascii=False)
    yield "]}\n"


def with_one_more(path: str | None, finding: Finding, reason: str | None = None) -> str:
    """The baseline file at ``path`` (None: none yet) holding ``finding`` once more: its entry's count
    grows by one, or a new entry is added. ``reason``, why a person dismissed it, is kept in the entry
    (a key that readers of the baseline pass over). The other entries stay as they are, sorted as
    ``baseline_chunks`` sorts them."""
    entries = baseline_entries(path) if path else []
    key = finding_key(finding)
    entry = next((e for e in entries if e["fingerprint"] == key), None)
    if entry is None:
        entry = _entry(key, finding, 0)
        entries.append(entry)
    entry["count"] = int(entry["count"]) + 1
    if reason:
        entry["reason"] = reason
    entries.sort(key=lambda e: tuple(str(e.get(name) or "") for name in ("path", "rule", "text", "fingerprint")))
    return "".join(_chunks(entries))


def load_baseline(path: str) -> Counter:
    """Fingerprint -> how many equal findings the baseline holds."""
    return _read(path)[1]


def baseline_entries(path: str) -> list[dict]:
    """The entries of the baseline file at ``path`` as it holds them (each with a fingerprint and a count)."""
    return _read(path)[0]


def _read(path: str) -> tuple[list[dict], Counter]:
    text = read_text(path)
    try:
        data = jsoninput.loads(text)
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ValueError("expected {\"version\": 1, \"findings\": [...]}")
        entries = data["findings"]
        return entries, Counter({entry["fingerprint"]: int(entry["count"]) for entry in entries})
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
