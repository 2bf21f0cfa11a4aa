"""The reporter registry: each output format renders a run as a sequence of text chunks.

Chunks, not one string, so that a report of a million findings is written as it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mtcheck.model import RunResult
from mtcheck.reporters import json_report, text_report

Reporter = Callable[[RunResult], Iterable[str]]

REPORTERS: dict[str, Reporter] = {
    "text": text_report.chunks,
    "json": json_report.chunks,
}


def render(name: str, run: RunResult) -> str:
    """The whole report in format ``name`` as one string."""
    return "".join(REPORTERS[name](run))


__all__ = ["REPORTERS", "Reporter", "render"]
