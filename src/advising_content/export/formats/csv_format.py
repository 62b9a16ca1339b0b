"""CSV: a table per kind of entity across all records, described by a Frictionless Data
Package (csv/datapackage.json)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advising_content.export.records import Record
from advising_content.export.registry import (
    ExportFormat,
    ExportOptions,
    Finished,
    FormatWriter,
)
from advising_content.wording import plural

if TYPE_CHECKING:
    from advising_content.export.manifest import HashedStream

DATAPACKAGE_FILE = "csv/datapackage.json"


def _table_file(name: str) -> str:
    return f"csv/{name}.csv"


def _tables() -> dict[str, str]:
    from advising_content.export.csv_tables import TABLES

    return {"datapackage": DATAPACKAGE_FILE, **{t.name: _table_file(t.name) for t in TABLES}}


@dataclass(frozen=True)
class _Writer:
    options: ExportOptions
    shares: tuple[str, ...]

    def record(self, record: Record, files: object) -> Sequence[bytes]:
        from advising_content.export.csv_files import rows_texts
        from advising_content.export.csv_tables import TABLES

        return [text.encode() for text in rows_texts(TABLES, record, self.options.csv)]

    def finish(self, done: Finished) -> str:
        from advising_content.export.csv_files import header_text
        from advising_content.export.csv_tables import TABLES
        from advising_content.export.datapackage import datapackage
        from advising_content.export.json_documents import dumps

        with contextlib.ExitStack() as files:
            streams = [
                files.enter_context(done.files.open_bytes(_table_file(t.name))) for t in TABLES
            ]
            for table, stream in zip(TABLES, streams, strict=True):
                stream.write(header_text(table, self.options.csv).encode())
            pending: list[list[bytes]] = [[] for _ in TABLES]
            for number, shares in enumerate(done.records(), start=1):
                for rows, share in zip(pending, shares, strict=True):
                    rows.append(share)
                if number % _RECORDS_PER_WRITE == 0:
                    _write_pending(streams, pending)
            _write_pending(streams, pending)
        done.files.write_text(DATAPACKAGE_FILE, dumps(datapackage(self.options.csv)))
        return f"{plural(len(TABLES), 'CSV table')} in csv/"


# The records whose rows are written to the tables at once: fewer, larger writes.
_RECORDS_PER_WRITE = 128


def _write_pending(streams: Sequence[HashedStream], pending: list[list[bytes]]) -> None:
    for stream, rows in zip(streams, pending, strict=True):
        stream.write(b"".join(rows))
        rows.clear()


def _writer(options: ExportOptions) -> FormatWriter:
    from advising_content.export.csv_tables import TABLES

    return _Writer(options, tuple(table.name for table in TABLES))


FORMAT = ExportFormat(
    name="csv",
    order=3,
    writes="csv/<table>.csv and csv/datapackage.json: a table per kind of entity, with its "
    "Frictionless Data Package",
    writer=_writer,
    tables=_tables,
)
