"""Replace an output directory all at once, so that readers see the old export or the new one,
and never lose a file that an export did not write.

The new export is written into a staging directory beside the target, flushed to disk, then
swapped in with one rename; if anything fails before the swap, the target is left as it was.
Just before the swap, the target is compared with its manifest: a file that no export wrote, or
one changed since, stops the export unless it was forced. Exports into the same parent directory
take turns, so that two at once never mix their files.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from advising_content.export.manifest import MANIFEST_FILE, Audit, audit
from advising_content.export.staging import discard, new_staging, remove_abandoned, unmark
from advising_content.signals import signals_deferred
from advising_content.wording import few, plural


class UnusableOutputDir(Exception):
    """The output directory cannot be used; the message says why, for the person running the
    command."""


def check_output_dir(target: Path, *, force: bool = False) -> Audit:
    """Raise UnusableOutputDir unless ``target`` may be replaced by an export; return how it
    compares with its manifest (what ``force`` would discard)."""
    if target.is_symlink():
        raise UnusableOutputDir(
            f"{target} is a symbolic link; give the directory it points to instead"
        )
    if target.exists() and not target.is_dir():
        raise UnusableOutputDir(f"{target} is a file, not a directory; choose another --out")
    existing = _nearest_existing(target.parent)
    if not existing.is_dir():
        raise UnusableOutputDir(f"{existing} is a file, so {target} cannot be created in it")
    if _on_read_only_file_system(existing):
        raise UnusableOutputDir(f"{existing} is on a read-only file system; choose another --out")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UnusableOutputDir(f"cannot write in {existing}: permission denied")
    if not target.is_dir():
        return Audit()
    found = audit(target)
    _refuse_unless_replaceable(target, found, force)
    return found


def _refuse_unless_replaceable(target: Path, found: Audit, force: bool) -> None:
    if found.unreadable:
        folder = target / found.unreadable[0]
        raise UnusableOutputDir(
            f"{folder} cannot be read, so what replacing {target} would delete is unknown; "
            "make it readable or choose another --out"
        )
    if found.read_only:
        folder = target / found.read_only[0]
        raise UnusableOutputDir(
            f"{folder} is read-only, so the files in it cannot be replaced; make it writable "
            f"(chmod -R u+w {target}) or choose another --out"
        )
    if not found.would_lose or force:
        return
    advice = (
        f"Move them out of {target} or choose another --out; or add --force to replace "
        f"{target} and discard them"
    )
    if not found.has_manifest:
        raise UnusableOutputDir(
            f"{target} holds {plural(len(found.foreign), 'file')} but no {MANIFEST_FILE} of an "
            f"earlier export, so replacing it would delete them ({few(found.foreign)}). {advice}"
        )
    raise UnusableOutputDir(f"replacing {target} would delete {discarded(found)}. {advice}")


def discarded(found: Audit) -> str:
    """What replacing an audited directory loses: '2 files that advising-content did not write
    (NOTES.md, images/logo.png) and 1 exported file changed since (json/a.json)'."""
    parts = []
    if found.foreign:
        what = plural(len(found.foreign), "file")
        parts.append(f"{what} that advising-content did not write ({few(found.foreign)})")
    if found.changed:
        what = plural(len(found.changed), "exported file")
        parts.append(f"{what} changed since it was written ({few(found.changed)})")
    return " and ".join(parts)


def replace_dir(target: Path, write: Callable[[Path], None], *, force: bool = False) -> None:
    """Call ``write`` to fill a new directory, then put that directory in place of ``target``.

    Raises UnusableOutputDir, leaving ``target`` as it was, when ``target`` holds what
    ``check_output_dir`` refuses to replace.
    """
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    with _turn(parent):
        remove_abandoned(target)
        staging = new_staging(target)
        try:
            write(staging)
            unmark(staging)
            _sync_tree(staging)
            check_output_dir(target, force=force)
            # Once swapped, the previous export is removed before Ctrl-C or SIGTERM is heard.
            with signals_deferred():
                if _swap_in(staging, target):
                    _discard_quietly(staging)  # it now holds the previous export
        except BaseException:
            _discard_quietly(staging)
            raise
        _sync(parent)


def _discard_quietly(directory: Path) -> None:
    # What cannot be removed keeps its marker, and the next export removes it.
    with signals_deferred(), contextlib.suppress(OSError):
        discard(directory)


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _on_read_only_file_system(path: Path) -> bool:
    if not hasattr(os, "statvfs"):
        return False
    return bool(os.statvfs(path).f_flag & os.ST_RDONLY)


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


def _swap_in(staging: Path, target: Path) -> bool:
    """Move ``staging`` to ``target``; True when a previous ``target`` is now at ``staging``."""
    if not target.exists():
        os.rename(staging, target)
        return False
    if _exchange(staging, target):
        return True
    retired = staging.with_suffix(".old")
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(retired, target)
        raise
    os.rename(retired, staging)
    return True


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
