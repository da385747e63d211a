"""Atomic file writes (a reader, or a crash, never sees half a file) and content hashes (to
tell whether a file changed since it was read, and to key caches on what a file holds)."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# How long a save waits for another save of the same file to finish. A save holds the lock
# only to compare hashes and rename (milliseconds), so a wait this long means a stuck process.
LOCK_TIMEOUT = 30.0


class FileBusy(OSError):
    """Another process held a file's lock for :data:`LOCK_TIMEOUT` seconds; nothing was written."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    """Return the lock file that guards writes to ``path``: ``.NAME.lock`` beside it (empty,
    kept between saves: removing a lock file while another process waits on it would let
    two writers in)."""
    target = Path(path)
    return target.parent / f".{target.name}.lock"


@contextlib.contextmanager
def locked(path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the OS lock on ``path`` (across processes and threads) for the ``with`` block.

    Every atomic write of ``path`` takes it, so a check of the file and the write that
    follows it under one ``with`` are one step to every other writer: compare-and-swap.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise FileBusy(
            f"{Path(path).name} is being saved by someone else and has been for over "
            f"{timeout:.0f} seconds; nothing was written, try again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Return the temporary files of unfinished writes of ``path`` (a write killed between
    creating its temporary file and renaming it leaves one)."""
    target = Path(path)
    return sorted(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))


def replace_locked(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write_bytes`); the caller
    holds :func:`locked` on ``path``.

    Under the lock no other locked write of ``path`` is under way, so any temporary file of
    it left in the folder is a killed write's, and is removed first.
    """
    for stale in temp_files(path):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
    _write_and_rename(Path(path), data)


def _write_and_rename(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, lock: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    The rename is atomic on POSIX and Windows, so ``path`` holds either its old content or
    the new, never a mix. An existing file's permissions are kept. With ``lock`` (map files,
    which several people save), the write holds ``path``'s lock (:func:`locked`) and first
    removes the temporary files of earlier writes that were killed.
    """
    if lock:
        with locked(path):
            replace_locked(path, data)
    else:
        _write_and_rename(Path(path), data)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, lock: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"), lock=lock)


def content_hash(data: bytes) -> str:
    """Return the SHA-256 hex digest of a file's bytes.

    >>> content_hash(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()
