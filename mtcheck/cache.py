"""An on-disk cache (``.mtcheck_cache/``) for compiled term indexes and per-file results.

Entries are written to a temporary file and renamed into place, so concurrent runs
never see half an entry. Each entry carries a checksum of its payload: a corrupt,
truncated or foreign file is ignored (and rebuilt), never trusted.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import struct
import tempfile
import zlib
from pathlib import Path

DEFAULT_DIR = ".mtcheck_cache"
_MAGIC = b"MTCHECK2"
# The payload's length and CRC-32 after the magic: they catch a truncated or damaged entry, and the
# CRC costs 3 ms on a 20 MB index where SHA-256 took 10 (a cryptographic digest buys nothing here:
# whoever can write the cache can write any digest).
_CHECK = struct.Struct(">QI")


def fingerprint(*parts: bytes | str) -> str:
    """A stable key for the given parts (length-prefixed, so parts cannot run together)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class Cache:
    def __init__(self, folder: str | Path = DEFAULT_DIR):
        self.folder = Path(folder)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def get(self, kind: str, key: str, lasting: bool = False):
        """The value stored under ``key``, or None. A ``lasting`` value (one kept for the rest of the
        process, like a term index) is moved out of the collector's reach (``gc.freeze``) at once:
        otherwise the first collection walks its millions of objects, and the next ones again."""
        try:
            data = self._path(kind, key).read_bytes()
        except OSError:
            return None
        if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + _CHECK.size:
            return None
        length, crc = _CHECK.unpack_from(data, len(_MAGIC))
        payload = memoryview(data)[len(_MAGIC) + _CHECK.size :]
        if len(payload) != length or zlib.crc32(payload) != crc:
            return None
        gc.disable()  # unpickling 10^5 small objects is several times faster without collections
        try:
            value = pickle.loads(payload)
        except Exception:  # an entry from another version of mtcheck or its dependencies
            return None
        finally:
            if lasting:
                gc.freeze()
            gc.enable()
        return value

    def put(self, kind: str, key: str, value) -> None:
        """Store ``value``; a cache that cannot be written is silently skipped."""
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._path(kind, key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + _CHECK.pack(len(payload), zlib.crc32(payload)) + payload)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return

    def _prepare(self) -> None:
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text("# Created by mtcheck.\n*\n", encoding="utf-8")
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# This is a cache directory created by mtcheck.\n",
            encoding="utf-8",
        )


class NoCache(Cache):
    """--no-cache: nothing is read or written."""

    def __init__(self):
        super().__init__(DEFAULT_DIR)

    def get(self, kind: str, key: str, lasting: bool = False):
        return None

    def put(self, kind: str, key: str, value) -> None:
        return None
