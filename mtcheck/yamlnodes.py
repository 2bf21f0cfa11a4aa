"""YAML to plain data, keeping where each value and key stood in the file.

PyYAML's composer gives nodes with marks; we build the data ourselves so every
later error (schema, duplicates) can name a line and column, and so duplicate
keys and alias bombs are caught instead of silently accepted or expanded.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.reader import ReaderError

from mtcheck.errors import Problem
from mtcheck.located import Located, Path

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
# libyaml reads the text as UTF-8 and gives a ReaderError's position in bytes; PyYAML's reader in characters.
_READER_COUNTS_BYTES = _LOADER is not yaml.SafeLoader
# What YAML counts as a line break (YAML 1.1, as both readers do), so reader errors and marks agree.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
MAX_NODES = 1_000_000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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
        if self._refused_tag(node):
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        value = self._scalar(node, "value")
        return None if value is _REFUSED else value

    def _refused_tag(self, node) -> bool:
        if node.tag in _PLAIN_TAGS:
            return False
        self.problem(node.start_mark, f"tag {node.tag!r} refused: only plain YAML is read (safe loading)")
        return True

    def _scalar(self, node, what: str):
        """Construct one scalar, or note a problem and return _REFUSED."""
        try:
            # deep: a collection tag on a scalar ("!!map x") must fail here, not leave a half-built dict
            value = self._scalars.construct_object(node, deep=True)
            if isinstance(value, str) and (surrogate := _LONE_SURROGATE.search(value)):
                # A "\ud800" escape (libyaml refuses it, PyYAML's reader not): half of a UTF-16 pair, no
                # character, and no report could be written with it. An error; the value read on with
                # U+FFFD, so that the schema does not report it missing as well.
                value = _LONE_SURROGATE.sub("\ufffd", value)
                self.problem(node.start_mark, f"a lone surrogate U+{ord(surrogate.group()):04X} (no character) in "
                                              f"{_short(value)!r}, where U+FFFD stands: write the character itself")
            return value
        except ConstructorError as exc:
            self.problem(node.start_mark, f"unsupported YAML {what}: {exc.problem}")
        except (ValueError, LookupError, AttributeError, TypeError):
            # SafeConstructor trusts the resolver, so an explicit tag on text that does not fit it
            # ("!!int abc", "!!bool x") or an integer past Python's digit limit fails inside int() & co.
            self.problem(node.start_mark, f"unsupported YAML {what}: {_short(node.value)!r} cannot be read as "
                                          f"{_tag_name(node.tag)}")
        return _REFUSED

    def _mapping(self, node, path: Path) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, "mapping keys must be plain scalars")
                continue
            if self._refused_tag(key_node):  # keys are constructed like values, so "!!python/..." keys are refused too
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node.start_mark, "merge keys ('<<') are not supported")
                continue
            key = self._scalar(key_node, "key")
            if key is _REFUSED:
                continue
            if key in result:
                self.problem(key_node.start_mark, f"duplicate key {key!r}")
                continue
            self.located.keys[path + (key,)] = _where(key_node.start_mark)
            result[key] = self.build(value_node, path + (key,))
        return result


_REFUSED = object()  # a scalar that could not be constructed (its problem is noted); None is a valid value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _tag_name(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


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
    except ReaderError as exc:  # a character YAML refuses: PyYAML's message is two lines with no line number
        return None, [_reader_problem(text, source, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(source, "YAML error: " + " ".join(str(exc).split()))]  # one line, whatever it says
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


def _reader_problem(text: str, source: str, exc: ReaderError) -> Problem:
    offset = exc.position
    if _READER_COUNTS_BYTES:
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    return Problem(source, f"YAML syntax error: character {character!r} is not allowed", *_line_column(text, offset))


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    line, line_start = 1, 0
    for brk in _LINE_BREAK.finditer(text, 0, offset):
        line, line_start = line + 1, brk.end()
    return line, offset - line_start + 1
