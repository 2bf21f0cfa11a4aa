"""Writing reports and fixed files: whole or not at all, and never over what another program wrote."""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mtcheck.errors import InputError, Problem

try:
    import fcntl
except ImportError:  # Windows: a file another process holds open cannot be deleted there, which is the same guard
    fcntl = None

TEMPORARY_SUFFIX = ".mtcheck.tmp"
_DEFERRED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_OPEN_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def write_atomic(path: str | Path, text: str | bytes | Iterable[str]) -> None:
    """Write via a temporary file in the same folder and a rename, so no reader sees half a file.

    An existing file keeps its permission bits, and its owner and group where the system allows
    (root, or a group the user is in). The data is flushed to disk before the rename, and
    Ctrl-C (or SIGTERM) waits until the file is done, so an interrupt leaves the old file or the new
    one and no temporary file. A killed run (SIGKILL) can leave ``.NAME.mtcheck.tmp``; the next write
    of NAME removes it. A device, FIFO or terminal (``-o /dev/null``) is written directly: renaming
    over it would replace the device itself.
    """
    path = Path(path)
    try:
        if _is_special(path):
            _write_directly(path, text)
            return
        with interrupts_deferred():
            _replace(path, text)
    except OSError as exc:
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None


class FileChanged(InputError):
    """The file no longer holds what was read: another program wrote it meanwhile."""


def rewrite(path: str | Path, before: bytes, after: bytes) -> None:
    """Put ``after`` in place of ``before`` in ``path``, unless another program changed the file
    since ``before`` was read from it: then FileChanged, and the file is left as that program left it.
    The file is compared just before it is replaced (or written), so an edit made while ``after``
    was computed, or while it was being flushed to disk, is never lost; only one made in the
    microseconds between that comparison and the rename can be.

    A file is replaced atomically (``write_atomic``) when the new one can be the same file to
    everyone: the same permissions, owner and group. Otherwise it is rewritten in place, as vim
    (backupcopy=auto) and emacs (backup-by-copying-when-linked/-mismatch) do: a file with several
    hard links (a rename would give this name a new file and leave the other names with the old
    text, silently, as sed -i does), or someone else's file we may write but cannot give back to
    them. Rewriting in place is not atomic; an error (a full disk) puts the old text back, and
    Ctrl-C waits, so only a crash of the machine mid-write can leave it half written.
    """
    path = Path(path)
    try:
        with interrupts_deferred():
            if path.stat().st_nlink > 1 or not _replace(path, after, unchanged=before):
                _rewrite_in_place(path, before, after)
    except OSError as exc:
        raise InputError(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None


def _changed(path: Path) -> FileChanged:
    return FileChanged(Problem(str(path), "changed while mtcheck fix ran: left as it is now, not fixed; run mtcheck fix again"))


def _rewrite_in_place(path: Path, before: bytes, after: bytes) -> None:
    with open(path, "r+b", buffering=0) as handle:  # unbuffered: no bytes of ``after`` left to flush after an error
        if handle.readall() != before:
            raise _changed(path)
        try:
            _overwrite(handle.fileno(), after)
        except OSError:
            _overwrite(handle.fileno(), before)  # fits: the file held it a moment ago
            raise


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    rest = memoryview(data)
    while rest:
        rest = rest[os.write(fd, rest):]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def temporary_path(path: Path) -> Path:
    """Where ``path`` is staged: one fixed name per file, so that a later run can find the one a killed run left."""
    return path.with_name(f".{path.name}{TEMPORARY_SUFFIX}")


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP until the block is done, then deliver them as they would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield  # Python sets signal handlers in the main thread only
        return
    received: list[int] = []
    previous = {number: signal.getsignal(number) for number in _DEFERRED_SIGNALS}
    previous = {number: handler for number, handler in previous.items() if handler is not None}
    for number in previous:
        signal.signal(number, lambda received_number, frame: received.append(received_number))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in received:
            signal.raise_signal(number)


def _is_special(path: Path) -> bool:
    """An existing path that is not a regular file (nor a folder: writing to that fails with its own error)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_directly(path: Path, text: str | bytes | Iterable[str]) -> None:
    if isinstance(text, bytes):
        with open(path, "wb") as handle:
            handle.write(text)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)


def _replace(path: Path, text: str | bytes | Iterable[str], unchanged: bytes | None = None) -> bool:
    """Write ``text`` to a temporary file and rename it over ``path``. With ``unchanged``: only if
    ``path`` still holds that (else FileChanged), and only if the temporary file can take the
    owner and group of ``path`` (else False, and nothing is written)."""
    existing = _status(path)
    mode = existing.st_mode & 0o7777 if existing else _new_file_mode()
    temporary = temporary_path(path)
    fd = _create_locked(temporary)
    # The lock is held until the file is renamed or removed: no other run can take it for a stale one meanwhile.
    with (os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
        try:
            handle.writelines([text] if isinstance(text, (str, bytes)) else text)
            handle.flush()
            os.fsync(handle.fileno())
            owned = existing is None or _take_owner(handle.fileno(), existing)
            if not owned and unchanged is not None:  # a report may change hands; a fixed text may not
                os.unlink(temporary)
                return False
            os.chmod(temporary, mode)  # after the owner: chown clears the set-user-ID bits
            if unchanged is not None and _read(path) != unchanged:
                raise _changed(path)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    return True


def _status(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _take_owner(fd: int, original: os.stat_result) -> bool:
    """Give the file open at ``fd`` the owner and group of ``original``, or at least its group;
    whether both are now the same."""
    wanted = _owner_of(original)
    if _owner_of(os.fstat(fd)) == wanted or not hasattr(os, "fchown"):
        return True
    for uid, gid in (wanted, (-1, wanted[1])):  # root can do both; a user can choose among their groups
        try:
            os.fchown(fd, uid, gid)
        except OSError:
            continue
        if _owner_of(os.fstat(fd)) == wanted:
            return True
    return False


def _owner_of(status: os.stat_result) -> tuple[int, int]:
    return status.st_uid, status.st_gid


def _read(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _create_locked(temporary: Path) -> int:
    """Create and lock ``temporary``, first removing one that a killed run left behind."""
    for _ in range(3):
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _OPEN_FLAGS, 0o600)
        except FileExistsError:
            _remove_stale(temporary)
            continue
        _lock(fd, wait=True)
        if os.fstat(fd).st_nlink:  # another run did not remove it as stale in the instant before the lock
            return fd
        os.close(fd)
    raise OSError(errno.EBUSY, f"{temporary.name} keeps being replaced by another run")


def _remove_stale(temporary: Path) -> None:
    """Remove ``temporary`` if no live run holds its lock (a run killed while writing)."""
    try:
        fd = os.open(temporary, os.O_RDONLY | _OPEN_FLAGS)
    except FileNotFoundError:
        return  # its run has just renamed or removed it
    try:
        if not _lock(fd, wait=False):
            raise OSError(errno.EBUSY, f"another mtcheck run is writing it ({temporary.name} is locked)")
        if os.path.samestat(os.fstat(fd), os.stat(temporary)):  # still the file that was locked, not a newer one
            os.unlink(temporary)
    except FileNotFoundError:
        pass
    finally:
        os.close(fd)


def _lock(fd: int, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _new_file_mode() -> int:
    """What open() would give a new file (0o666 less the umask): the temporary file's 0o600 would hide reports."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def refuse_to_overwrite_inputs(outputs: Iterable[tuple[str, str | None]],
                               inputs: Iterable[tuple[str, str | Path]]) -> None:
    """Raise InputError when an output file is a file the run reads, before anything is written: the
    report would replace its own input. ``outputs`` are (option, path) pairs, ``inputs`` (what it is,
    path) pairs. A file is the same however its path is spelled (``./a.txt``, a symbolic or hard link):
    compared by device and inode, as os.path.samefile does. Only regular files count: ``-o /dev/null``
    replaces nothing."""
    read: dict[tuple[int, int], tuple[str, str]] = {}
    for what, path in inputs:
        if (identity := _file_identity(path)) is not None:
            read.setdefault(identity, (what, str(path)))
    problems = []
    for option, path in outputs:
        if path and (found := read.get(_file_identity(path))):
            what, input_path = found
            problems.append(Problem(path, f"{option} would overwrite the {what} {input_path} that this run reads: "
                                          "nothing was written"))
    if problems:
        raise InputError(problems)


def _file_identity(path: str | Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # missing, unreadable, or a name the system refuses: it is no input then
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None
