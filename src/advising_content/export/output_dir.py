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
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from advising_content.export.durability import TreeFlush, sync
from advising_content.export.manifest import MANIFEST_FILE, Audit, audit
from advising_content.export.staging import discard, new_staging, remove_abandoned, unmark
from advising_content.signals import signals_deferred
from advising_content.wording import few, plural


class UnusableOutputDir(Exception):
    """The output directory cannot be used; the message says why, for the person running the
    command."""


def check_output_dir(target: Path, *, force: bool = False) -> Audit:
    """Raise UnusableOutputDir unless ``target`` may be replaced by an export; return how it
    compares with its manifest (what ``force`` would discard).

    An export running meanwhile is waited for, so that ``target`` is never seen half replaced.
    """
    parent = Path(os.path.abspath(target)).parent
    if not parent.is_dir():
        return _checked(target, force)
    with _turn(parent):
        return _checked(target, force)


def _checked(target: Path, force: bool) -> Audit:
    if target.is_symlink():
        raise UnusableOutputDir(
            f"{target} is a symbolic link; give the directory it points to instead"
        )
    if target.exists() and not target.is_dir():
        raise UnusableOutputDir(f"{target} is a file, not a directory; choose another --out")
    if target.is_dir() and _inside(os.getcwd(), target):
        raise UnusableOutputDir(
            f"{target} is the current folder or holds it, which an export cannot replace; "
            "export to a folder of its own inside or beside it"
        )
    if target.is_dir() and os.path.ismount(target):
        raise UnusableOutputDir(
            f"{target} is a mount point, which cannot be replaced as a whole; export to a folder "
            f"inside it, such as {target / 'advising-content'}"
        )
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
    raise UnusableOutputDir(f"{_losses(target, found)}. {_advice(target, found)}")


def refuse_to_hold(target: Path, sources: Iterable[str]) -> None:
    """Raise UnusableOutputDir when ``target`` holds any of ``sources``, the content being
    exported, which replacing it would delete (with --force or without)."""
    root = os.path.realpath(target)
    folders: dict[str, str] = {}
    inside = [source for source in sources if _within(_real_file(source, folders), root)]
    if inside:
        raise UnusableOutputDir(
            f"it holds the content being exported ({few(inside)}), which replacing it would "
            "delete; choose a folder of its own for the export, such as one beside the content"
        )


def discarded(found: Audit) -> str:
    """What replacing an audited directory loses: 'what advising-content did not write
    (.git/ (48 items), NOTES.md) and 1 exported file changed since it was written (a.json)'."""
    parts = []
    if found.foreign:
        parts.append(f"what advising-content did not write ({few(found.foreign_by_folder())})")
    if found.changed:
        what = plural(len(found.changed), "exported file")
        parts.append(f"{what} changed since it was written ({few(found.changed)})")
    return " and ".join(parts)


def _losses(target: Path, found: Audit) -> str:
    if not found.has_manifest:
        return (
            f"{target} has no {MANIFEST_FILE} of an earlier export, so replacing it would "
            f"delete all it holds ({few(found.foreign_by_folder())})"
        )
    return f"replacing {target} would delete {discarded(found)}"


def _advice(target: Path, found: Audit) -> str:
    ways = []
    if found.foreign:
        ways.append(
            f"export to a folder of its own (such as {target / 'advising-content'}), or move "
            f"them out of {target}"
        )
    if found.changed:
        ways.append("make such changes in the content, which every export is written from")
    advice = "; ".join(ways)
    return f"{advice[0].upper()}{advice[1:]}; or add --force to replace {target} and discard them"


def replace_dir(target: Path, write: Callable[[Path], None], *, force: bool = False) -> None:
    """Call ``write`` to fill a new directory, then put that directory in place of ``target``.

    Raises UnusableOutputDir, leaving ``target`` as it was, when ``target`` holds what
    ``check_output_dir`` refuses to replace.
    """
    place = Path(os.path.abspath(target))  # so that '.' has a parent to build beside
    made = _make_folders(place.parent)
    try:
        with _turn(place.parent):
            remove_abandoned(place)
            _build_and_swap(target, place, write, force)
    except BaseException:
        _remove_empty(made)
        raise


def _build_and_swap(target: Path, place: Path, write: Callable[[Path], None], force: bool) -> None:
    staging = None
    try:
        # Made whole before Ctrl-C or SIGTERM is heard, and known once heard, so it is removed.
        with signals_deferred():
            staging = new_staging(place)
        # Opened before anything is written, so that no write that fails is missed.
        with TreeFlush(staging) as flush:
            looks = _look_of(place)
            _dress(staging, looks, writable=True)
            write(staging)
            unmark(staging)
            _dress(staging, looks, writable=False)
            flush.flush()
        _checked(target, force)
        # Once swapped, the previous export is removed before Ctrl-C or SIGTERM is heard.
        with signals_deferred():
            if _swap_in(staging, place):
                _discard_quietly(staging)  # it now holds the previous export
    except BaseException:
        if staging is not None:
            _discard_quietly(staging)
        raise
    sync(place.parent)


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and the folders it is in that are missing; return those created."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders made for an export that was not made, innermost first."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _inside(path: str, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies within it, links resolved."""
    return _within(os.path.realpath(path), os.path.realpath(folder))


def _within(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _real_file(path: str, folders: dict[str, str]) -> str:
    """``os.path.realpath(path)``, resolving each folder once for many files (``folders``)."""
    folder, name = os.path.split(os.path.abspath(path))
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    candidate = os.path.join(folders[folder], name)
    return os.path.realpath(candidate) if os.path.islink(candidate) else candidate


def _look_of(directory: Path) -> os.stat_result | None:
    try:
        return directory.stat()
    except FileNotFoundError:
        return None


def _dress(staging: Path, looks: os.stat_result | None, *, writable: bool) -> None:
    """Give the new directory the group and mode of the one it replaces (its owner too, and to
    everything in it, when running as root), so that an export changes who may read it no more
    than a hand edit would. While ``writable``, its owner may write in it whatever the mode."""
    if looks is None:
        return
    if writable:
        with contextlib.suppress(PermissionError):  # a group this process is not in
            os.chown(staging, -1, looks.st_gid)
    elif os.geteuid() == 0 and (looks.st_uid, looks.st_gid) != (0, 0):
        for path in [staging, *staging.rglob("*")]:
            os.lchown(path, looks.st_uid, looks.st_gid)
    mode = stat.S_IMODE(looks.st_mode)
    os.chmod(staging, mode | stat.S_IRWXU if writable else mode)


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
