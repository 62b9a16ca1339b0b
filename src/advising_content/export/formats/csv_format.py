"""CSV: a table per kind of entity across all records, described by a Frictionless Data
Package (csv/datapackage.json)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from advising_content.export.records import Record
from advising_content.export.registry import (
    ExportFormat,
    ExportOptions,
    Finished,
    FormatWriter,
)
from advising_content.wording import plural

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
            for shares in done.records():
                for stream, rows in zip(streams, shares, strict=True):
                    stream.write(rows)
        done.files.write_text(DATAPACKAGE_FILE, dumps(datapackage(self.options.csv)))
        return f"{plural(len(TABLES), 'CSV table')} in csv/"


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
