"""Writing reports: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mtcheck.errors import InputError, Problem


def write_atomic(path: str | Path, text: str | bytes | Iterable[str]) -> None:
    """Write via a temporary file in the same folder and a rename, so no reader sees half a file.

    An existing file keeps its permission bits. The data is flushed to disk before the rename,
    so a crash leaves either the old file or the new one, never a truncated one.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode()
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror}")) from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
                _sync(handle)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.writelines([text] if isinstance(text, str) else text)
                _sync(handle)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:  # an interrupt too: never leave the temporary file behind
        os.unlink(temporary)
        if isinstance(exc, OSError):
            raise InputError(Problem(str(path), f"cannot write: {exc.strerror}")) from None
        raise


def _new_file_mode() -> int:
    """What open() would give a new file (0o666 less the umask): mkstemp's 0o600 would hide reports."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())
