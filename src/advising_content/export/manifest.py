"""The export's manifest: every file it wrote, with its size and SHA-256 checksum.

An export replaces its output directory as a whole. The manifest is how it knows, before doing
so, that the directory holds nothing but an earlier export, unchanged: any other file (a page of
a static site, a ``.git`` folder) or any exported file edited since is named, and kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

MANIFEST_FILE = "manifest.json"
_GENERATOR = "advising-content"
_CHUNK = 1024 * 1024


class FileEntry(NamedTuple):
    size: int
    sha256: str


class WrittenFiles:
    """Writes an export's files under ``root``, keeping the size and checksum of each."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries: dict[str, FileEntry] = {}

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def write_bytes(self, relative: str, data: bytes) -> None:
        self._prepare(relative).write_bytes(data)
        self.entries[relative] = FileEntry(len(data), hashlib.sha256(data).hexdigest())

    @contextlib.contextmanager
    def open_text(self, relative: str) -> Iterator[IO[str]]:
        """A text stream to write the file (UTF-8, line ends untouched); it is checksummed
        once closed."""
        path = self._prepare(relative)
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        self.entries[relative] = entry_of(path)

    @contextlib.contextmanager
    def open_bytes(self, relative: str) -> Iterator[HashedStream]:
        """A binary stream to write the file; it is checksummed as it is written."""
        with self._prepare(relative).open("wb") as stream:
            hashed = HashedStream(stream)
            yield hashed
        self.entries[relative] = hashed.entry()

    def write_manifest(
        self, generator_version: str, more: Iterable[tuple[str, FileEntry]] = ()
    ) -> None:
        """Write the manifest of every file written so far and of ``more`` files written
        otherwise; it does not list itself."""
        from advising_content.export.json_text import streamed

        head = {
            "generator": _GENERATOR,
            "generator_version": generator_version,
            "description": (
                "Every file of this export, with its size in bytes and its SHA-256 checksum. "
                "advising-content replaces this directory only while it holds these files, "
                "unchanged, and nothing else."
            ),
            "files": {},
        }
        entries = {**self.entries}
        entries.update(more)
        files = (
            (name, {"bytes": entries[name].size, "sha256": entries[name].sha256})
            for name in sorted(entries)
        )
        with (self.root / MANIFEST_FILE).open("w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(streamed(head, "files", files, mapping=True))

    def _prepare(self, relative: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        return path


class HashedStream:
    """Writes to a binary stream, keeping the size and checksum of what it wrote."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._digest = hashlib.sha256()
        self._size = 0

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._digest.update(data)
        self._size += len(data)

    def entry(self) -> FileEntry:
        return FileEntry(self._size, self._digest.hexdigest())


def read_manifest(directory: Path) -> dict[str, FileEntry] | None:
    """The files the manifest in ``directory`` lists, or None when there is no readable one."""
    try:
        document = json.loads((directory / MANIFEST_FILE).read_text("utf-8"))
        if document.get("generator") != _GENERATOR:
            return None
        files = document["files"]
        return {
            str(name): FileEntry(int(entry["bytes"]), str(entry["sha256"]))
            for name, entry in files.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


@dataclass
class Audit:
    """How a directory compares with its manifest: what replacing it would lose or cannot do."""

    has_manifest: bool = False
    foreign: list[str] = field(default_factory=list)  # not written by an export
    changed: list[str] = field(default_factory=list)  # exported, then changed
    unreadable: list[str] = field(default_factory=list)  # folders that cannot be listed
    read_only: list[str] = field(default_factory=list)  # folders whose entries cannot be removed
    exported_folders: set[str] = field(default_factory=set)  # where the manifest puts files

    @property
    def would_lose(self) -> list[str]:
        return sorted(self.foreign + self.changed)

    def foreign_by_folder(self) -> list[str]:
        """The foreign entries, a folder that holds nothing exported counted as one:
        ``['.git/ (48 items)', 'NOTES.md', 'images/logo.png']``."""
        groups: dict[str, list[str]] = {}
        for path in self.foreign:
            groups.setdefault(self._foreign_folder(path) or path, []).append(path)
        return [
            members[0] if len(members) == 1 else f"{key}/ ({len(members):,} items)"
            for key, members in sorted(groups.items())
        ]

    def _foreign_folder(self, path: str) -> str | None:
        parts = path.rstrip("/").split("/")
        for length in range(1, len(parts)):
            folder = "/".join(parts[:length])
            if folder not in self.exported_folders:
                return folder
        return None


def audit(directory: Path) -> Audit:
    """Compare ``directory`` with the manifest it holds, file by file, without following links."""
    manifest = read_manifest(directory)
    listed = manifest or {}
    folders = {Path(name).parent.as_posix() for name in listed} | {"."}
    result = Audit(has_manifest=manifest is not None, exported_folders=folders)

    def unlistable(error: OSError) -> None:
        result.unreadable.append(_relative(directory, Path(error.filename or directory)))

    for folder, directories, names in os.walk(directory, onerror=unlistable):
        here = Path(folder)
        relative_folder = _relative(directory, here)
        if (directories or names) and not os.access(here, os.W_OK | os.X_OK):
            result.read_only.append(relative_folder)  # its entries cannot be removed
        if relative_folder not in folders and not directories and not names:
            result.foreign.append(relative_folder + "/")
        for name in directories:
            if (here / name).is_symlink():  # os.walk lists it, but does not enter it
                result.foreign.append(_relative(directory, here / name))
        for name in names:
            _audit_file(directory, here / name, listed, result)
    for found in (result.foreign, result.changed, result.unreadable, result.read_only):
        found.sort()
    return result


def _audit_file(root: Path, path: Path, listed: dict[str, FileEntry], result: Audit) -> None:
    relative = _relative(root, path)
    if relative == MANIFEST_FILE and result.has_manifest:
        return
    entry = listed.get(relative)
    if entry is None:
        result.foreign.append(relative)
    elif path.is_symlink() or not path.is_file() or not _matches(path, entry):
        result.changed.append(relative)


def entry_of(path: Path) -> FileEntry:
    """The size and checksum of the file at ``path``."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return FileEntry(size, digest.hexdigest())


def _matches(path: Path, entry: FileEntry) -> bool:
    try:
        return path.stat().st_size == entry.size and entry_of(path) == entry
    except OSError:
        return False


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
