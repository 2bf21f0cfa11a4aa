"""The ``cache`` fuzz target: the bytes are what someone planted in the cache folder.

``cache_target(data)``: the first byte picks how ``data[1:]`` lands at an entry's path: as the whole
file; behind the current header (right magic and length) with a MAC made without the user's key;
or as an entry of the old format (magic, length, CRC-32), which mtcheck once unpickled. Whoever
plants an entry does not have the user's key, so ``Cache.get`` must answer None every time (the
payload is never unpickled), never raise or hang. Seeds: the payloads of real entries (an index
and a result), so that mutations stay close to what a cache holds.

Entries signed with the user's own key are not fuzzed: they are what this user's mtcheck wrote.
The restricted unpickler behind the key stops a leaked key from naming a callable, but a crafted
pickle can still claim huge sizes (CPython's unpickler allocates a memo or a bytes object as large
as an opcode says), so the key, not the unpickler, is the boundary.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import struct
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path

from mtcheck.cache import Cache, _mac
from mtcheck.config import Config
from mtcheck.engine import select_rules
from mtcheck.runner import check_paths, compile_checker

ROOT = Path(__file__).resolve().parent.parent
KEY = "f" * 64
FRAMINGS = ("whole file", "signed without the key", "old format")


class Violation(AssertionError):
    """A planted entry broke one of the cache's promises."""


@lru_cache(maxsize=1)
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="mtcheck-fuzz-cache-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@lru_cache(maxsize=1)
def _cache() -> Cache:
    return Cache(_folder() / "cache", key_file=_folder() / "key")


def cache_target(data: bytes) -> None:
    if not data:
        return
    framing = FRAMINGS[data[0] % len(FRAMINGS)]
    kind = ("index", "results")[data[0] // len(FRAMINGS) % 2]
    cache = _cache()
    path = cache.folder / kind / KEY[:2] / KEY
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_framed(framing, kind, data[1:]))
    value = cache.get(kind, KEY)
    if value is not None:
        raise Violation(f"a planted entry ({framing}, {kind}) was answered: {type(value).__name__}")


def _framed(framing: str, kind: str, payload: bytes) -> bytes:
    if framing == "whole file":
        return payload
    if framing == "old format":
        return b"MTCHECK2" + struct.pack(">QI", len(payload), zlib.crc32(payload)) + payload
    forged = _mac(hashlib.sha256(payload).digest(), kind, KEY, payload)  # any key but the user's
    return b"MTCHECK3" + struct.pack(">Q32s", len(payload), forged) + payload


def seed_payloads() -> list[tuple[str, bytes]]:
    """Real entries' payloads (an index of the bundled glossary, the sample's result), each behind
    the first byte that frames it as a forged entry of its kind."""
    cache = Cache(_folder() / "seeds", key_file=_folder() / "key")
    glossary = _folder() / "glossary.yaml"  # a path of its own, so the index is compiled (and stored) here
    glossary.write_bytes((ROOT / "glossaries" / "kosovo-serbia.yaml").read_bytes())
    checker = compile_checker([str(glossary)], Config(), select_rules(Config()), cache)
    check_paths(checker, [str(ROOT / "samples" / "bbc-serbian-stoltenberg-belgrade.mt.txt")], cache=cache)
    seeds = []
    for entry in sorted(cache.folder.glob("*/*/*")):
        kind = entry.parent.parent.name
        first = FRAMINGS.index("signed without the key") + len(FRAMINGS) * ("index", "results").index(kind)
        seeds.append((f"{kind}-{entry.name[:8]}", bytes([first]) + entry.read_bytes()[48:]))
    return seeds
