"""Validate content files: the API that the command line is a thin layer over."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from advising_content.discovery import CONTENT_SUFFIXES, Discovery, discover
from advising_content.file_check import CheckedFile, check_file, prepare_checks
from advising_content.problems import Problem, Severity
from advising_content.rules import rule
from advising_content.wording import quoted

__all__ = [
    "CheckedFile",
    "ValidationReport",
    "validate_discovered",
    "validate_discovered_with",
    "validate_paths",
]

DUPLICATE_RECORD = rule(
    "duplicate-record", Severity.ERROR, "two files checked together hold the same record"
)
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


@dataclass
class ValidationReport:
    """The outcome of checking some content files."""

    files: list[CheckedFile]

    @property
    def problems(self) -> list[Problem]:
        """Every problem reported, sorted by file, line and column; a file with very many shows
        only its first ones, then one problem that counts the rest (``too-many-problems``)."""
        return sorted(problem for checked in self.files for problem in checked.problems)

    @property
    def error_count(self) -> int:
        """The errors found, including those not shown."""
        return sum(checked.errors for checked in self.files)

    @property
    def warning_count(self) -> int:
        """The warnings found, including those not shown."""
        return sum(checked.warnings for checked in self.files)

    @property
    def stopped_count(self) -> int:
        """How many files had so many problems that they were not checked to the end."""
        return sum(checked.stopped for checked in self.files)

    def passed(self, *, strict: bool = False) -> bool:
        """True when there are no errors (and, when ``strict``, no warnings either)."""
        return self.error_count == 0 and not (strict and self.warning_count)


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    keep_data: bool = False,
    workers: int | None = None,
) -> ValidationReport:
    """Check the content files at ``paths`` (files, or directories searched for YAML files).

    With ``keep_data``, each file that parsed keeps its record's data, for exporting.
    ``workers`` is how many processes check files; by default one per core for 64 files or
    more, and the checking is done in this process below that.
    """
    return validate_discovered(discover(paths), keep_data=keep_data, workers=workers)


def validate_discovered(
    discovery: Discovery,
    *,
    keep_data: bool = False,
    workers: int | None = None,
    ids_from: Sequence[str] = (),
) -> ValidationReport:
    """Check the files that ``discover`` found, and report what it could not search or read.

    The records under the folders ``ids_from`` that are not checked are read for their ids
    alone: a checked record whose id one of them has is reported, naming that file.
    """
    checked = _check_all(discovery.files, keep_data, workers)
    _check_record_ids_across_files(checked)
    if ids_from:
        _check_record_ids_against(checked, ids_from, workers)
    checked += [CheckedFile.of(problem.path, [problem]) for problem in discovery.problems]
    return ValidationReport(checked)


def validate_discovered_with(
    discovery: Discovery, check: Callable[[str], CheckedFile], *, workers: int | None = None
) -> ValidationReport:
    """As ``validate_discovered``, with ``check`` checking each file (in the workers, when
    there are many): it may do more with a file than check it, such as export its record."""
    checked = _check_each(check, discovery.files, workers)
    _check_record_ids_across_files(checked)
    checked += [CheckedFile.of(problem.path, [problem]) for problem in discovery.problems]
    return ValidationReport(checked)


def _check_all(paths: list[str], keep_data: bool, workers: int | None) -> list[CheckedFile]:
    return _check_each(partial(check_file, keep_data=keep_data), paths, workers)


def _check_each(
    check: Callable[[str], CheckedFile], paths: list[str], workers: int | None
) -> list[CheckedFile]:
    if workers is None:
        workers = _default_workers(len(paths))
    if workers < 2:
        return [check(path) for path in paths]
    from advising_content.workers import map_in_workers

    prepare_checks()
    return map_in_workers(check, paths, workers)


def _default_workers(files: int) -> int:
    """One worker per core, each with ``PARALLEL_FROM`` files or more; fewer than two files'
    worth of them is no worker (and no need to load the workers' machinery)."""
    if files < 2 * PARALLEL_FROM:
        return 1
    from advising_content.workers import cores

    return min(cores(), files // PARALLEL_FROM)


def _check_record_ids_across_files(checked: list[CheckedFile]) -> None:
    """Report each record met again; the file named after its id is taken as the original
    (so 'med-peds copy.yaml' is reported, not 'med-peds.yaml'), else the first in order."""
    first_file: dict[str, str] = {}
    for entry in sorted(checked, key=lambda entry: not _named_after_its_id(entry)):
        if entry.record_id is None:
            continue
        if entry.record_id not in first_file:
            first_file[entry.record_id] = entry.path
            continue
        entry.add(_duplicate_record(entry, first_file[entry.record_id]))


def _check_record_ids_against(
    checked: list[CheckedFile], folders: Sequence[str], workers: int | None
) -> None:
    """Report each checked record, not already reported as met again, whose id a record under
    ``folders`` has; it is reported on the checked file, the only one whose problems are shown."""
    from advising_content.other_records import record_ids_under

    known = record_ids_under(
        folders, besides={os.path.realpath(entry.path) for entry in checked}, workers=workers
    )
    for entry in checked:
        other = known.get(entry.record_id) if entry.record_id is not None else None
        if other is not None and all(p.rule != DUPLICATE_RECORD.name for p in entry.problems):
            entry.add(_duplicate_record(entry, other))


def _duplicate_record(entry: CheckedFile, first_path: str) -> Problem:
    assert entry.record_id is not None
    assert entry.record_id_at is not None
    return DUPLICATE_RECORD.at(
        entry.path,
        entry.record_id_at,
        f"the record {quoted(entry.record_id)} is already used by {first_path}; "
        "each record needs an id of its own within its institution",
        ("id",),
    )


def _named_after_its_id(entry: CheckedFile) -> bool:
    if entry.record_id is None:
        return False
    name = os.path.basename(entry.path)
    return any(
        name.lower().endswith(suffix) and name[: -len(suffix)] == entry.record_id.split("/")[-1]
        for suffix in CONTENT_SUFFIXES
    )
