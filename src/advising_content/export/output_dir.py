"""Replace an output directory all at once, so that readers see the old export or the new one.

The new export is written into a temporary directory beside the target, flushed to disk, then
swapped in with renames; if anything fails before the swap, the target is left as it was.
Exports into the same parent directory take turns, so that two at once never mix their files.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from advising_content.export.json_documents import is_export_index
from advising_content.export.layout import INDEX_FILE


class UnusableOutputDir(Exception):
    """The output directory cannot be used; the message says why, for the person running the
    command."""


def check_output_dir(target: Path) -> None:
    """Raise UnusableOutputDir unless ``target`` may be replaced by an export."""
    if target.is_symlink():
        raise UnusableOutputDir(
            f"{target} is a symbolic link; give the directory it points to instead"
        )
    if target.exists() and not target.is_dir():
        raise UnusableOutputDir(f"{target} is a file, not a directory; choose another --out")
    if target.is_dir() and any(target.iterdir()) and not _is_previous_export(target):
        raise UnusableOutputDir(
            f"{target} holds files that are not an export of advising-content; an export "
            "replaces the whole directory, so choose a new or empty directory"
        )
    existing = _nearest_existing(target.parent)
    if not existing.is_dir():
        raise UnusableOutputDir(f"{existing} is a file, so {target} cannot be created in it")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UnusableOutputDir(f"cannot write in {existing}: permission denied")


def replace_dir(target: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` to fill a new directory, then put that directory in place of ``target``."""
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    with _turn(parent):
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=parent))
        try:
            staging.chmod(0o777 & ~_umask())
            write(staging)
            _sync_tree(staging)
            _swap_in(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _sync(parent)


def _is_previous_export(directory: Path) -> bool:
    index = directory / INDEX_FILE
    try:
        return index.is_file() and is_export_index(index.read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _turn(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` (where the platform has one)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks on directories
        yield
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _sync(path: Path) -> None:
    if sys.platform == "win32":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_tree(root: Path) -> None:
    for directory, _, files in os.walk(root):
        for name in files:
            _sync(Path(directory, name))
        _sync(Path(directory))


def _swap_in(staging: Path, target: Path) -> None:
    """Move ``staging`` to ``target``; a previous ``target`` ends up at ``staging`` and is removed
    with it."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        return
    retired = staging.with_suffix(".old")
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(retired, target)
        raise
    os.rename(retired, staging)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories in one step (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # the file system cannot
        return False
    raise OSError(error, os.strerror(error), str(second))
