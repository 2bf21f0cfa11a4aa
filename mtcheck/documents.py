"""Find and decode the documents to check: files, folders, or standard input."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

from mtcheck.errors import InputError, Problem
from mtcheck.model import Document

TEXT_SUFFIXES = (".txt", ".md")
STDIN = "-"


def decode(raw: bytes, source: str) -> str:
    """UTF-8, with or without a BOM; anything else is an error naming the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(undecodable(raw, exc, source)) from None


def undecodable(raw: bytes, error: UnicodeDecodeError, source: str) -> Problem:
    """Name the first bad byte by line, column (in characters) and byte offset."""
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    line = raw.count(b"\n", 0, error.start) + 1
    column = len(raw[line_start : error.start].decode("utf-8", errors="replace").lstrip("\ufeff")) + 1
    return Problem(source, f"not valid UTF-8 (byte offset {error.start})", line, column)


def document_paths(paths: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Expand folders (into *.txt and *.md, sorted) and drop excluded paths; keep the given order."""
    found: list[str] = []
    for given in paths:
        if given == STDIN:
            found.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            inside = sorted(
                p.as_posix() for p in path.rglob("*")
                if p.suffix.lower() in TEXT_SUFFIXES and p.is_file() and not _excluded(p.as_posix(), exclude)
            )
            if not inside:
                raise InputError(Problem(given, "no *.txt or *.md files in this folder"))
            found.extend(inside)
        elif path.is_file():
            if not _excluded(path.as_posix(), exclude):
                found.append(path.as_posix())
        elif path.exists():
            raise InputError(Problem(given, "not a regular file"))
        else:
            raise InputError(Problem(given, "no such file or folder"))
    return list(dict.fromkeys(found))


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    relative = path[2:] if path.startswith("./") else path
    return any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def read_document(path: str) -> Document:
    if path == STDIN:
        return Document("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>"))
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(Problem(path, f"cannot read: {exc.strerror}")) from None
    return Document(path, decode(raw, path))
