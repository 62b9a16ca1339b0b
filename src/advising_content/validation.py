"""Validate content files: the API that the command line is a thin layer over."""

from __future__ import annotations

import errno
import multiprocessing
import os
import stat
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from advising_content.content_checks import content_problems, record_id_of
from advising_content.discovery import Discovery, discover
from advising_content.limits import MAX_FILE_BYTES, size_text
from advising_content.problems import Problem, Severity
from advising_content.question_bank import load_question_bank
from advising_content.resources import schema_version
from advising_content.schema_gate import conforms
from advising_content.yaml_loader import load_file

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


@dataclass
class CheckedFile:
    """One file's problems, its record id, and its data when that was asked for."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    record_id: str | None = None
    data: dict[str, Any] | None = None


@dataclass
class ValidationReport:
    """The outcome of checking some content files."""

    files: list[CheckedFile]

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every file, sorted by file, line and column."""
        return sorted(problem for checked in self.files for problem in checked.problems)

    @property
    def error_count(self) -> int:
        return sum(p.severity is Severity.ERROR for c in self.files for p in c.problems)

    @property
    def warning_count(self) -> int:
        return sum(p.severity is Severity.WARNING for c in self.files for p in c.problems)

    def passed(self, *, strict: bool = False) -> bool:
        """True when there are no errors (and, when ``strict``, no warnings either)."""
        return self.error_count == 0 and not (strict and self.warning_count)


def validate_paths(
    paths: Iterable[str | os.PathLike[str]], *, keep_data: bool = False
) -> ValidationReport:
    """Check the content files at ``paths`` (files, or directories searched for YAML files).

    With ``keep_data``, each file that parsed keeps its record's data, for exporting.
    """
    return validate_discovered(discover(paths), keep_data=keep_data)


def validate_discovered(discovery: Discovery, *, keep_data: bool = False) -> ValidationReport:
    """Check the files that ``discover`` found, and report the links it did not follow."""
    checked = _check_all(discovery.files, keep_data)
    _check_record_ids_across_files(checked)
    checked += [CheckedFile(problem.path, [problem]) for problem in discovery.problems]
    return ValidationReport(checked)


def _check_all(paths: list[str], keep_data: bool) -> list[CheckedFile]:
    check = partial(check_file, keep_data=keep_data)
    workers = min(_cores(), len(paths) // PARALLEL_FROM)
    if workers < 2:
        return [check(path) for path in paths]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    chunk = max(1, len(paths) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(check, paths, chunksize=chunk))


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def check_file(path: str, *, keep_data: bool = False) -> CheckedFile:
    """Read, parse and check one content file."""
    try:
        raw = _read_regular_file(path)
    except _TooLarge as error:
        problem = Problem(
            path,
            1,
            1,
            Severity.ERROR,
            "file-too-large",
            f"the file is {size_text(error.size)}; a content file may be at most "
            f"{size_text(MAX_FILE_BYTES)} (an advising record is a few KiB), so it was not read",
        )
        return CheckedFile(path, [problem])
    except OSError as error:
        reason = error.strerror or str(error)
        problem = Problem(
            path, 1, 1, Severity.ERROR, "unreadable", f"the file cannot be read: {reason}"
        )
        return CheckedFile(path, [problem])
    return check_bytes(path, raw, keep_data=keep_data)


def check_bytes(path: str, raw: bytes, *, keep_data: bool = False) -> CheckedFile:
    """Parse and check the bytes of a content file shown to editors as ``path``."""
    loaded = load_file(path, raw)
    document = loaded.document
    if document is None:
        return CheckedFile(path, loaded.problems)
    problems = list(loaded.problems)
    if not conforms(document.data):
        from advising_content.schema_check import schema_problems

        problems += schema_problems(document)
    problems += content_problems(document, load_question_bank(), schema_version())
    return CheckedFile(path, problems, record_id_of(document), document.data if keep_data else None)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_regular_file(path: str) -> bytes:
    # Opening a named pipe or a device would wait for a writer or never end: refuse them.
    with open(path, "rb", opener=_open_without_blocking) as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise _TooLarge(status.st_size)
        raw = stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:  # the file grew while it was being read
            raise _TooLarge(len(raw))
        return raw


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _check_record_ids_across_files(checked: list[CheckedFile]) -> None:
    first_file: dict[str, str] = {}
    for entry in checked:
        if entry.record_id is None:
            continue
        if entry.record_id not in first_file:
            first_file[entry.record_id] = entry.path
            continue
        entry.problems.append(_duplicate_record(entry.path, entry.record_id, first_file))


def _duplicate_record(path: str, record_id: str, first_file: dict[str, str]) -> Problem:
    # Rare: only now is the file read again, to find where its id is written.
    document = load_file(path, _read_regular_file(path)).document
    assert document is not None
    position = document.source_map.value_at(("id",))
    return Problem(
        path,
        position.line,
        position.column,
        Severity.ERROR,
        "duplicate-record",
        f"the record id '{record_id}' is already used by {first_file[record_id]}; "
        "each record needs an id of its own",
        ("id",),
    )
