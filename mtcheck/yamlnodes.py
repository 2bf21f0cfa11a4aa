"""YAML to plain data, keeping where each value and key stood in the file.

PyYAML's composer gives nodes with marks; we build the data ourselves so every
later error (schema, duplicates) can name a line and column, and so duplicate
keys and alias bombs are caught instead of silently accepted or expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from mtcheck.errors import Problem

Path = tuple  # keys and indexes from the document root
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
MAX_NODES = 1_000_000


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


def _where(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


# The tags of plain YAML; "!!python/object" (tag:yaml.org,2002:python/object) and the like are refused.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                        ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge"))


class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []
        self.located = Located(None)
        self._scalars = SafeConstructor()
        self._budget = MAX_NODES

    def problem(self, mark, message: str) -> None:
        line, col = _where(mark)
        self.problems.append(Problem(self.source, message, line, col))

    def build(self, node, path: Path):
        self._budget -= 1
        if self._budget < 0:
            raise _TooLarge(node)
        self.located.values[path] = _where(node.start_mark)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node.start_mark, f"tag {node.tag!r} refused: only plain YAML is read (safe loading)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node)
        except ConstructorError as exc:
            self.problem(node.start_mark, f"unsupported YAML value: {exc.problem}")
            return None

    def _mapping(self, node, path: Path) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, "mapping keys must be plain scalars")
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node.start_mark, "merge keys ('<<') are not supported")
                continue
            key = self._scalars.construct_object(key_node)
            if key in result:
                self.problem(key_node.start_mark, f"duplicate key {key!r}")
                continue
            self.located.keys[path + (key,)] = _where(key_node.start_mark)
            result[key] = self.build(value_node, path + (key,))
        return result


class _TooLarge(Exception):
    def __init__(self, node):
        self.node = node


def load_located(text: str, source: str) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML document safely; return its data with positions, and any problems."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _where(mark) if mark else (None, None)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        return None, [Problem(source, message, line, col)]
    except yaml.YAMLError as exc:
        return None, [Problem(source, f"YAML error: {exc}")]
    if root is None:
        return None, [Problem(source, "the file is empty; a glossary is a YAML mapping", 1, 1)]
    builder = _Builder(source)
    try:
        builder.located.data = builder.build(root, ())
    except _TooLarge as exc:
        builder.problem(exc.node.start_mark, f"document expands to more than {MAX_NODES:,} nodes (alias bomb?)")
        return None, builder.problems
    except RecursionError:
        return None, [Problem(source, "YAML nesting is too deep or recursive")]
    return builder.located, builder.problems
