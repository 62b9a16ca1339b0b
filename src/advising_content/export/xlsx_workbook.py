"""The workbook export: the CSV tables as the sheets of one workbook, for people to read.

Each sheet is a table of the CSV export, named as its file is, with the same columns and rows;
its cells hold the raw values, typed as their column declares: text is always text (never a
formula, a number or a link, whatever it begins with), integers are numbers, true or false is a
boolean, and dates are dates. The header row is frozen and filtered, and each column is as wide
as what it holds, up to a limit.

The same records give the same bytes: XlsxWriter dates every file inside the workbook
1980-01-01, and the document says it was created then too.

XlsxWriter keeps each cell it is given as an object until the workbook is closed, which costs
more time and memory than the rest of the export. So each record's rows are made into their
cells' XML where the record is written, on either core, and a sheet only numbers the rows and
puts their texts in the workbook's shared texts, with XlsxWriter's own (private) methods: the
bytes are those of a call per cell, as a test checks.
"""

from __future__ import annotations

import datetime
import io
import marshal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # it ships no type information
from xlsxwriter.utility import xl_col_to_name  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from advising_content.export.csv_tables import TABLES, Column, Row, Table
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
# So from FIRST_DATE on, a date's number in a spreadsheet is its days since this one.
DAY_ZERO = datetime.date(1899, 12, 30)
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
        sheet = book.add_worksheet(table.name, worksheet_class=_Sheet)
        cut += sheet.fill(table.columns, (marshal.loads(share) for share in shares(table)), styles)
    book.close()
    return Workbook(stream.getvalue(), len(TABLES), cut)


def sheet_rows(table: Table, record: Record) -> bytes:
    """A record's rows of ``table``, as its sheet holds them: each row's cells as XML (with
    {0} for the row's number, {1} for the style of dates and {2} on for its texts' numbers in
    the shared texts), its first and last columns with a value, and its texts; the width each
    column needs, how many texts were cut to fit, and whether any cell is a date."""
    layout = _layout(table)
    widths = [0] * len(layout.names)
    rows = []
    cut = 0
    for row in table.rows(record):
        cells, cuts = _cells(layout, row, widths)
        rows.append(cells)
        cut += cuts
    dated = any(_DATE_STYLE in cells for cells, _, _, _ in rows)
    return marshal.dumps((rows, widths, cut, dated))


# A row as sheet_rows gives it: its cells' XML, its first and last columns with a value, and its
# texts; and a record's rows of a table: its rows, the width each column needs, how many texts
# were cut, and whether any cell is a date.
_SheetRow = tuple[str, int, int, tuple[str, ...]]
_Share = tuple[list[_SheetRow], list[int], int, bool]


@dataclass(frozen=True)
class _Layout:
    """A table's columns as sheet_rows writes them: their names, the start of their cells'
    XML, which hold dates, and the end of a cell holding a row's first, second... text."""

    names: tuple[str, ...]
    starts: tuple[str, ...]
    dates: frozenset[int]
    text_ends: tuple[str, ...]


_LAYOUTS: dict[str, _Layout] = {}
_DATE_STYLE = ' s="{1}"'
# The longest text that surely fits in a cell, whatever its characters.
_SHORT_TEXT = CELL_LIMIT // 2


def _layout(table: Table) -> _Layout:
    if table.name not in _LAYOUTS:
        columns = table.columns
        _LAYOUTS[table.name] = _Layout(
            tuple(column.name for column in columns),
            tuple(f'<c r="{xl_col_to_name(index)}{{0}}"' for index in range(len(columns))),
            frozenset(index for index, column in enumerate(columns) if column.type == "date"),
            tuple(f' t="s"><v>{{{texts + 1}}}</v></c>' for texts in range(len(columns) + 1)),
        )
    return _LAYOUTS[table.name]


def _cells(layout: _Layout, row: Row, widths: list[int]) -> tuple[_SheetRow, int]:
    """A row as sheet_rows gives it, and how many of its texts were cut to fit; widen
    ``widths`` to what the row shows."""
    starts, dates, text_ends = layout.starts, layout.dates, layout.text_ends
    cells, texts = [], []
    first = last = -1
    cut = 0
    for index, value in enumerate(map(row.__getitem__, layout.names)):
        if value is None:
            continue
        if value.__class__ is str and len(value) <= _SHORT_TEXT and index not in dates:
            ending, shown = None, value
        else:
            ending, shown, cuts = _cell(value, index in dates)
            cut += cuts
        if ending is None:
            texts.append(shown)
            ending = text_ends[len(texts)]
        cells.append(starts[index] + ending)
        if first < 0:
            first = index
        last = index
        if widths[index] < WIDEST_COLUMN:
            width = len(shown) if "\n" not in shown else max(map(len, shown.split("\n")))
            if width > widths[index]:
                widths[index] = width
    return ("".join(cells), first, last, tuple(texts)), cut


def _cell(value: str | int, date_column: bool) -> tuple[str | None, str, int]:
    """The XML that ends the cell of ``value`` (None for a text, which is a shared text), the
    text the cell shows, and whether it was cut to fit (1) or not (0)."""
    if isinstance(value, bool):
        return f' t="b"><v>{int(value)}</v></c>', "FALSE", 0
    if isinstance(value, int) and abs(value) <= LARGEST_NUMBER:
        return f"><v>{value}</v></c>", str(value), 0
    day = _date(value) if date_column else None
    if day is not None:
        return f"{_DATE_STYLE}><v>{(day - DAY_ZERO).days}</v></c>", day.isoformat(), 0
    text = str(value)
    if len(text) * 2 <= CELL_LIMIT or _utf16_length(text) <= CELL_LIMIT:
        return None, text, 0
    text = _utf16_prefix(text, CELL_LIMIT - _utf16_length(CUT_NOTE)) + CUT_NOTE
    return None, text, 1


@dataclass(frozen=True)
class _Styles:
    header: Any
    date: Any


class _Sheet(Worksheet):  # type: ignore[misc]  # XlsxWriter ships no type information
    """A worksheet given its rows as XML. They are written 16 at a time (rows 1 to 16, 17 to
    32...), as each row names the columns that its 16 have values in."""

    def __init__(self) -> None:
        super().__init__()
        self.rows_xml = io.StringIO()
        # The rows of the 16 so far: number, first and last columns with a value, cells.
        self.block: list[tuple[int, int, int, str]] = []

    def fill(self, columns: Sequence[Column], shares: Iterable[_Share], styles: _Styles) -> int:
        """Write the header and each record's rows; return how many texts were cut to fit."""
        names = [column.name for column in columns]
        bold = styles.header._get_xf_index()
        header = "".join(
            f'<c r="{xl_col_to_name(index)}{{0}}" s="{bold}" t="s"><v>{{{index + 2}}}</v></c>'
            for index in range(len(names))
        )
        number = self._add(0, [(header, 0, len(names) - 1, tuple(names))], 0)
        widths = [len(name) + FILTER_BUTTON for name in names]
        cut = 0
        for rows, share_widths, cuts, dated in shares:
            number = self._add(number, rows, styles.date._get_xf_index() if dated else 0)
            widths = list(map(max, widths, share_widths))
            cut += cuts
        self.freeze_panes(1, 0)
        self.autofilter(0, 0, number - 1, len(names) - 1)
        for index, width in enumerate(widths):
            self.set_column(index, index, min(width, WIDEST_COLUMN))
        return cut

    def _add(self, number: int, rows: Iterable[_SheetRow], style: int) -> int:
        """Add ``rows`` as the rows from ``number`` on; return the number after them."""
        shared = self.str_table._get_shared_string_index
        block = self.block
        for cells, first, last, texts in rows:
            # As XlsxWriter keeps cells: none past the sheet's last row, nor their texts.
            if first >= 0 and not self._check_dimensions(number, first):
                self._check_dimensions(number, last)
                if block and number >> 4 != block[0][0] >> 4:
                    self._end_block()
                xml = cells.format(number + 1, style, *map(shared, texts))
                block.append((number, first, last, xml))
            number += 1
        return number

    def _end_block(self) -> None:
        numbers, firsts, lasts, rows = zip(*self.block, strict=True)
        spans = f"{min(firsts) + 1}:{max(lasts) + 1}"
        self.rows_xml.write(
            "".join(
                f'<row r="{number + 1}" spans="{spans}">{cells}</row>'
                for number, cells in zip(numbers, rows, strict=True)
            )
        )
        self.block.clear()

    def _write_rows(self) -> None:
        # XlsxWriter writes the sheet's rows here, from the cells it keeps: this sheet keeps none.
        if self.block:
            self._end_block()
        self.fh.write(self.rows_xml.getvalue())
        self.rows_xml = io.StringIO()


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
