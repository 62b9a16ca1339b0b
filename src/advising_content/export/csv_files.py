"""Write the CSV tables: RFC 4180, UTF-8, and safe to open in a spreadsheet unless told not to.

A table is its header, then each record's rows in order of key: each record's rows are written
as it is exported, and the tables put together once every record is done.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence

from advising_content.export.csv_options import CsvOptions
from advising_content.export.csv_tables import Cell, Table
from advising_content.export.records import Record
from advising_content.spreadsheets import FORMULA_STARTS

BYTE_ORDER_MARK = "\ufeff"
_FORMULA_STARTS = frozenset(FORMULA_STARTS)


def neutralize(value: str) -> str:
    """Put a ' before a value that a spreadsheet would run as a formula."""
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def header_text(table: Table, options: CsvOptions) -> str:
    """The start of the table's file: the byte-order mark when asked for, and the header."""
    lines = _Lines()
    lines.writer.writerow(table.column_names)
    text = lines.taken()
    return BYTE_ORDER_MARK + text if options.excel else text


def rows_texts(tables: Sequence[Table], record: Record, options: CsvOptions) -> list[str]:
    """The rows of each of ``tables`` for ``record``, as the table's file holds them."""
    lines = _Lines()
    texts = []
    for table in tables:
        names = table.column_names
        for row in table.rows(record):
            cells = [
                v if v.__class__ is str else "" if v is None else cell_text(v)
                for v in map(row.__getitem__, names)
            ]
            if options.raw:
                lines.add(cells)
            else:
                lines.add([f"'{c}" if c[:1] in _FORMULA_STARTS else c for c in cells])
        texts.append(lines.taken())
    return texts


class _Lines:
    """The lines of CSV rows, as the csv module writes them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.writer = csv.writer(
            _Sink(self.lines.append),
            lineterminator="\r\n",
            quoting=csv.QUOTE_MINIMAL,
            doublequote=True,
        )

    def add(self, cells: list[str]) -> None:
        line = ",".join(cells)
        # A row none of whose cells needs quotes is its cells joined: the csv module's own work
        # is left for the others.
        if (
            len(cells) > 1
            and line.count(",") == len(cells) - 1
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
        ):
            self.lines.append(line + "\r\n")
        else:
            self.writer.writerow(cells)

    def taken(self) -> str:
        """The lines written since last taken, as one text."""
        text = "".join(self.lines)
        self.lines.clear()
        return text


class _Sink:
    """Where a csv writer writes (without a reference back to what holds the writer)."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write
