"""CSV: a table per kind of entity across all records, described by a Frictionless Data
Package (csv/datapackage.json)."""

from __future__ import annotations

from advising_content.export.registry import Export, ExportFormat
from advising_content.wording import plural

DATAPACKAGE_FILE = "csv/datapackage.json"


def _table_file(name: str) -> str:
    return f"csv/{name}.csv"


def _tables() -> dict[str, str]:
    from advising_content.export.csv_tables import TABLES

    return {"datapackage": DATAPACKAGE_FILE, **{t.name: _table_file(t.name) for t in TABLES}}


def _write(export: Export) -> str:
    from advising_content.export.csv_files import write_table
    from advising_content.export.csv_tables import TABLES
    from advising_content.export.datapackage import datapackage
    from advising_content.export.json_documents import dumps

    for table in TABLES:
        with export.files.open_text(_table_file(table.name)) as stream:
            write_table(stream, table, export.records, export.options.csv)
    export.files.write_text(DATAPACKAGE_FILE, dumps(datapackage(export.options.csv)))
    return f"{plural(len(TABLES), 'CSV table')} in csv/"


FORMAT = ExportFormat(
    name="csv",
    order=3,
    writes="csv/<table>.csv and csv/datapackage.json: a table per kind of entity, with its "
    "Frictionless Data Package",
    write=_write,
    tables=_tables,
)
