"""Read, parse and check one content file: what each worker does for each file."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from typing import Any

from advising_content.content_checks import content_problems
from advising_content.discovery import UNREADABLE
from advising_content.file_problems import FileProblems, TooManyProblems, shown_problems
from advising_content.identifiers import record_key_of
from advising_content.limits import MAX_FILE_BYTES, size_comparison, size_text
from advising_content.problems import Problem, Severity
from advising_content.question_bank import load_question_bank
from advising_content.reading import LoadedDocument, load_file
from advising_content.record_checks import outdated_problems
from advising_content.resources import schema_version
from advising_content.rules import rule
from advising_content.schema_gate import conforms, validator
from advising_content.source_map import START, Position
from advising_content.versions import is_older_major

FILE_TOO_LARGE = rule(
    "file-too-large",
    Severity.ERROR,
    f"the file is larger than {size_text(MAX_FILE_BYTES)}; it is not read",
)


@dataclass
class CheckedFile:
    """One file's problems as reported, the counts of all it has, and its record's id (with
    where it is written) and data, when that was asked for."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    stopped: bool = False
    record_id: str | None = None
    record_id_at: Position | None = None
    data: dict[str, Any] | None = None

    @classmethod
    def of(cls, path: str, problems: list[Problem]) -> CheckedFile:
        checked = cls(path)
        for problem in problems:
            checked.add(problem)
        return checked

    def add(self, problem: Problem) -> None:
        """Add a problem found beyond the file itself, such as a record id used twice."""
        self.problems.append(problem)
        self.errors += problem.severity is Severity.ERROR
        self.warnings += problem.severity is Severity.WARNING


def check_file(path: str, *, keep_data: bool = False) -> CheckedFile:
    """Read, parse and check one content file."""
    try:
        raw = read_regular_file(path)
    except FileTooLarge as error:
        message = f"{size_comparison(error.size, MAX_FILE_BYTES)} (an advising record is a few "
        message += "KiB), so it was not read"
        return CheckedFile.of(path, [FILE_TOO_LARGE.at(path, START, message)])
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"the file cannot be read: {reason}"
        return CheckedFile.of(path, [UNREADABLE.at(path, START, message)])
    return check_bytes(path, raw, keep_data=keep_data)


def check_bytes(path: str, raw: bytes, *, keep_data: bool = False) -> CheckedFile:
    """Parse and check the bytes of a content file shown to editors as ``path``."""
    problems = FileProblems()
    document = None
    stopped = False
    try:
        document = load_file(path, raw, problems).document
        if document is not None:
            _check_document(document, problems)
    except TooManyProblems:
        stopped = True
    shown = shown_problems(path, problems.found, stopped)
    checked = CheckedFile(path, shown.problems, shown.errors, shown.warnings, stopped)
    if document is not None:
        checked.record_id = record_key_of(document.data)
        checked.record_id_at = document.source_map.value_at(("id",))
        checked.data = document.data if keep_data else None
    return checked


def _check_document(document: LoadedDocument, problems: FileProblems) -> None:
    if is_older_major(document.data.get("schema_version"), schema_version()):
        # Written for an earlier major version: what to do is migrate, whatever else is wrong.
        problems.extend(outdated_problems(document, schema_version()))
        return
    check_document(document, problems)


def check_document(document: LoadedDocument, problems: FileProblems) -> None:
    """Add the problems of a parsed record to ``problems``: its shape, then its content."""
    if not conforms(document.data):
        from advising_content.schema_check import add_schema_problems

        add_schema_problems(document, problems)
    content_problems(document, load_question_bank(), schema_version(), problems)


def prepare_checks() -> None:
    """Load, once, what checking any file needs: worker processes started after this share it
    instead of each loading it again."""
    validator()
    load_question_bank()


class FileTooLarge(Exception):
    """A content file larger than ``MAX_FILE_BYTES``, found before it is read."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_regular_file(path: str) -> bytes:
    """The bytes of the regular file at ``path``, read without waiting on a pipe or a device;
    FileTooLarge when it holds more than an advising record can."""
    # Opening a named pipe or a device would wait for a writer or never end: refuse them.
    with open(path, "rb", opener=_open_without_blocking) as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise FileTooLarge(status.st_size)
        # Reading its size, and one byte more, allocates no buffer of the largest size allowed.
        raw = stream.read(status.st_size + 1)
        if len(raw) > status.st_size:  # the file grew since: read the rest, up to the limit
            raw += stream.read(MAX_FILE_BYTES + 1 - len(raw))
        if len(raw) > MAX_FILE_BYTES:  # the file grew while it was being read
            raise FileTooLarge(len(raw))
        return raw


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
