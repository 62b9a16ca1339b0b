"""Turn the paths given on the command line into the content files to check.

Directories are searched without following symbolic links to directories (a link that loops
back cannot hang the search, and a directory inside the tree is searched through its own path
anyway). A link to a file inside the tree is read; a link that leads outside the directory
searched is reported and not read, so content cannot pull in a file from elsewhere unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from advising_content.problems import Problem, Severity
from advising_content.rules import rule
from advising_content.source_map import START

# The endings of a content file's name, in any case.
CONTENT_SUFFIXES = (".yaml", ".yml")

UNREADABLE = rule(
    "unreadable",
    Severity.ERROR,
    "a file or folder that cannot be read, or a file that is not a regular file",
)
SYMLINK_OUTSIDE = rule(
    "symlink-outside",
    Severity.ERROR,
    "a symbolic link leading outside the folder searched; not read",
)


@dataclass
class Discovery:
    """The content files found, in order, and the links that were not followed."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def discover(paths: Iterable[str | os.PathLike[str]]) -> Discovery:
    """The files named, and the ``*.yaml``/``*.yml`` files under the directories named.

    Files inside a directory come in sorted order; hidden files and directories (``.git``) are
    skipped. A file reached twice is listed once. A directory that cannot be listed, and a path
    that cannot be reached, is a problem. A path that does not exist raises FileNotFoundError.
    """
    found = Discovery()
    seen: set[str] = set()
    for path in paths:
        text = os.fspath(path)
        if os.path.isdir(text):
            candidates = _files_under(text, found)
        elif os.path.lexists(text):
            candidates = [(text, os.path.realpath(text), os.path.islink(text))]
        else:
            _unreachable(text, found)
            continue
        # A file reached both by its own name and through a link is read by its own name.
        kept = set()
        for candidate, real, _ in sorted(candidates, key=lambda entry: entry[2]):
            if real not in seen:
                seen.add(real)
                kept.add(candidate)
        found.files += [candidate for candidate, _, _ in candidates if candidate in kept]
    return found


def _unreachable(path: str, found: Discovery) -> None:
    """Report a path that lstat cannot reach, or raise FileNotFoundError when it is absent."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        raise
    except OSError as error:
        found.problems.append(_unreadable(path, "file or folder", error))
        return
    raise FileNotFoundError(path)  # it appeared while it was looked at: still not found


def _files_under(directory: str, found: Discovery) -> list[tuple[str, str, bool]]:
    """The content files under ``directory``, each with its real path and whether it is a
    link, sorted."""
    root = os.path.realpath(directory)
    files: list[tuple[str, str, bool]] = []

    def unlistable(error: OSError) -> None:
        folder = _without_dot_prefix(error.filename or directory)
        found.problems.append(_unreadable(folder, "folder", error))

    for folder, directories, names in os.walk(directory, onerror=unlistable):
        kept = []
        for name in sorted(directories):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path):
                if not _inside(os.path.realpath(path), root):
                    found.problems.append(_outside(_without_dot_prefix(path), directory, "folder"))
                continue
            kept.append(name)
        directories[:] = kept
        real_folder = os.path.realpath(folder)  # no link below ``directory`` is walked
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(CONTENT_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            link = os.path.islink(path)
            real = os.path.realpath(path) if link else os.path.join(real_folder, name)
            if link and not _inside(real, root):
                found.problems.append(_outside(_without_dot_prefix(path), directory, "file"))
                continue
            files.append((path, real, link))
    return sorted((_without_dot_prefix(path), real, link) for path, real, link in files)


def _unreadable(path: str, kind: str, error: OSError) -> Problem:
    reason = error.strerror or str(error)
    if kind == "folder":
        message = f"the folder cannot be read: {reason}; the content files in it were not checked"
    else:
        message = f"the {kind} cannot be read: {reason}"
    return UNREADABLE.at(path, START, message)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _outside(path: str, directory: str, kind: str) -> Problem:
    return SYMLINK_OUTSIDE.at(
        path,
        START,
        f"this is a symbolic link to a {kind} outside {directory}, so it was not read; "
        f"move the {kind} into {directory}, or name it on the command line to check it",
    )


def _without_dot_prefix(path: str) -> str:
    """'x.yaml' rather than './x.yaml' when the directory given was '.'."""
    while path.startswith("./"):
        path = path[2:]
    return path
