"""An on-disk cache (``.mtcheck_cache/``) for compiled term indexes and per-file results.

Trust boundary: the cache folder is data, never code. Entries are pickles, and unpickling
untrusted bytes can run anything, so every entry is authenticated with an HMAC under a secret key
that lives outside the project, in the user's own cache folder (``$XDG_CACHE_HOME/mtcheck/cache-key``,
else ``~/.cache/mtcheck/cache-key``, mode 0600). An entry that someone else wrote (a cache committed
to a repository, restored by CI from a pull request, copied from another machine or user, or moved
from another key) fails the check and is ignored as if it were not there. Behind the key, the
unpickler accepts only the few types a cache entry is made of, so even a forged entry cannot name
an arbitrary callable. Without a usable key (no writable home, a key file others can read or
write) the cache is off: nothing is read or written, and ``Cache.problem`` says why.

Entries are written to a temporary file and renamed into place, so concurrent runs never see half
an entry. Whatever sits at an entry's path that is not a regular file (a FIFO, a symlink, a folder)
is ignored without being opened for reading.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import stat
import struct
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mtcheck.process_speed import collector_paused

DEFAULT_DIR = ".mtcheck_cache"
KINDS = ("index", "results")
# The cache's size cap: past it, the entries used least recently are removed at the end of a run
# that wrote some. A 10^4-term index takes 20 MB and a file's result a few kB, so 1 GiB holds years
# of a newsroom's articles; MTCHECK_CACHE_MAX_MB sets another cap.
DEFAULT_MAX_BYTES = 2**30
MAX_BYTES_VARIABLE = "MTCHECK_CACHE_MAX_MB"
_MAGIC = b"MTCHECK3"
_MAC_BYTES = 32  # HMAC-SHA256
# After the magic: the payload's length, then the HMAC of the entry's kind, key and payload (the
# kind and key are in it so that a genuine entry copied under another file's key is refused).
_HEADER = struct.Struct(f">Q{_MAC_BYTES}s")
_HEADER_BYTES = len(_MAGIC) + _HEADER.size
KEY_BYTES = 32
# An entry larger than this is neither written nor read: a planted file of the right header and
# a huge length cannot make a run read gigabytes. A 10^4-term index takes about 20 MB.
MAX_ENTRY_BYTES = 2**30

# What a cache entry is made of: the compiled index (glossaries, TermIndex and its parts) and
# FileResults. Anything else an entry names is refused (tests/test_cache_security.py builds real
# entries and checks that each loads through this list).
_ALLOWED_GLOBALS = frozenset({
    ("mtcheck.glossary.index.term_index", "TermIndex"),
    ("mtcheck.glossary.index.forms", "Form"),
    ("mtcheck.glossary.index.exact", "ExactIndex"),
    ("mtcheck.glossary.index.near_miss", "FuzzyIndex"),
    ("mtcheck.glossary.index.near_miss", "AcronymIndex"),
    ("mtcheck.glossary.index.inflected", "InflectedIndex"),
    ("mtcheck.glossary.index.inflected", "_Filed"),
    ("mtcheck.glossary.index.inflected", "_LanguageForms"),
    ("mtcheck.similarity.neighbourhood", "Neighbourhood"),
    ("mtcheck.similarity.neighbourhood", "CompactNeighbourhood"),
    ("mtcheck.lexicon", "Lexicon"),
    ("mtcheck.model", "Glossary"),
    ("mtcheck.glossary.concepts", "ProjectedGlossary"),
    ("mtcheck.model", "Term"),
    ("mtcheck.model", "Severity"),
    ("mtcheck.process_speed", "from_fields"),
    ("mtcheck.model", "_unpickled_file_result"),
    ("ahocorasick", "Automaton"),
    ("array", "array"),
    ("array", "_array_reconstructor"),
    ("builtins", "list"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "dict"),
    ("builtins", "tuple"),
    ("collections", "defaultdict"),
    ("collections", "Counter"),
})


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(f"a cache entry may not name {module}.{name}")
        return super().find_class(module, name)


def fingerprint(*parts: bytes | str) -> str:
    """A stable key for the given parts (length-prefixed, so parts cannot run together). Strings
    are encoded as the file system does, so a file name that is not UTF-8 has a key too."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def key_path() -> Path:
    """Where the user's cache key lives: in the user's cache folder, never in a project."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtcheck" / "cache-key"


class KeyProblem(Exception):
    """The user's cache key cannot be used; the message says why."""


def load_or_create_key(path: Path) -> bytes:
    """The secret key at ``path``, created (mode 0600) if there is none yet."""
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    try:
        _create_key(path)
    except OSError as exc:
        raise KeyProblem(f"cannot create the cache key {path}: {exc.strerror or exc}") from None
    return _read_key(path)


def _create_key(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place: of two runs creating one at the
    same moment, both end up reading the one that was linked first, never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")  # mkstemp gives mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(KEY_BYTES))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        os.unlink(temporary)


def _read_key(path: Path) -> bytes:
    try:
        handle = _open_regular_file(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise KeyProblem(f"cannot read the cache key {path}: {exc.strerror or exc}") from None
    with handle:
        info = os.fstat(handle.fileno())
        if info.st_uid != os.geteuid() or info.st_mode & 0o077:
            raise KeyProblem(f"the cache key {path} must belong to you and be readable by you alone (chmod 600)")
        key = handle.read(KEY_BYTES + 1)
    if len(key) != KEY_BYTES:
        raise KeyProblem(f"the cache key {path} is damaged (delete it: a new one is made)")
    return key


class NotARegularFile(OSError):
    pass


def _open_regular_file(path: Path):
    """``path`` opened for reading if it is a regular file. O_NOFOLLOW and O_NONBLOCK: a symlink (to
    /dev/zero, say) is not followed and a FIFO does not block; anything but a regular file (a FIFO,
    a device, a folder) is then refused by its type before a byte is read."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _mac(secret: bytes, kind: str, key: str, payload) -> bytes:
    mac = hmac.new(secret, digestmod=hashlib.sha256)
    mac.update(f"{kind}\0{key}\0".encode())
    mac.update(payload)
    return mac.digest()


class Cache:
    def __init__(self, folder: str | Path = DEFAULT_DIR, key_file: str | Path | None = None):
        self.folder = Path(folder)
        self._key_file = Path(key_file) if key_file is not None else None
        self._secret: bytes | None = None
        self.problem: str | None = None  # why the cache is off, once that is known
        self.written = False  # whether this run stored an entry (and so may have to trim)
        self.answered: Counter[str] = Counter()  # entries of each kind this run was given (for --verbose)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def _key(self) -> bytes | None:
        """The secret, read (or made) when the cache is first used; None keeps the cache off."""
        if self._secret is None and self.problem is None:
            try:
                self._secret = load_or_create_key(self._key_file or key_path())
            except KeyProblem as exc:
                self.problem = str(exc)
        return self._secret

    def get(self, kind: str, key: str, lasting: bool = False, expect: Callable[[object], bool] | None = None):
        """The value stored under ``key``, or None; None too when ``expect`` refuses the value (an
        entry of the wrong type or for another file is no answer). A ``lasting`` value (one kept for the rest of the
        process, like a term index) is moved out of the collector's reach at once (``process_speed``)."""
        secret = self._key()
        if secret is None:
            return None
        payload = self._read_entry(self._path(kind, key))
        if payload is None:
            return None
        payload, mac = payload
        if not hmac.compare_digest(mac, _mac(secret, kind, key, payload)):
            return None  # written by someone without this user's key, or moved from another key
        _touch(self._path(kind, key))
        try:
            with collector_paused(then_freeze=lasting):
                value = _RestrictedUnpickler(io.BytesIO(payload)).load()
        except Exception:  # an entry from another version of mtcheck or its dependencies
            return None
        if expect is not None and not expect(value):
            return None
        self.answered[kind] += 1
        return value

    @staticmethod
    def _read_entry(path: Path) -> tuple[memoryview, bytes] | None:
        """The payload and MAC of the entry at ``path``, if it is a regular file of the right shape."""
        try:
            handle = _open_regular_file(path)
        except OSError:
            return None
        with handle:
            size = os.fstat(handle.fileno()).st_size
            if not _HEADER_BYTES <= size <= MAX_ENTRY_BYTES:
                return None
            header = handle.read(_HEADER_BYTES)
            if len(header) != _HEADER_BYTES or not header.startswith(_MAGIC):
                return None
            length, mac = _HEADER.unpack_from(header, len(_MAGIC))
            if length != size - _HEADER_BYTES:
                return None
            payload = handle.read(length + 1)
        if len(payload) != length:
            return None  # the file changed while it was read
        return memoryview(payload), mac

    def put(self, kind: str, key: str, value) -> None:
        """Store ``value``; a cache that cannot be written is silently skipped."""
        secret = self._key()
        if secret is None:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(payload) + _HEADER_BYTES > MAX_ENTRY_BYTES:
            return
        header = _MAGIC + _HEADER.pack(len(payload), _mac(secret, kind, key, payload))
        path = self._path(kind, key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(header)
                    handle.write(payload)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return
        self.written = True

    def trim(self, max_bytes: int | None = None) -> int:
        """Remove the entries used least recently until the cache holds at most ``max_bytes``
        (default: MTCHECK_CACHE_MAX_MB, else DEFAULT_MAX_BYTES); the number removed. Use is an
        entry's modification time: writing it and every answer it gives renew it."""
        limit = max_bytes if max_bytes is not None else max_bytes_wanted()
        entries = sorted(self.entries(), key=lambda entry: entry.used)
        total = sum(entry.size for entry in entries)
        removed = 0
        for entry in entries:
            if total <= limit:
                break
            try:
                entry.path.unlink()
            except OSError:
                continue
            total -= entry.size
            removed += 1
        return removed

    def entries(self) -> list[Entry]:
        """Every entry file in the cache (regular files under index/ and results/)."""
        found = []
        for kind in KINDS:
            for shard in _scan(self.folder / kind):
                if shard.is_dir(follow_symlinks=False):
                    found += [Entry(Path(item.path), item.stat(follow_symlinks=False).st_size,
                                    item.stat(follow_symlinks=False).st_mtime)
                              for item in _scan(Path(shard.path)) if item.is_file(follow_symlinks=False)]
        return found

    def clean(self) -> tuple[int, int]:
        """Remove every entry (and leftover temporary file); (entries removed, bytes freed). The
        folder itself, its CACHEDIR.TAG and .gitignore stay, and nothing that is not an entry is
        touched: a --cache-dir pointed at the wrong folder cannot lose anyone's files."""
        removed = freed = 0
        for entry in self.entries():
            try:
                entry.path.unlink()
            except OSError:
                continue
            removed += 1
            freed += entry.size
        for kind in KINDS:
            for shard in _scan(self.folder / kind):
                try:
                    os.rmdir(shard.path)  # only if empty
                except OSError:
                    pass
        return removed, freed

    def is_mtcheck_cache(self) -> bool:
        """Whether the folder is one mtcheck made (it holds mtcheck's CACHEDIR.TAG)."""
        try:
            return "mtcheck" in (self.folder / "CACHEDIR.TAG").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False

    def _prepare(self) -> None:
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text("# Created by mtcheck.\n*\n", encoding="utf-8")
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# This is a cache directory created by mtcheck.\n",
            encoding="utf-8",
        )


@dataclass(frozen=True)
class Entry:
    path: Path
    size: int
    used: float  # modification time: when it was written or last answered


def max_bytes_wanted() -> int:
    """The cap from MTCHECK_CACHE_MAX_MB, or the default; a value that is no number is ignored."""
    try:
        return max(0, int(float(os.environ[MAX_BYTES_VARIABLE]) * 2**20))
    except (KeyError, ValueError, OverflowError):
        return DEFAULT_MAX_BYTES


def _scan(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as items:
            return list(items)
    except OSError:
        return []


def _touch(path: Path) -> None:
    """Mark an entry as used now (for the least-recently-used trim); a read-only cache stays as it is."""
    try:
        os.utime(path, follow_symlinks=False)
    except OSError:
        pass


class NoCache(Cache):
    """--no-cache: nothing is read or written."""

    def __init__(self):
        super().__init__(DEFAULT_DIR)

    def get(self, kind: str, key: str, lasting: bool = False, expect=None):
        return None

    def put(self, kind: str, key: str, value) -> None:
        return None
