"""Data read from a file, with the position of every value and key in it.

Apart from the YAML reader (``mtcheck.yamlnodes``), so that what only checks located data (schema
validation, config built from pyproject.toml) does not load PyYAML on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple  # keys and indexes from the document root


@dataclass
class Located:
    """A document's data plus the position of every value and mapping key in it."""

    data: object
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Where ``path`` (or its nearest located parent) stands; unknown for data without positions."""
        table = self.keys if key else self.values
        path = tuple(path)
        while path not in table and path:
            path = path[:-1]
        return table.get(path, self.values.get((), (None, None)))
