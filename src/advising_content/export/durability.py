"""Put a finished export on disk before it is swapped in, so that a crash after the swap finds DIR
whole, never a directory whose files were still in memory.

Everything under the staging directory must be on disk before the rename that swaps it in:
each file's data, and each directory's entries. On Linux 5.8 and later one ``syncfs`` of the
staging directory's file system does that in one flush, and reports any write that failed on
that file system since the directory was opened (its descriptor is opened as the directory is
made, before anything is written, so that no failure in between is missed); the files may have
been written by other processes (the export's workers). Elsewhere, and on older kernels whose
``syncfs`` reports no failure, every file and directory is flushed with its own ``fsync``. After
the swap, the parent directory is flushed, so that the rename itself is on disk.

Once most of the export is written (each record's files), ``flush_ahead`` starts a first
``syncfs`` in a thread while the rest is written; the final flush then has less left to do.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

# The first Linux whose syncfs reports writes that failed (errors tracked per file system).
_SYNCFS_REPORTS_FROM = (5, 8)


class TreeFlush:
    """Makes what is written under ``root`` from now on durable, in one flush where it can."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._descriptor: int | None = None
        self._ahead: threading.Thread | None = None
        self._ahead_error: OSError | None = None
        if _syncfs() is not None:
            self._descriptor = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
            _ACTIVE[root] = self

    def ahead(self) -> None:
        """Start flushing what is written so far, in a thread (where one flush can do it)."""
        if self._descriptor is not None and self._ahead is None:
            self._ahead = threading.Thread(target=self._flush_ahead, daemon=True)
            self._ahead.start()

    def flush(self) -> None:
        """Return once every file and folder under ``root`` is on disk; raise OSError if a write
        to the file system failed since this flush was made."""
        if self._descriptor is None:
            sync_tree(self.root)
            return
        self._join_ahead()
        if self._ahead_error is not None:
            raise self._ahead_error
        self._syncfs()

    def _flush_ahead(self) -> None:
        try:
            self._syncfs()
        except OSError as error:
            self._ahead_error = error

    def _syncfs(self) -> None:
        syncfs = _syncfs()
        if syncfs is None or self._descriptor is None:
            raise RuntimeError("syncfs is not in use")
        if syncfs(self._descriptor) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(self.root))

    def _join_ahead(self) -> None:
        if self._ahead is not None:
            self._ahead.join()

    def __enter__(self) -> TreeFlush:
        return self

    def __exit__(self, *exception: object) -> None:
        self._join_ahead()
        _ACTIVE.pop(self.root, None)
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


_ACTIVE: dict[Path, TreeFlush] = {}


def flush_ahead(root: Path) -> None:
    """Start putting on disk what is written under ``root`` so far, while more is written, when
    ``root`` is being made durable by a TreeFlush (else nothing)."""
    found = _ACTIVE.get(root)
    if found is not None:
        found.ahead()


def sync(path: Path) -> None:
    """Flush one file, or one directory's entries, to disk."""
    if sys.platform == "win32":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_tree(root: Path) -> None:
    """Flush every file and directory under ``root``, one at a time."""
    for directory, _, files in os.walk(root):
        for name in files:
            sync(Path(directory, name))
        sync(Path(directory))


@cache
def _syncfs() -> Callable[[int], int] | None:
    """The C library's syncfs, where it reports failed writes; else None."""
    if not sys.platform.startswith("linux") or _kernel() < _SYNCFS_REPORTS_FROM:
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int,)
    function.restype = ctypes.c_int
    return function


def _kernel() -> tuple[int, int]:
    found = re.match(r"(\d+)\.(\d+)", os.uname().release)
    return (int(found[1]), int(found[2])) if found else (0, 0)
