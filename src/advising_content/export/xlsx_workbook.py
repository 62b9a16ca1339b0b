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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # it ships no type information

from advising_content.export.csv_tables import TABLES, Cell, Column, Row, Table
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
    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, _OPTIONS)
    book.set_properties({"title": "Advising records", "created": CREATED})
    styles = _Styles(book.add_format({"bold": True}), book.add_format({"num_format": "yyyy-mm-dd"}))
    cut = 0
    for table in TABLES:
        sheet = _Sheet(book.add_worksheet(table.name), table.columns, styles)
        cut += sheet.fill(_rows(table, records))
    book.close()
    return Workbook(stream.getvalue(), len(TABLES), cut)


def _rows(table: Table, records: Sequence[Record]) -> list[Row]:
    return [row for record in records for row in table.rows(record)]


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
        self.cut = 0

    def fill(self, rows: Sequence[Row]) -> int:
        """Write the header and ``rows``; return how many texts were cut to fit a cell."""
        for index, column in enumerate(self.columns):
            self.sheet.write_string(0, index, column.name, self.styles.header)
        for number, row in enumerate(rows, start=1):
            for index, column in enumerate(self.columns):
                shown = self._write(number, index, column, row[column.name])
                longest = max((len(line) for line in shown.split("\n")), default=0)
                self.widths[index] = max(self.widths[index], longest)
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, len(rows), len(self.columns) - 1)
        for index, width in enumerate(self.widths):
            self.sheet.set_column(index, index, min(width, WIDEST_COLUMN))
        return self.cut

    def _write(self, row: int, index: int, column: Column, value: Cell) -> str:
        """Write ``value`` as the type it has; return the text the cell shows."""
        if value is None:
            return ""
        if isinstance(value, bool):
            self.sheet.write_boolean(row, index, value)
            return "FALSE"
        if isinstance(value, int) and abs(value) <= LARGEST_NUMBER:
            self.sheet.write_number(row, index, value)
            return str(value)
        day = _date(value) if column.type == "date" else None
        if day is not None:
            self.sheet.write_datetime(row, index, day, self.styles.date)
            return day.isoformat()
        text = self._fitted(str(value))
        self.sheet.write_string(row, index, text)
        return text

    def _fitted(self, text: str) -> str:
        if _utf16_length(text) <= CELL_LIMIT:
            return text
        self.cut += 1
        return _utf16_prefix(text, CELL_LIMIT - _utf16_length(CUT_NOTE)) + CUT_NOTE


def _date(value: str | int) -> datetime.date | None:
    """The date ``value`` writes as YYYY-MM-DD, when a spreadsheet can show it as a date."""
    try:
        day = datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
    return day if day.isoformat() == value and day >= FIRST_DATE else None


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


def _utf16_prefix(text: str, units: int) -> str:
    """The longest start of ``text`` of at most ``units`` UTF-16 code units."""
    used = 0
    for index, character in enumerate(text):
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text
