"""Errors the user can fix: each renders as ``path:line:col: message`` lines, shown through
``visible`` (a file name or a quoted form may hold an ESC sequence the terminal must not obey)."""

from __future__ import annotations

from dataclasses import dataclass

from mtcheck.visible import visible


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return visible(f"{where}: {self.message}", double_backslashes=False)  # messages quote with repr


class MtcheckError(Exception):
    """Bad input, config or usage. The CLI prints it and exits with code 2."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("mtcheck", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # keep the problems when raised in a worker process
        return type(self), (self.problems,)


class GlossaryError(MtcheckError):
    pass


class ConfigError(MtcheckError):
    pass


class InputError(MtcheckError):
    pass
