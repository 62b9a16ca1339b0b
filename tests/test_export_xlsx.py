"""The workbook export: a sheet per CSV table, read back by a spreadsheet program (LibreOffice)
and by openpyxl, value for value against the raw CSV export."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
import yaml
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from advising_content.cli import main
from advising_content.export.csv_tables import TABLES, Column
from advising_content.export.xlsx_workbook import CELL_LIMIT, CUT_NOTE, WIDEST_COLUMN
from conftest import ALL_FIELDS, CONTENT, EXPORT_EXAMPLES, REPO, tree
from needs import program

WORKBOOK = "xlsx/advising-records.xlsx"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
HOSTILE_KEY = "feinberg/hostile-cells"
# Text that a spreadsheet would read as a formula, a number, a boolean or a date, or that the
# workbook's XML would decode (_x0041_ is how it writes an 'A'), each kept as written.
HOSTILE_NAMES = [
    "=1+1",
    "+1 617 555 0100",
    "-2",
    "@SUM(A1:A2)",
    '=HYPERLINK("http://evil.example","click")',
    "02115",
    "'quoted",
    "_x0041_",
    "TRUE",
    "1e5",
    "2024-01-01",
    "0.50",
    "\tTab",
    "line\rbreak",
]
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, no column formats,
# default language, quoted fields as text: no, special numbers: yes, cell content as shown:
# no, formulas: no, remove spaces: no, and every sheet to a file of its own (-1, since 7.2).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _export(out: Path, *arguments: str | Path) -> Path:
    result = CliRunner().invoke(main, ["export", *map(str, arguments), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _hostile_record(folder: Path) -> Path:
    record = yaml.safe_load(ALL_FIELDS.read_text("utf-8"))
    record["id"] = "hostile-cells"
    record["specialty"]["short_names"] = HOSTILE_NAMES
    record["contacts"][0].update(postal_code="02115", phone="+1 617 555 0100")
    record["quote"]["citation"]["edition"] = 1234567890123456789  # more digits than a number
    record["sessions"][0]["date"] = "1899-12-31"  # before any date a spreadsheet shows
    path = folder / "hostile-cells.yaml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
    return path


SOURCES = (CONTENT, REPO / "examples", ALL_FIELDS, EXPORT_EXAMPLES)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's records and the hostile one, as a workbook and as raw CSV."""
    folder = tmp_path_factory.mktemp("xlsx")
    hostile = _hostile_record(folder)
    options = ("--format", "xlsx", "--format", "csv", "--raw-csv")
    return _export(folder / "out", *SOURCES, hostile, *options)


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def _raw_table(exported: Path, name: str) -> list[list[str]]:
    return _read_csv(exported / "csv" / f"{name}.csv")


@pytest.fixture(scope="module")
def soffice() -> str:
    return program(
        "soffice",
        "LibreOffice reads the workbook back as a spreadsheet program; install "
        "libreoffice-calc-nogui",
    )


@pytest.fixture(scope="module")
def libreoffice(
    soffice: str, exported: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[list[str]]]:
    """Each sheet of the workbook as LibreOffice Calc saves it as CSV."""
    folder = tmp_path_factory.mktemp("libreoffice")
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    command = [soffice, profile, "--headless", "--convert-to", CSV_FILTER]
    command += ["--outdir", str(folder / "csv"), str(exported / WORKBOOK)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    tables = {}
    for table in TABLES:
        path = folder / "csv" / f"advising-records-{table.name}.csv"
        assert path.is_file(), f"LibreOffice wrote no {path.name}: {done.stdout}{done.stderr}"
        tables[table.name] = _read_csv(path)
    return tables


def _as_libreoffice_shows(column: Column, value: str) -> str:
    return value.upper() if column.type == "boolean" else value


@pytest.mark.external
def test_libreoffice_reads_back_every_raw_value(
    exported: Path, libreoffice: dict[str, list[list[str]]]
) -> None:
    cells = 0
    for table in TABLES:
        header, *rows = _raw_table(exported, table.name)
        expected = [
            [_as_libreoffice_shows(c, value) for c, value in zip(table.columns, row, strict=True)]
            for row in rows
        ]
        assert libreoffice[table.name] == [header, *expected], table.name
        cells += sum(1 for row in rows for value in row if value)
    assert cells > 3000


@pytest.mark.external
def test_libreoffice_keeps_hostile_text_as_written(libreoffice: dict[str, list[list[str]]]) -> None:
    names = [row[3] for row in libreoffice["short_names"] if row[1] == HOSTILE_KEY]
    assert names == HOSTILE_NAMES
    header, *rows = libreoffice["contacts"]
    contact = dict(zip(header, next(row for row in rows if row[1] == HOSTILE_KEY), strict=True))
    assert (contact["postal_code"], contact["phone"]) == ("02115", "+1 617 555 0100")
    header, *rows = libreoffice["citations"]
    citation = dict(zip(header, next(row for row in rows if row[1] == HOSTILE_KEY), strict=True))
    assert citation["edition"] == "1234567890123456789"
    answers = {row[0]: row for row in libreoffice["answers"]}
    answer = answers["feinberg/hostile-text/preclinical-advice"][8]
    assert answer.startswith('=HYPERLINK("http://evil.example","click")\n\n> not a quote\n\n')


def _expected(column: Column, value: str) -> tuple[str, Any]:
    """The type openpyxl reads a cell as, and its value, for the raw CSV value. (openpyxl leaves
    a control character as the workbook writes it, '\\r' as '_x000D_'; LibreOffice reads it.)"""
    if value == "":
        return ("n", None)
    if column.type == "boolean":
        return ("b", value == "true")
    if column.type == "integer" and len(value.lstrip("-")) <= 15:
        return ("n", int(value))
    if column.type == "date" and value >= "1900-03-01":
        return ("d", value)
    return ("s", CONTROL.sub(lambda found: f"_x{ord(found[0]):04X}_", value))


def _read(cell: Any) -> tuple[str, Any]:
    if isinstance(cell.value, datetime.datetime):
        return (cell.data_type, cell.value.date().isoformat())
    return (cell.data_type, cell.value)


def test_cells_have_their_columns_types_and_none_is_a_formula(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / WORKBOOK)
    assert book.sheetnames == [table.name for table in TABLES]
    found = set()
    for table in TABLES:
        sheet = book[table.name]
        header, *rows = _raw_table(exported, table.name)
        cells = list(sheet.iter_rows())
        assert [cell.value for cell in cells[0]] == header
        assert all(cell.font.bold for cell in cells[0])
        for row, values in zip(cells[1:], rows, strict=True):
            for column, cell, value in zip(table.columns, row, values, strict=True):
                assert cell.data_type != "f"
                assert _read(cell) == _expected(column, value), (table.name, column.name)
                found.add(cell.data_type)
    assert found == {"s", "n", "b", "d"}
    with zipfile.ZipFile(exported / WORKBOOK) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert len(sheets) == len(TABLES)
        assert not any(b"<f" in archive.read(name) for name in sheets)


def test_the_header_is_frozen_and_filtered_and_columns_fit(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / WORKBOOK)
    for table in TABLES:
        sheet = book[table.name]
        header, *rows = _raw_table(exported, table.name)
        widths = {
            number: group.width
            for group in sheet.column_dimensions.values()
            for number in range(group.min, group.max + 1)
        }
        assert sheet.freeze_panes == "A2"
        last = get_column_letter(len(header))
        assert sheet.auto_filter.ref == f"A1:{last}{len(rows) + 1}"
        for index, name in enumerate(header):
            lines = [line for row in rows for line in row[index].split("\n")]
            longest = max(len(name) + 3, *(len(line) for line in lines))
            width = widths[index + 1]
            assert min(longest, WIDEST_COLUMN) <= width <= WIDEST_COLUMN + 1, (table.name, name)


def _cell_by_cell(exported: Path) -> bytes:
    """The workbook as XlsxWriter writes it from a call per cell, given the raw CSV values."""
    stream = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
    book = xlsxwriter.Workbook(stream, {**options, "strings_to_urls": False})
    created = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)
    book.set_properties({"title": "Advising records", "created": created})
    bold, day = book.add_format({"bold": True}), book.add_format({"num_format": "yyyy-mm-dd"})
    for table in TABLES:
        sheet = book.add_worksheet(table.name)
        header, *rows = _raw_table(exported, table.name)
        widths = [len(name) + 3 for name in header]
        for index, name in enumerate(header):
            sheet.write_string(0, index, name, bold)
        for number, row in enumerate(rows, 1):
            for index, (column, value) in enumerate(zip(table.columns, row, strict=True)):
                kind, typed = _expected(column, value)
                if kind == "s":
                    sheet.write_string(number, index, value)
                elif kind == "n" and typed is not None:
                    sheet.write_number(number, index, typed)
                elif kind == "b":
                    sheet.write_boolean(number, index, typed)
                elif kind == "d":
                    sheet.write_datetime(number, index, datetime.date.fromisoformat(value), day)
                widths[index] = max(widths[index], *map(len, value.split("\n")))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(header) - 1)
        for index, width in enumerate(widths):
            sheet.set_column(index, index, min(width, WIDEST_COLUMN))
    book.close()
    return stream.getvalue()


def test_the_workbook_is_what_xlsxwriter_writes_cell_by_cell(exported: Path) -> None:
    # The export writes each sheet's rows as XML itself, rather than a call per cell.
    assert (exported / WORKBOOK).read_bytes() == _cell_by_cell(exported)


def test_the_workbook_is_deterministic_and_in_the_manifest(exported: Path, tmp_path: Path) -> None:
    again = _export(tmp_path / "again", *reversed(SOURCES), exported.parent / "hostile-cells.yaml")
    data = (exported / WORKBOOK).read_bytes()
    assert tree(again)[WORKBOOK] == data
    with zipfile.ZipFile(exported / WORKBOOK) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = openpyxl.load_workbook(exported / WORKBOOK).properties
    assert (properties.created, properties.title) == (
        datetime.datetime(1980, 1, 1),
        "Advising records",
    )
    manifest = json.loads((exported / "manifest.json").read_text("utf-8"))
    assert manifest["files"][WORKBOOK]["bytes"] == len(data)
    index = json.loads((exported / "index.json").read_text("utf-8"))
    assert index["tables"]["workbook"] == WORKBOOK


def test_the_summary_names_the_workbook(cli, tmp_path: Path) -> None:
    hostile = _hostile_record(tmp_path)
    outcome = cli("export", str(hostile), "--out", "out", "--format", "xlsx", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.splitlines()[-1] == (
        "Exported to out: 1 record, 1 workbook of 17 sheets in xlsx/, index.json and manifest.json."
    )
    assert set(tree(tmp_path / "out")) == {WORKBOOK, "index.json", "manifest.json"}


def test_a_text_longer_than_a_cell_holds_is_cut_and_said_so(cli, tmp_path: Path) -> None:
    record = yaml.safe_load(ALL_FIELDS.read_text("utf-8"))
    paragraphs = ["a" * 16_000 + "🙂" * 1_000, "b" * 17_000]
    record["question_groups"][0]["questions"][0]["answer"] = paragraphs
    (tmp_path / "all-fields.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    outcome = cli("export", "all-fields.yaml", "--out", "out", "--format", "xlsx", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.splitlines()[-1] == (
        "Exported to out: 1 record, 1 workbook of 17 sheets in xlsx/ (1 text cut to the 32,767 "
        "characters a cell holds), index.json and manifest.json."
    )
    sheet = openpyxl.load_workbook(tmp_path / "out" / WORKBOOK)["answers"]
    answer = sheet["I2"].value
    assert answer.endswith(CUT_NOTE)
    assert "\n\n".join(paragraphs).startswith(answer.removesuffix(CUT_NOTE))
    assert len(answer.encode("utf-16-le")) // 2 == CELL_LIMIT
