"""Validate content files: the API that the command line is a thin layer over."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field

from advising_content.content_checks import content_problems, record_id_of
from advising_content.discovery import Discovery, discover
from advising_content.limits import MAX_FILE_BYTES, size_text
from advising_content.problems import Problem, Severity
from advising_content.question_bank import load_question_bank
from advising_content.resources import schema_version
from advising_content.schema_check import schema_problems
from advising_content.yaml_loader import LoadedDocument, load_file


@dataclass
class CheckedFile:
    path: str
    document: LoadedDocument | None
    problems: list[Problem] = field(default_factory=list)


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


def validate_paths(paths: Iterable[str | os.PathLike[str]]) -> ValidationReport:
    """Check the content files at ``paths`` (files, or directories searched for YAML files)."""
    return validate_discovered(discover(paths))


def validate_discovered(discovery: Discovery) -> ValidationReport:
    """Check the files that ``discover`` found, and report the links it did not follow."""
    checked = [check_file(path) for path in discovery.files]
    _check_record_ids_across_files(checked)
    checked += [CheckedFile(problem.path, None, [problem]) for problem in discovery.problems]
    return ValidationReport(checked)


def check_file(path: str) -> CheckedFile:
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
        return CheckedFile(path, None, [problem])
    except OSError as error:
        reason = error.strerror or str(error)
        problem = Problem(
            path, 1, 1, Severity.ERROR, "unreadable", f"the file cannot be read: {reason}"
        )
        return CheckedFile(path, None, [problem])
    return check_bytes(path, raw)


def check_bytes(path: str, raw: bytes) -> CheckedFile:
    """Parse and check the bytes of a content file shown to editors as ``path``."""
    loaded = load_file(path, raw)
    problems = list(loaded.problems)
    if loaded.document is not None:
        problems += schema_problems(loaded.document)
        problems += content_problems(loaded.document, load_question_bank(), schema_version())
    return CheckedFile(path, loaded.document, problems)


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
        if entry.document is None:
            continue
        record_id = record_id_of(entry.document)
        if record_id is None:
            continue
        if record_id not in first_file:
            first_file[record_id] = entry.path
            continue
        position = entry.document.source_map.value_at(("id",))
        entry.problems.append(
            Problem(
                entry.path,
                position.line,
                position.column,
                Severity.ERROR,
                "duplicate-record",
                f"the record id '{record_id}' is already used by {first_file[record_id]}; "
                "each record needs an id of its own",
                ("id",),
            )
        )
