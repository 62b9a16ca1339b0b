"""The temporary directories an export works in, beside its output directory.

A new export is built in ``.DIR.<random>.new``; once swapped in, the same name holds the previous
export until it is removed. A process that is killed can leave one behind. The next export to
DIR removes such a directory when it can prove it is ours: it is named by this pattern and either
holds the marker file written before anything else (and removed after everything else), or is
empty, or holds exactly the files its manifest lists, unchanged.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from advising_content.export.manifest import audit

MARKER = ".advising-content-temporary"
_MARKER_TEXT = "This directory is temporary: advising-content made it, and removes it.\n"
# How many times removing a directory is tried, when something is written in it meanwhile.
_ATTEMPTS = 3


def new_staging(target: Path) -> Path:
    """Create an empty, marked staging directory beside ``target``, with the mode a directory
    created by hand would have."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    _mark(staging)
    staging.chmod(0o777 & ~_umask())
    return staging


def unmark(staging: Path) -> None:
    """Remove the marker from a finished staging directory, before it becomes DIR."""
    (staging / MARKER).unlink()


def discard(directory: Path) -> None:
    """Remove a directory of ours, marker last, so that an interrupted removal can be finished
    by the next export."""
    with contextlib.suppress(OSError):  # its mode may be a read-only one it was given
        directory.chmod(stat.S_IMODE(directory.stat().st_mode) | stat.S_IRWXU)
    for attempt in range(_ATTEMPTS):
        _mark(directory)
        _empty_but_for_marker(directory)
        os.unlink(directory / MARKER)
        try:
            os.rmdir(directory)
            return
        except OSError as error:
            # Written to meanwhile: by a worker of a killed export, in the moment before it
            # noticed and stopped.
            if error.errno not in (errno.ENOTEMPTY, errno.EEXIST) or attempt == _ATTEMPTS - 1:
                _mark(directory)
                raise


def _empty_but_for_marker(directory: Path) -> None:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name == MARKER:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)


def remove_abandoned(target: Path) -> list[Path]:
    """Remove the staging directories of ``target`` that are provably ours; call this only
    while holding the lock that exports to ``target`` take, so that none is in use."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\..+\.(?:new|old)")
    removed = []
    with os.scandir(target.parent) as entries:
        candidates = [
            Path(entry.path)
            for entry in entries
            if pattern.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)
        ]
    for candidate in candidates:
        try:
            if _provably_ours(candidate):
                discard(candidate)
                removed.append(candidate)
        except OSError:
            continue  # left as it is; a later export may manage
    return removed


def _provably_ours(directory: Path) -> bool:
    marker = directory / MARKER
    if marker.is_file() and not marker.is_symlink():
        return True
    if not any(directory.iterdir()):
        return True
    found = audit(directory)
    return found.has_manifest and not found.would_lose and not found.unreadable


def _mark(directory: Path) -> None:
    marker = directory / MARKER
    if not marker.is_file():
        marker.write_text(_MARKER_TEXT, encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
