"""XLSX: one workbook for people, a sheet per CSV table, its cells typed and never formulas."""

from __future__ import annotations

from advising_content.export.registry import Export, ExportFormat
from advising_content.wording import plural

WORKBOOK_FILE = "xlsx/advising-records.xlsx"


def _tables() -> dict[str, str]:
    return {"workbook": WORKBOOK_FILE}


def _write(export: Export) -> str:
    from advising_content.export.xlsx_workbook import workbook

    written = workbook(export.records)
    export.files.write_bytes(WORKBOOK_FILE, written.data)
    summary = f"1 workbook of {plural(written.sheets, 'sheet')} in xlsx/"
    if written.cut:
        summary += f" ({plural(written.cut, 'text')} cut to the 32,767 characters a cell holds)"
    return summary


FORMAT = ExportFormat(
    name="xlsx",
    order=4,
    writes="xlsx/advising-records.xlsx: one workbook for people, a sheet per CSV table, with "
    "typed cells and never a formula",
    write=_write,
    tables=_tables,
)
