"""How an export is written: each record as it comes, in whichever process checked it, then
what all records share, in order of key.

A record is written as soon as it is known to be valid: its own files (a JSON document, a
Markdown page, a page of the site) go straight into the new DIR, and its shares of the files
every record adds to (its CSV rows, its sheets' rows, its answers on the site's question pages)
into a spool. Once every record is done, each shared file is put together from the shares in
order of key. So no process holds more than one record at a time, and both cores write.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import NamedTuple

from advising_content import __version__
from advising_content.export.json_documents import IndexEntry, index_document, index_entry
from advising_content.export.manifest import FileEntry, WrittenFiles
from advising_content.export.record_files import (
    RecordFiles,
    SpoolReader,
    SpoolSlice,
    WrittenFile,
)
from advising_content.export.records import Record
from advising_content.export.registry import (
    ExportFormat,
    ExportOptions,
    Finished,
    FormatWriter,
    export_formats,
)
from advising_content.file_check import CheckedFile, check_file
from advising_content.identifiers import is_slug

INDEX_FILE = "index.json"


@dataclass(frozen=True)
class ExportPlan:
    """What every process needs to write records: where, in which formats, with which options."""

    staging: str
    formats: tuple[str, ...]
    options: ExportOptions

    def chosen(self) -> list[ExportFormat]:
        return [export_formats()[name] for name in self.formats]


class Rendered(NamedTuple):
    """A record once written: what index.json lists of it, its files and where its shares are."""

    listed: IndexEntry
    files: tuple[WrittenFile, ...]
    spooled: SpoolSlice


@dataclass
class ExportResult:
    """What an export wrote: how many records, and what each format wrote, in words."""

    records: int = 0
    written: list[str] = field(default_factory=list)


class Renderer:
    """Writes records into the new DIR, in one process."""

    def __init__(self, plan: ExportPlan) -> None:
        self.files = RecordFiles(Path(plan.staging))
        self.writers = [form.writer(plan.options) for form in plan.chosen()]

    def render(self, record: Record) -> Rendered:
        require_slug_ids(record)
        shares: list[bytes] = []
        for writer in self.writers:
            shares += writer.record(record, self.files)
        return Rendered(index_entry(record), self.files.take_written(), self.files.spool(shares))

    def close(self) -> None:
        self.files.close()


@dataclass
class ExportedFile(CheckedFile):
    """A checked file and, when it is valid, its record as written (or the error that stopped
    the writing)."""

    rendered: Rendered | None = None
    failure: OSError | None = None


@dataclass(frozen=True)
class ExportCheck:
    """Check a content file and, when it is valid, write its record: the work of each worker.
    ``parent`` is the process of the export; a worker that outlives it writes nothing."""

    plan: ExportPlan
    parent: int

    def __call__(self, path: str) -> CheckedFile:
        checked = check_file(path, keep_data=True)
        data, checked.data = checked.data, None
        if data is None or checked.errors:
            return checked
        if os.getpid() != self.parent and os.getppid() != self.parent:
            os._exit(1)
        exported = ExportedFile(**{f.name: getattr(checked, f.name) for f in fields(checked)})
        try:
            exported.rendered = renderer(self.plan).render(data)
        except OSError as error:
            exported.failure = error
        return exported


_RENDERERS: dict[tuple[int, ExportPlan], Renderer] = {}


def renderer(plan: ExportPlan) -> Renderer:
    """The renderer of this process for ``plan``."""
    key = (os.getpid(), plan)
    if key not in _RENDERERS:
        _RENDERERS[key] = Renderer(plan)
    return _RENDERERS[key]


def close_renderer(plan: ExportPlan) -> None:
    """Close this process's renderer for ``plan``, if it made one."""
    found = _RENDERERS.pop((os.getpid(), plan), None)
    if found is not None:
        found.close()


def finish(plan: ExportPlan, rendered: Iterable[Rendered]) -> ExportResult:
    """Write what the records share, index.json and the manifest, once every record is written."""
    ordered = sorted(rendered, key=lambda entry: entry.listed.key)
    root = Path(plan.staging)
    files = WrittenFiles(root)
    result = ExportResult(records=len(ordered))
    reader = SpoolReader(root)
    try:
        result.written = _finish_formats(plan, ordered, files, reader)
    finally:
        reader.close()
    with files.open_bytes(INDEX_FILE) as stream:
        for piece in index_document((entry.listed for entry in ordered), plan.chosen()):
            stream.write(piece.encode())
    record_files = (
        (name, FileEntry(size, digest.hex()))
        for entry in ordered
        for name, size, digest in entry.files
    )
    files.write_manifest(__version__, record_files)
    return result


def _finish_formats(
    plan: ExportPlan, ordered: Sequence[Rendered], files: WrittenFiles, reader: SpoolReader
) -> list[str]:
    keys = [entry.listed.key for entry in ordered]
    slices = [entry.spooled for entry in ordered]
    written, first = [], 0
    for form in plan.chosen():
        writer: FormatWriter = form.writer(plan.options)
        numbers = {name: first + number for number, name in enumerate(writer.shares)}
        done = Finished(
            files,
            keys,
            plan.options,
            _shares(reader, slices, numbers),
            _records(reader, slices, first, len(numbers)),
        )
        written.append(writer.finish(done))
        first += len(writer.shares)
    return written


def _shares(
    reader: SpoolReader, slices: Sequence[SpoolSlice], numbers: dict[str, int]
) -> Callable[[str], Iterable[bytes]]:
    return lambda name: reader.shares(slices, numbers[name])


def _records(
    reader: SpoolReader, slices: Sequence[SpoolSlice], first: int, count: int
) -> Callable[[], Iterable[Sequence[bytes]]]:
    return lambda: (reader.run(where, first, count) for where in slices)


def require_slug_ids(record: Record) -> None:
    """Raise ValueError unless the record's ids, which name its files, are slugs."""
    # Validation has made them slugs, and nothing else may name a file.
    institution = record.get("institution")
    institution_id = institution.get("id") if isinstance(institution, dict) else None
    if not is_slug(record.get("id")) or not is_slug(institution_id):
        raise ValueError(f"not a valid record key: {record.get('id')!r} of {institution_id!r}")
