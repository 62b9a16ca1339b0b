"""Write the CSV tables: RFC 4180, UTF-8, and safe to open in a spreadsheet unless told not to.

A table is its header, then each record's rows in order of key: each record's rows are written
as it is exported, and the tables put together once every record is done.
"""

from __future__ import annotations

from collections.abc import Sequence

from advising_content.export.csv_options import CsvOptions
from advising_content.export.csv_tables import Cell, Table
from advising_content.export.records import Record
from advising_content.spreadsheets import FORMULA_STARTS

BYTE_ORDER_MARK = "\ufeff"
_FORMULA_STARTS = frozenset(FORMULA_STARTS)


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_line(cells: Sequence[str]) -> str:
    """A row as RFC 4180 writes it, and as the csv module does with QUOTE_MINIMAL: a cell that
    holds a comma, a quote or a line break is quoted, its quotes doubled."""
    line = ",".join(cells)
    if line.count(",") == len(cells) - 1 and not _needs_quotes(line):
        # A row of one empty cell is quoted, so that it is not a blank line.
        return line + "\r\n" if line or len(cells) > 1 else '""\r\n'
    return ",".join([_quoted(cell) for cell in cells]) + "\r\n"


def _needs_quotes(text: str) -> bool:
    return '"' in text or "\n" in text or "\r" in text


def _quoted(cell: str) -> str:
    if "," in cell or _needs_quotes(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def header_text(table: Table, options: CsvOptions) -> str:
    """The start of the table's file: the byte-order mark when asked for, and the header."""
    text = csv_line(table.column_names)
    return BYTE_ORDER_MARK + text if options.excel else text


def rows_texts(tables: Sequence[Table], record: Record, options: CsvOptions) -> list[str]:
    """The rows of each of ``tables`` for ``record``, as the table's file holds them; unless
    ``options.raw``, a cell that starts as a formula is written after a '."""
    neutralizing = not options.raw
    texts = []
    for table in tables:
        cells_of = table.cells
        lines = []
        for row in table.rows(record):
            cells = [
                v if v.__class__ is str else "" if v is None else cell_text(v)
                for v in cells_of(row)
            ]
            if neutralizing:
                cells = [f"'{c}" if c[:1] in _FORMULA_STARTS else c for c in cells]
            lines.append(csv_line(cells))
        texts.append("".join(lines))
    return texts
