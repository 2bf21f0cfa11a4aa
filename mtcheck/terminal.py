"""Colour for people at a terminal; never used for files or pipes."""

from __future__ import annotations

from rich.console import Console
from rich.highlighter import RegexHighlighter
from rich.theme import Theme


class _ReportHighlighter(RegexHighlighter):
    base_style = "mtcheck."
    highlights = [
        r"(?P<location>^\S+:\d+:\d+:)",
        r": (?P<critical>critical) ", r": (?P<major>major) ", r": (?P<minor>minor) ", r": (?P<neutral>neutral) ",
        r"(?P<suggestion>\[suggest: [^\]]*\])",
    ]


_THEME = Theme({
    "mtcheck.location": "bold", "mtcheck.critical": "bold magenta", "mtcheck.major": "bold red",
    "mtcheck.minor": "yellow", "mtcheck.neutral": "dim", "mtcheck.suggestion": "green",
})


def print_coloured(report: str) -> None:
    console = Console(highlighter=_ReportHighlighter(), theme=_THEME, soft_wrap=True)
    console.print(report, end="", markup=False, emoji=False)
