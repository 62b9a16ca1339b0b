"""The export formats. Each is one module of ``export/formats`` that defines ``FORMAT``; the
registry finds them, and the command line's choices, the summary line of an export, index.json
and the README's table of formats all follow from what each says of itself.

A format module is light: it imports what writes its files only when it writes them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

from advising_content.export.csv_options import CsvOptions
from advising_content.export.markdown_options import MarkdownOptions
from advising_content.export.records import Record, record_key
from advising_content.markdown_tables import markdown_table
from advising_content.wording import plural

if TYPE_CHECKING:
    from advising_content.export.manifest import WrittenFiles
    from advising_content.export.record_files import RecordFiles


class ExportOptions(NamedTuple):
    """What the command line sets for the formats that take options."""

    csv: CsvOptions = CsvOptions()
    markdown: MarkdownOptions = MarkdownOptions()


@dataclass(frozen=True)
class Finished:
    """What a format writes its shared files from, once every record has been written: the new
    DIR, the records' keys in order, and each record's shares in that order."""

    files: WrittenFiles
    keys: Sequence[str]
    options: ExportOptions
    # The share of the format named so, of every record in order of key.
    shares: Callable[[str], Iterable[bytes]]
    # Every share of the format, a record at a time, in order of key.
    records: Callable[[], Iterable[Sequence[bytes]]]


class FormatWriter(Protocol):
    """How a format writes an export: each record as it comes (in any order, in any process),
    then what all records share, from each record's shares (bytes it gave for each name in
    ``shares``)."""

    @property
    def shares(self) -> tuple[str, ...]:
        """The names of the shares each record gives."""
        ...

    def record(self, record: Record, files: RecordFiles) -> Sequence[bytes]:
        """Write the record's own files; return its shares, in the order of ``shares``."""
        ...

    def finish(self, done: Finished) -> str:
        """Write the shared files; return what was written, for the summary line."""
        ...


@dataclass(frozen=True)
class ExportFormat:
    name: str
    # Where the format comes among the formats: in index.json, the summary line and the docs.
    order: int
    # What it writes, in a line of the docs and of --help.
    writes: str
    # How it writes, with the options given.
    writer: Callable[[ExportOptions], FormatWriter]
    # The file of each record, by its key, listed with the record in index.json.
    record_file: Callable[[str], str] | None = None
    # Files shared by all records, listed in index.json under "tables".
    tables: Callable[[], dict[str, str]] | None = None


@dataclass(frozen=True)
class _FilePerRecord:
    folder: str
    suffix: str
    noun: str
    render: Callable[[Record], str]
    shares: tuple[str, ...] = ()

    def record(self, record: Record, files: RecordFiles) -> Sequence[bytes]:
        text = self.render(record)
        files.write(f"{self.folder}/{record_key(record)}{self.suffix}", text.encode())
        return ()

    def finish(self, done: Finished) -> str:
        return f"{plural(len(done.keys), self.noun)} in {self.folder}/"


def file_per_record(
    name: str,
    order: int,
    writes: str,
    folder: str,
    suffix: str,
    noun: str,
    renderer: Callable[[ExportOptions], Callable[[Record], str]],
) -> ExportFormat:
    """A format that writes one file per record, ``folder/<institution-id>/<record-id><suffix>``;
    ``renderer`` gives the function that writes a record's text with the options given (imported
    only when the format writes)."""

    def file(key: str) -> str:
        return f"{folder}/{key}{suffix}"

    def writer(options: ExportOptions) -> FormatWriter:
        return _FilePerRecord(folder, suffix, noun, renderer(options))

    return ExportFormat(name, order, writes, writer, record_file=file)


def formats_table() -> str:
    """The README's table of export formats."""
    rows = [(f"`{form.name}`", form.writes) for form in export_formats().values()]
    return markdown_table(("Format", "Writes"), rows)


@cache
def export_formats() -> dict[str, ExportFormat]:
    """Every export format, by name, in order."""
    package = importlib.import_module("advising_content.export.formats")
    modules = [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]
    found = [module.FORMAT for module in modules if hasattr(module, "FORMAT")]
    return {form.name: form for form in sorted(found, key=lambda form: form.order)}
