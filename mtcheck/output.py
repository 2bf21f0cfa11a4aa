"""Writing reports: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mtcheck.errors import InputError, Problem


def write_atomic(path: str | Path, text: str | Iterable[str]) -> None:
    """Write via a temporary file in the same folder and a rename, so no reader sees half a file."""
    path = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror}")) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
        os.replace(temporary, path)
    except OSError as exc:
        os.unlink(temporary)
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror}")) from None
