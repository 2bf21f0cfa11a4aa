"""The reporter registry: each output format renders a whole run to one string."""

from __future__ import annotations

from typing import Callable

from mtcheck.model import RunResult
from mtcheck.reporters import json_report, text_report

Reporter = Callable[[RunResult], str]

REPORTERS: dict[str, Reporter] = {
    "text": text_report.render,
    "json": json_report.render,
}

__all__ = ["REPORTERS", "Reporter"]
