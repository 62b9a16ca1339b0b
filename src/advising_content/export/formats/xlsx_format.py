"""XLSX: one workbook for people, a sheet per CSV table, its cells typed and never formulas."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advising_content.export.records import Record
from advising_content.export.registry import ExportFormat, ExportOptions, Finished, FormatWriter
from advising_content.wording import plural

WORKBOOK_FILE = "xlsx/advising-records.xlsx"


def _tables() -> dict[str, str]:
    return {"workbook": WORKBOOK_FILE}


@dataclass(frozen=True)
class _Writer:
    shares: tuple[str, ...]

    def record(self, record: Record, files: object) -> Sequence[bytes]:
        from advising_content.export.csv_tables import TABLES
        from advising_content.export.xlsx_workbook import sheet_rows

        return [sheet_rows(table, record) for table in TABLES]

    def finish(self, done: Finished) -> str:
        from advising_content.export.xlsx_workbook import workbook_of

        written = workbook_of(lambda table: done.shares(table.name))
        done.files.write_bytes(WORKBOOK_FILE, written.data)
        summary = f"1 workbook of {plural(written.sheets, 'sheet')} in xlsx/"
        if written.cut:
            summary += f" ({plural(written.cut, 'text')} cut to the 32,767 characters a cell holds)"
        return summary


def _writer(options: ExportOptions) -> FormatWriter:
    from advising_content.export.csv_tables import TABLES

    return _Writer(tuple(table.name for table in TABLES))


FORMAT = ExportFormat(
    name="xlsx",
    order=4,
    writes="xlsx/advising-records.xlsx: one workbook for people, a sheet per CSV table, with "
    "typed cells and never a formula",
    writer=_writer,
    tables=_tables,
)
