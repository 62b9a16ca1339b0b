"""The ids of the records that are not checked: ``validate --ids-from DIR`` compares the files
it checks with every other record under DIR, which are read only as far as their ids.

A pre-commit hook is given only the files a commit changes; this is how one of them is still
found to reuse the id of a record that the commit leaves alone. The other files are read as
a check reads them (within the same limits, never following a link outside DIR), but their
problems are neither looked for nor reported: a file that cannot be read or parsed, or whose
record has no well-formed id, simply gives no id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from advising_content.discovery import discover
from advising_content.file_check import FileTooLarge, read_regular_file
from advising_content.file_problems import FileProblems, TooManyProblems
from advising_content.identifiers import record_key_of
from advising_content.reading import load_file

# Reading an id costs about half of checking a file: workers pay off from this many files.
PARALLEL_FROM = 128


def record_ids_under(
    folders: Iterable[str], *, besides: set[str], workers: int | None = None
) -> dict[str, str]:
    """Each record key (such as 'feinberg/med-peds') held by a content file under ``folders``,
    with the first file found to hold it.

    Files whose real path is in ``besides`` (those being checked) are left out, so that no file
    is compared with itself. A folder that has vanished gives nothing.
    """
    paths = [path for path in _files_under(folders) if os.path.realpath(path) not in besides]
    first_file: dict[str, str] = {}
    for path, key in zip(paths, _record_keys(paths, workers), strict=True):
        if key is not None:
            first_file.setdefault(key, path)
    return first_file


def record_key_in(path: str) -> str | None:
    """The record key of the content file at ``path``, read but not checked; None when the
    file cannot be read or parsed, or its record has no well-formed id."""
    try:
        raw = read_regular_file(path)
    except (OSError, FileTooLarge):
        return None
    try:
        document = load_file(path, raw, FileProblems()).document
    except TooManyProblems:
        return None
    return None if document is None else record_key_of(document.data)


def _files_under(folders: Iterable[str]) -> list[str]:
    files: list[str] = []
    for folder in folders:
        try:
            files += discover([folder]).files
        except FileNotFoundError:
            continue
    return files


def _record_keys(paths: list[str], workers: int | None) -> list[str | None]:
    from advising_content.workers import cores, map_in_workers

    if workers is None:
        workers = min(cores(), len(paths) // PARALLEL_FROM)
    if workers < 2:
        return [record_key_in(path) for path in paths]
    return map_in_workers(record_key_in, paths, workers)
