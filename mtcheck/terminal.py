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


class ProgressBar:
    """A progress bar on standard error that appears only once a run has taken a couple of seconds."""

    DELAY = 2.0

    def __init__(self):
        import time

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._clock = time.monotonic
        self._started = self._clock()
        self._progress = Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
            redirect_stdout=False,  # rich would send the report, printed meanwhile, to the bar's terminal
        )
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if self._task is None:
            if self._clock() - self._started < self.DELAY:
                return
            self._progress.start()
            self._task = self._progress.add_task("checking", total=total)
        self._progress.update(self._task, completed=done)

    def close(self) -> None:
        if self._task is not None:
            self._progress.stop()
