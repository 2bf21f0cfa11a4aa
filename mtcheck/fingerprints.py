"""Stable identities of findings, for SARIF's partialFingerprints and for baselines.

A finding is known by its rule, file, term and text, never by its line or column, so it keeps
its identity when lines are added above it. Several equal findings in one file are told apart
by their order ("the second 'USO' in a.txt").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator

from mtcheck.model import Finding


def finding_key(finding: Finding) -> str:
    """The identity shared by equal findings of one file (line shifts do not change it)."""
    parts = (finding.rule, finding.path.replace("\\", "/"), finding.term or "", " ".join(finding.text.split()))
    # surrogatepass: a file name that is not UTF-8 holds lone surrogates (see model.printable_path)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def numbered_keys(findings: Iterable[Finding]) -> Iterator[tuple[str, int]]:
    """(key, n) for each finding in order: n counts the equal findings before it in its file, from 1."""
    seen: Counter = Counter()
    for finding in findings:
        key = finding_key(finding)
        seen[key] += 1
        yield key, seen[key]
