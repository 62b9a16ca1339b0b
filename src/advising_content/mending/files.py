"""Mend one content file in place: read it as the validator does, mend its text, and write it
whole or not at all, only when something changed, keeping its byte-order mark, line ends and
permissions. A symbolic link is written through only to a file inside the folder checked."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import secrets
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from advising_content.limits import MAX_FILE_BYTES, size_comparison
from advising_content.mending.changes import Mend, Note
from advising_content.mending.mender import Mending, mend_text
from advising_content.problems import Problem
from advising_content.reading.decoding import decode


class Status(Enum):
    MENDED = "mended"
    UNCHANGED = "nothing to mend"
    REFUSED = "not mended"


@dataclass
class FileOutcome:
    """What ``fix`` did to one file (or, without writing, would do): the mends, the problems
    left to mend by hand (placed in the file as it now is), or why it was left as it is."""

    path: str
    status: Status
    counts: Counter[Mend] = field(default_factory=Counter)
    leftovers: list[Problem] = field(default_factory=list)
    note: Note | None = None
    before: str = ""
    after: str = ""


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def mend_file(path: str, folder: str, *, write: bool) -> FileOutcome:
    """Mend the file at ``path``, found in ``folder`` (the folder searched, or the file's
    own); with ``write`` False, only say what would change."""
    try:
        raw = _read(path)
        mending = _mended(path, raw)
        if mending.note is not None:
            return FileOutcome(path, Status.REFUSED, note=mending.note)
        if mending.after == mending.before:
            return FileOutcome(path, Status.UNCHANGED, leftovers=mending.leftovers)
        target = _target(path, folder)
        if write:
            _replace(target, raw, _encoded(raw, mending.after))
    except _Refused as refused:
        return FileOutcome(path, Status.REFUSED, note=Note(1, 1, refused.message))
    except OSError as error:
        doing = "written" if isinstance(error, _WriteError) else "read"
        message = f"the file cannot be {doing}: {error.strerror or error}"
        return FileOutcome(path, Status.REFUSED, note=Note(1, 1, message))
    leftovers = (
        mending.leftovers if write else [mending.placed_before(p) for p in mending.leftovers]
    )
    return FileOutcome(
        path, Status.MENDED, mending.counts, leftovers, None, mending.before, mending.after
    )


def _mended(path: str, raw: bytes) -> Mending:
    text = decode(path, raw)
    if isinstance(text, Problem):
        return Mending("", "", note=Note(text.line, text.column, text.message))
    return mend_text(path, text)


def _encoded(raw: bytes, text: str) -> bytes:
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    return bom + text.encode("utf-8")


def _read(path: str) -> bytes:
    """The bytes of a regular file, as the validator reads it (never waiting on a pipe)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        size = max(status.st_size, len(raw))
        raise _Refused(f"{size_comparison(size, MAX_FILE_BYTES)}, so it was not read")
    return raw


def _target(path: str, folder: str) -> str:
    """The file to write: ``path``, or the file its symbolic link leads to when that is inside
    ``folder``; refused when it is read-only."""
    target = path
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not inside(target, os.path.realpath(folder)):
            raise _Refused(
                "the file is a symbolic link to a file outside the folder checked, so it was "
                "not changed; run fix on the file it leads to"
            )
    if not os.access(target, os.W_OK):
        raise _Refused("the file is read-only, so it was not changed")
    return target


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def searched_folder(path: str, named: Sequence[str]) -> str:
    """The folder ``path`` was found in: the first folder of ``named`` that holds it, else the
    file's own folder."""
    own = os.path.dirname(path) or "."
    for folder in named:
        if os.path.isdir(folder) and inside(os.path.realpath(own), os.path.realpath(folder)):
            return folder
    return own


class _WriteError(OSError):
    pass


def _replace(target: str, before: bytes, after: bytes) -> None:
    """Write ``after`` to ``target`` whole, in place of ``before``, keeping its permissions;
    refused when the file changed since it was read."""
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(6)}.fix")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise _WriteError(error.errno, error.strerror) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(after)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        if _read(target) != before:
            raise _Refused("the file changed while it was being mended; run fix again")
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise _WriteError(error.errno, error.strerror) from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
