"""The workbook export: the CSV tables as the sheets of one workbook, for people to read.

Each sheet is a table of the CSV export, named as its file is, with the same columns and rows;
its cells hold the raw values, typed as their column declares: text is always text (never a
formula, a number or a link, whatever it begins with), integers are numbers, true or false is a
boolean, and dates are dates. The header row is frozen and filtered, and each column is as wide
as what it holds, up to a limit.

The same records give the same bytes: XlsxWriter dates every file inside the workbook
1980-01-01, and the document says it was created then too.
"""

from __future__ import annotations

import datetime
import io
import marshal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # it ships no type information

from advising_content.export.csv_tables import TABLES, Cell, Column, Table
from advising_content.export.records import Record

# The most characters a cell holds, counted in UTF-16 code units as Excel counts them.
CELL_LIMIT = 32_767
CUT_NOTE = (
    " […] (cut here: a cell holds at most 32,767 characters; the JSON and CSV exports hold the "
    "whole text)"
)
CREATED = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)
# Earlier dates are written as text: Excel shows no date before 1900, and counts a 29 February
# 1900 that LibreOffice does not.
FIRST_DATE = datetime.date(1900, 3, 1)
# A spreadsheet keeps 15 digits of a number: a longer integer is written as text, unrounded.
LARGEST_NUMBER = 10**15 - 1
WIDEST_COLUMN = 50
# Room for the filter's button beside a column's name.
FILTER_BUTTON = 3

_OPTIONS = {
    "in_memory": True,  # no temporary files, and fixed dates on the files inside
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


@dataclass(frozen=True)
class Workbook:
    """The workbook's bytes, how many sheets it has, and how many texts were cut to fit."""

    data: bytes
    sheets: int
    cut: int


def workbook(records: Sequence[Record]) -> Workbook:
    """A workbook of every CSV table's rows for ``records``, a sheet per table."""
    return workbook_of(lambda table: (sheet_rows(table, record) for record in records))


def workbook_of(shares: Callable[[Table], Iterable[bytes]]) -> Workbook:
    """A workbook of every CSV table, a sheet per table, whose rows are each record's
    ``sheet_rows`` in turn, as ``shares`` gives them."""
    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, _OPTIONS)
    book.set_properties({"title": "Advising records", "created": CREATED})
    styles = _Styles(book.add_format({"bold": True}), book.add_format({"num_format": "yyyy-mm-dd"}))
    cut = 0
    for table in TABLES:
        sheet = _Sheet(book.add_worksheet(table.name), table.columns, styles)
        cut += sheet.fill(marshal.loads(share) for share in shares(table))
    book.close()
    return Workbook(stream.getvalue(), len(TABLES), cut)


def sheet_rows(table: Table, record: Record) -> bytes:
    """A record's rows of ``table``, as its sheet holds them: each cell's value of the type it is
    written as, the width each column needs, and how many texts were cut to fit."""
    widths = [0] * len(table.columns)
    cut = 0
    rows = []
    for row in table.rows(record):
        cells = []
        for index, column in enumerate(table.columns):
            cell, shown, cuts = _cell(column, row[column.name])
            cells.append(cell)
            cut += cuts
            width = len(shown) if "\n" not in shown else max(map(len, shown.split("\n")))
            widths[index] = max(widths[index], width)
        rows.append(tuple(cells))
    return marshal.dumps((rows, widths, cut))


def _cell(column: Column, value: Cell) -> tuple[_Written, str, int]:
    """What is written for ``value`` (a date as a 1-tuple of its text), the text the cell
    shows, and whether it was cut to fit (1) or not (0)."""
    if value is None:
        return None, "", 0
    if isinstance(value, bool):
        return value, "FALSE", 0
    if isinstance(value, int) and abs(value) <= LARGEST_NUMBER:
        return value, str(value), 0
    day = _date(value) if column.type == "date" else None
    if day is not None:
        return (day.isoformat(),), day.isoformat(), 0
    text = str(value)
    if len(text) * 2 <= CELL_LIMIT or _utf16_length(text) <= CELL_LIMIT:
        return text, text, 0
    text = _utf16_prefix(text, CELL_LIMIT - _utf16_length(CUT_NOTE)) + CUT_NOTE
    return text, text, 1


# A cell as a sheet's rows hold it: nothing, a boolean, a number, a date's text, or a text.
_Written = None | bool | int | tuple[str] | str


@dataclass(frozen=True)
class _Styles:
    header: Any
    date: Any


class _Sheet:
    """Writes one table into its worksheet, keeping the width each column needs."""

    def __init__(self, sheet: Any, columns: Sequence[Column], styles: _Styles) -> None:
        self.sheet = sheet
        self.columns = columns
        self.styles = styles
        self.widths = [len(column.name) + FILTER_BUTTON for column in columns]

    def fill(self, shares: Iterable[tuple[list[tuple[_Written, ...]], list[int], int]]) -> int:
        """Write the header and each record's rows; return how many texts were cut to fit."""
        for index, column in enumerate(self.columns):
            self.sheet.write_string(0, index, column.name, self.styles.header)
        number = cut = 0
        for rows, widths, cuts in shares:
            for row in rows:
                number += 1
                self._write(number, row)
            self.widths = [max(pair) for pair in zip(self.widths, widths, strict=True)]
            cut += cuts
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, number, len(self.columns) - 1)
        for index, width in enumerate(self.widths):
            self.sheet.set_column(index, index, min(width, WIDEST_COLUMN))
        return cut

    def _write(self, number: int, row: tuple[_Written, ...]) -> None:
        sheet = self.sheet
        for index, cell in enumerate(row):
            if cell is None:
                continue
            if isinstance(cell, bool):
                sheet.write_boolean(number, index, cell)
            elif isinstance(cell, int):
                sheet.write_number(number, index, cell)
            elif isinstance(cell, tuple):
                day = datetime.date.fromisoformat(cell[0])
                sheet.write_datetime(number, index, day, self.styles.date)
            else:
                sheet.write_string(number, index, cell)


def _date(value: str | int) -> datetime.date | None:
    """The date ``value`` writes as YYYY-MM-DD, when a spreadsheet can show it as a date."""
    try:
        day = datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
    return day if day.isoformat() == value and day >= FIRST_DATE else None


def _utf16_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


def _utf16_prefix(text: str, units: int) -> str:
    """The longest start of ``text`` of at most ``units`` UTF-16 code units."""
    used = 0
    for index, character in enumerate(text):
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text
