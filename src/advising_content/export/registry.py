"""The export formats. Each is one module of ``export/formats`` that defines ``FORMAT``; the
registry finds them, and the command line's choices, the summary line of an export, index.json
and the README's table of formats all follow from what each says of itself.

A format module is light: it imports what writes its files only when it writes them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from advising_content.export.csv_options import CsvOptions
from advising_content.export.markdown_options import MarkdownOptions
from advising_content.export.records import Record, record_key
from advising_content.markdown_tables import markdown_table
from advising_content.wording import plural

if TYPE_CHECKING:
    from advising_content.export.manifest import WrittenFiles


@dataclass(frozen=True)
class ExportOptions:
    """What the command line sets for the formats that take options."""

    csv: CsvOptions = field(default_factory=CsvOptions)
    markdown: MarkdownOptions = field(default_factory=MarkdownOptions)


@dataclass(frozen=True)
class Export:
    """What a format writes from, and where: the records in order of id, and the new DIR."""

    records: Sequence[Record]
    files: WrittenFiles
    options: ExportOptions


@dataclass(frozen=True)
class ExportFormat:
    name: str
    # Where the format comes among the formats: in index.json, the summary line and the docs.
    order: int
    # What it writes, in a line of the docs and of --help.
    writes: str
    # Write its files; return what was written, for the summary line ('3 Markdown pages in
    # markdown/').
    write: Callable[[Export], str]
    # The file of each record, by its key, listed with the record in index.json.
    record_file: Callable[[str], str] | None = None
    # Files shared by all records, listed in index.json under "tables".
    tables: Callable[[], dict[str, str]] | None = None


def file_per_record(
    name: str,
    order: int,
    writes: str,
    folder: str,
    suffix: str,
    noun: str,
    renderer: Callable[[], Callable[[Record], str]],
) -> ExportFormat:
    """A format that writes one file per record, ``folder/<institution-id>/<record-id><suffix>``;
    ``renderer`` gives the function that writes a record's text (imported only when the format
    writes)."""

    def file(key: str) -> str:
        return f"{folder}/{key}{suffix}"

    def write(export: Export) -> str:
        render = renderer()
        for record in export.records:
            export.files.write_text(file(record_key(record)), render(record))
        return f"{plural(len(export.records), noun)} in {folder}/"

    return ExportFormat(name, order, writes, write, record_file=file)


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
