"""Turn the paths given on the command line into the content files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable

from advising_content.content_checks import CONTENT_SUFFIXES


def content_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files named, and the ``*.yaml``/``*.yml`` files under the directories named.

    Files inside a directory come in sorted order; hidden directories (``.git``) are skipped.
    A file reached twice is listed once. A path that does not exist raises FileNotFoundError.
    """
    found: list[str] = []
    seen: set[str] = set()
    for path in paths:
        text = os.fspath(path)
        if os.path.isdir(text):
            candidates = _files_under(text)
        elif os.path.lexists(text):
            candidates = [text]
        else:
            raise FileNotFoundError(text)
        for candidate in candidates:
            real = os.path.realpath(candidate)
            if real not in seen:
                seen.add(real)
                found.append(candidate)
    return found


def _files_under(directory: str) -> list[str]:
    files: list[str] = []
    for root, directories, names in os.walk(directory):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        files.extend(
            os.path.join(root, name)
            for name in sorted(names)
            if name.endswith(CONTENT_SUFFIXES) and not name.startswith(".")
        )
    return sorted(_without_dot_prefix(file) for file in files)


def _without_dot_prefix(path: str) -> str:
    """'x.yaml' rather than './x.yaml' when the directory given was '.'."""
    while path.startswith("./"):
        path = path[2:]
    return path
