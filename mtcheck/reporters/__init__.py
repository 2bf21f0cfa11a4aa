"""The reporter registry: each output format renders a run as a sequence of text chunks.

Chunks, not one string, so that a report of a million findings is written as it is made.
Each format lives in its own module with a ``chunks(run)`` function, imported when first used
(the HTML one needs jinja2, which a CI run writing SARIF never loads).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping

from mtcheck.model import RunResult

Reporter = Callable[[RunResult], Iterable[str]]

_MODULES = {
    "text": "text_report",
    "json": "json_report",
    "jsonl": "jsonl_report",
    "sarif": "sarif_report",
    "junit": "junit_report",
    "github": "github_report",
    "markdown": "markdown_report",
    "html": "html_report",
    "xlsx": "xlsx_report",
}
BINARY_FORMATS = frozenset({"xlsx"})  # their chunks are bytes: written to a file, never to standard output


class _Registry(Mapping[str, Reporter]):
    def __getitem__(self, name: str) -> Reporter:
        return importlib.import_module(f"mtcheck.reporters.{_MODULES[name]}").chunks

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, Reporter] = _Registry()


def render(name: str, run: RunResult) -> str:
    """The whole report in format ``name`` as one string."""
    return "".join(REPORTERS[name](run))


__all__ = ["BINARY_FORMATS", "REPORTERS", "Reporter", "render"]
