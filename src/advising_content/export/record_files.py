"""Where each record's files go as it is exported, in whichever process renders it: its own files
in the new export, and its share of the files every record adds to (its CSV rows, its answers on
the site's question pages) in a spool file of the process, read back in order of key once every
record is done.

Everything is written through a descriptor of the staging directory, so that a worker that
outlives a killed export cannot make that directory again once it has been removed.
"""

from __future__ import annotations

import array
import contextlib
import errno
import hashlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

SPOOL_PREFIX = ".advising-content-spool-"
# A file as written: its name in the export, its size and its SHA-256 digest.
WrittenFile = tuple[str, int, bytes]
# Windows would write text (its line ends) but for O_BINARY.
_BINARY = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY
_SPOOL_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
# Where the platform cannot (Windows), files are named by their whole path instead.
_BY_DESCRIPTOR = {os.open, os.mkdir} <= os.supports_dir_fd


class SpoolSlice(NamedTuple):
    """Where a record's shares are: in which spool, from which byte, and the size of each (as
    an array of unsigned 64-bit numbers, for a small footprint)."""

    spool: str
    offset: int
    sizes: bytes

    def size(self, index: int) -> int:
        return _sizes(self.sizes)[index]

    def start(self, index: int) -> int:
        return self.offset + sum(_sizes(self.sizes)[:index])


def _sizes(packed: bytes) -> memoryview:
    return memoryview(packed).cast("Q")


class RecordFiles:
    """Writes records' files under ``root``, the staging directory, and spools their shares."""

    def __init__(self, root: Path) -> None:
        self._path = root
        self._root = os.open(root, os.O_RDONLY) if _BY_DESCRIPTOR else None
        self._folders: set[str] = set()
        self._spool: int | None = None
        self._spool_name = f"{SPOOL_PREFIX}{os.getpid()}"
        self._spooled = 0
        self._written: list[WrittenFile] = []

    def write(self, relative: str, data: bytes) -> None:
        """Write the file ``relative``, its folders made as needed."""
        folder, _, _ = relative.rpartition("/")
        if folder and folder not in self._folders:
            self._make_folders(folder)
        descriptor = os.open(self._at(relative), _FILE_FLAGS, 0o666, dir_fd=self._root)
        try:
            _write_all(descriptor, data)
        finally:
            os.close(descriptor)
        self._written.append((relative, len(data), hashlib.sha256(data).digest()))

    def take_written(self) -> tuple[WrittenFile, ...]:
        """The files written since this was last asked: each one's name, size and checksum."""
        written = tuple(self._written)
        self._written.clear()
        return written

    def spool(self, shares: Sequence[bytes]) -> SpoolSlice:
        """Append a record's shares to this process's spool; return where they are."""
        if self._spool is None:
            name = self._at(self._spool_name)
            self._spool = os.open(name, _SPOOL_FLAGS, 0o600, dir_fd=self._root)
        sizes = array.array("Q", [len(part) for part in shares]).tobytes()
        where = SpoolSlice(self._spool_name, self._spooled, sizes)
        data = b"".join(shares)
        _write_all(self._spool, data)
        self._spooled += len(data)
        return where

    def close(self) -> None:
        for descriptor in (self._spool, self._root):
            if descriptor is not None:
                os.close(descriptor)
        self._spool = self._root = None

    def _at(self, relative: str) -> str:
        return relative if self._root is not None else os.path.join(self._path, relative)

    def _make_folders(self, folder: str) -> None:
        parts = folder.split("/")
        for end in range(1, len(parts) + 1):
            path = "/".join(parts[:end])
            if path in self._folders:
                continue
            with contextlib.suppress(FileExistsError):
                os.mkdir(self._at(path), dir_fd=self._root)
            self._folders.add(path)


class SpoolReader:
    """Reads records' shares back from the spools under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._open: dict[str, int] = {}

    def share(self, where: SpoolSlice, index: int) -> bytes:
        """The record's share number ``index``."""
        return _read_all(self._descriptor(where), where.size(index), where.start(index))

    def run(self, where: SpoolSlice, first: int, count: int) -> list[bytes]:
        """The record's ``count`` shares from number ``first``, read at once."""
        sizes = _sizes(where.sizes)[first : first + count]
        data = _read_all(self._descriptor(where), sum(sizes), where.start(first))
        shares, start = [], 0
        for size in sizes:
            shares.append(data[start : start + size])
            start += size
        return shares

    def _descriptor(self, where: SpoolSlice) -> int:
        descriptor = self._open.get(where.spool)
        if descriptor is None:
            descriptor = os.open(self.root / where.spool, os.O_RDONLY | _BINARY)
            self._open[where.spool] = descriptor
        return descriptor

    def shares(self, slices: Sequence[SpoolSlice], index: int) -> Iterator[bytes]:
        """Share number ``index`` of each record, in the order of ``slices``."""
        for where in slices:
            yield self.share(where, index)

    def close(self) -> None:
        """Close the spools and remove every one under ``root``, those of a worker that died
        midway too."""
        for descriptor in self._open.values():
            os.close(descriptor)
        self._open.clear()
        for name in os.listdir(self.root):
            if name.startswith(SPOOL_PREFIX):
                os.unlink(self.root / name)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _read_all(descriptor: int, size: int, offset: int) -> bytes:
    data = b""
    while len(data) < size:
        more = _read_at(descriptor, size - len(data), offset + len(data))
        if not more:
            raise OSError(errno.EIO, "a spool file ended early")
        data += more
    return data


def _read_at(descriptor: int, size: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(descriptor, size, offset)
    os.lseek(descriptor, offset, os.SEEK_SET)  # Windows
    return os.read(descriptor, size)
