"""Write the CSV tables: RFC 4180, UTF-8, and safe to open in a spreadsheet unless told not to."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import IO, Any

from advising_content.export.csv_options import CsvOptions
from advising_content.export.csv_tables import Cell, Table
from advising_content.spreadsheets import FORMULA_STARTS

BYTE_ORDER_MARK = "\ufeff"


def neutralize(value: str) -> str:
    """Put a ' before a value that a spreadsheet would run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_table(
    stream: IO[str], table: Table, records: Iterable[Mapping[str, Any]], options: CsvOptions
) -> int:
    """Write the header and every row of ``table`` for ``records``; return the number of rows."""
    if options.excel:
        stream.write(BYTE_ORDER_MARK)
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL, doublequote=True)
    names = table.column_names
    writer.writerow(names)
    count = 0
    for record in records:
        for row in table.rows(record):
            cells = [cell_text(row[name]) for name in names]
            if not options.raw:
                cells = [neutralize(cell) for cell in cells]
            writer.writerow(cells)
            count += 1
    return count
