"""The CSV export writes its rows itself: each must be the line the csv module writes for the
same cells (RFC 4180, QUOTE_MINIMAL, CRLF), whatever the cells hold."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advising_content.export.csv_files import csv_line

# Text that leans on what quoting turns on: commas, quotes, line breaks, spaces.
_CELL = st.text(st.sampled_from(",\"\r\n \t'=ab\u00e9\u2028") | st.characters(), max_size=12)


def _written_by_csv(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL, doublequote=True).writerow(
        cells
    )
    return out.getvalue()


@given(st.lists(_CELL, max_size=6))
def test_a_row_is_the_line_the_csv_module_writes(cells: list[str]) -> None:
    assert csv_line(cells) == _written_by_csv(cells)


@pytest.mark.parametrize(
    ("cells", "line"),
    [
        (["a", "b"], "a,b\r\n"),
        (["a,b", "c"], '"a,b",c\r\n'),
        (['say "hi"', ""], '"say ""hi""",\r\n'),
        (["two\nlines", "x"], '"two\nlines",x\r\n'),
        (["cr\r", "x"], '"cr\r",x\r\n'),
        ([""], '""\r\n'),
        (["", ""], ",\r\n"),
        ([], "\r\n"),
    ],
)
def test_a_row_is_quoted_only_where_it_must_be(cells: list[str], line: str) -> None:
    assert csv_line(cells) == line


def test_a_table_of_one_column_writes_each_cell_whole() -> None:
    from advising_content.export.csv_columns import Column, Table
    from advising_content.export.csv_files import rows_texts
    from advising_content.export.csv_options import CsvOptions

    table = Table(
        "names",
        "One name per row.",
        (Column("name", "string", "A name."),),
        "name",
        (),
        lambda record: iter([{"name": "Ada"}, {"name": "=SUM(1)"}, {"name": ""}]),
    )
    assert rows_texts([table], {}, CsvOptions()) == ['Ada\r\n\'=SUM(1)\r\n""\r\n']
