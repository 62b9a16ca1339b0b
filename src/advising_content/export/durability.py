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
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
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
        if _syncfs() is not None:
            self._descriptor = os.open(root, os.O_RDONLY | os.O_DIRECTORY)

    def flush(self) -> None:
        """Return once every file and folder under ``root`` is on disk; raise OSError if a write
        to the file system failed since this flush was made."""
        syncfs = _syncfs()
        if self._descriptor is None or syncfs is None:
            sync_tree(self.root)
            return
        if syncfs(self._descriptor) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(self.root))

    def __enter__(self) -> TreeFlush:
        return self

    def __exit__(self, *exception: object) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


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
