"""The CSV export: normalized tables that join back into the records, safe for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from advising_content.export.csv_tables import TABLES
from advising_content.spreadsheets import FORMULA_STARTS
from conftest import tree
from csv_export import SOURCES, export, read_tables
from csv_rebuild import rebuilt
from prose_text import plain, with_prose


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("raw"), "--raw-csv")


@pytest.fixture(scope="module")
def safe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("safe"))


def _records() -> dict[str, dict[str, Any]]:
    loaded = (yaml.safe_load(path.read_text("utf-8")) for path in SOURCES)
    return {f"{record['institution']['id']}/{record['id']}": record for record in loaded}


def test_joining_the_tables_gives_back_every_record(raw: Path) -> None:
    tables = read_tables(raw)
    records = _records()
    assert [row["record_key"] for row in tables["records"]] == sorted(records)
    found = rebuilt(tables)
    for key, record in records.items():
        expected = with_prose(record, plain)
        expected.pop("page_order", None)  # page_blocks holds the order; see test_export_csv_rows
        assert found[key] == expected, key


def test_every_table_has_a_unique_primary_key_and_the_record_key(raw: Path) -> None:
    tables = read_tables(raw)
    record_keys = {row["record_key"] for row in tables["records"]}
    for table in TABLES:
        rows = tables[table.name]
        keys = [row[table.primary_key] for row in rows]
        assert len(keys) == len(set(keys)), table.name
        assert all(row["record_key"] in record_keys for row in rows), table.name
        owners = ["/".join(key.split("/")[:2]) for key in keys]
        assert owners == [row["record_key"] for row in rows], table.name


def test_rfc_4180_header_fixed_columns_crlf_and_doubled_quotes(raw: Path) -> None:
    for table in TABLES:
        data = (raw / "csv" / f"{table.name}.csv").read_bytes()
        assert data.startswith(",".join(table.column_names).encode() + b"\r\n")
        assert data.endswith(b"\r\n")
    short_names = (raw / "csv" / "short_names.csv").read_bytes().decode("utf-8")
    assert 'feinberg/hostile-text/6,feinberg/hostile-text,6,"""quoted"""\r\n' in short_names
    assert 'feinberg/hostile-text/5,feinberg/hostile-text,5,"a,b"\r\n' in short_names
    titles = (raw / "csv" / "advisor_titles.csv").read_bytes().decode("utf-8")
    assert (
        "feinberg/all-fields/jane-doe/1,feinberg/all-fields,feinberg/all-fields/jane-doe,1,"
        '"Director, Example Residency Program"\r\n'
    ) in titles


def test_raw_values_are_untouched(raw: Path) -> None:
    short_names = [row["short_name"] for row in read_tables(raw)["short_names"]]
    assert short_names[short_names.index("=1+1") :][:4] == ["=1+1", "-dash", "+plus", "@at"]


def test_spreadsheet_mode_neutralizes_formula_like_cells(raw: Path, safe: Path) -> None:
    raw_tables, safe_tables = read_tables(raw), read_tables(safe)
    neutralized = 0
    for name, rows in safe_tables.items():
        for safe_row, raw_row in zip(rows, raw_tables[name], strict=True):
            for column, value in safe_row.items():
                assert not value.startswith(FORMULA_STARTS), (name, column, value)
                if raw_row[column].startswith(FORMULA_STARTS):
                    assert value == "'" + raw_row[column]
                    neutralized += 1
                else:
                    assert value == raw_row[column]
    assert neutralized >= 14


def test_excel_adds_a_byte_order_mark(tmp_path: Path, raw: Path) -> None:
    excel = export(tmp_path, "--excel", "--raw-csv")
    for table in TABLES:
        data = (excel / "csv" / f"{table.name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:] == (raw / "csv" / f"{table.name}.csv").read_bytes()
    assert read_tables(excel, "utf-8-sig") == read_tables(raw)


_REFERENCE_TO_RECORDS = {
    "fields": ["record_key"],
    "reference": {"resource": "records", "fields": ["record_key"]},
}


def test_the_datapackage_describes_every_table(raw: Path) -> None:
    package = json.loads((raw / "csv" / "datapackage.json").read_text("utf-8"))
    assert "belongs to the institutions whose advising pages they record" in package["description"]
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert list(resources) == [
        "records", "short_names", "citations", "citation_authors", "question_groups", "answers",
        "sections", "page_blocks", "sessions", "session_advisors", "advisor_groups",
        "advisor_group_members", "advisors", "advisor_titles", "degrees", "contacts", "links",
    ]  # fmt: skip
    assert list(resources) == [table.name for table in TABLES]
    for table in TABLES:
        schema = resources[table.name]["schema"]
        assert [field["name"] for field in schema["fields"]] == table.column_names
        assert schema["primaryKey"] == [table.primary_key]
        assert table.name == "records" or _REFERENCE_TO_RECORDS in schema["foreignKeys"]
        assert resources[table.name]["dialect"]["lineTerminator"] == "\r\n"
    assert resources["advisor_group_members"]["schema"]["foreignKeys"] == [
        _REFERENCE_TO_RECORDS,
        {
            "fields": ["advisor_group_key"],
            "reference": {"resource": "advisor_groups", "fields": ["advisor_group_key"]},
        },
        {
            "fields": ["advisor_key"],
            "reference": {"resource": "advisors", "fields": ["advisor_key"]},
        },
    ]


def _frictionless(package: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).parent / "frictionless"
    return subprocess.run(
        [str(command), "validate", "--json", str(package)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.parametrize("mode", ["raw", "safe", "excel"])
def test_frictionless_validates_the_export(
    tmp_path: Path, raw: Path, safe: Path, mode: str
) -> None:
    out = {"raw": raw, "safe": safe}.get(mode) or export(tmp_path, "--excel")
    result = _frictionless(out / "csv" / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert json.loads(result.stdout)["valid"] is True


@pytest.mark.parametrize(
    ("table", "reference", "broken_reference"),
    [
        ("answers", b",feinberg/med-peds/m1-m2,", b",feinberg/med-peds/nowhere,"),
        ("advisor_group_members", b",feinberg/all-fields/jane-doe,", b",feinberg/all-fields/no,"),
        ("page_blocks", b",feinberg/all-fields,", b",feinberg/nowhere,"),
    ],
)
def test_frictionless_notices_a_broken_foreign_key(
    tmp_path: Path, raw: Path, table: str, reference: bytes, broken_reference: bytes
) -> None:
    broken = tmp_path / "broken"
    for name, data in tree(raw).items():
        (broken / name).parent.mkdir(parents=True, exist_ok=True)
        (broken / name).write_bytes(data)
    path = broken / "csv" / f"{table}.csv"
    assert reference in path.read_bytes()
    path.write_bytes(path.read_bytes().replace(reference, broken_reference, 1))
    result = _frictionless(broken / "csv" / "datapackage.json")
    assert result.returncode != 0
    report = json.loads(result.stdout)
    errors = [(task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]]
    assert errors == [(table, "foreign-key")]


def test_the_readme_documents_every_table_and_column() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    for table in TABLES:
        bullet = f"\n- `{table.name}.csv`"
        assert bullet in readme, table.name
        section = readme.split(bullet, 1)[1].split("\n-", 1)[0]
        for column in table.column_names:
            assert f"`{column}`" in section, (table.name, column)


def test_the_stdlib_reader_reads_multiline_cells(raw: Path) -> None:
    text = (raw / "csv" / "answers.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    hostile = next(
        row for row in rows if row["answer_key"] == "feinberg/hostile-text/preclinical-advice"
    )
    assert hostile["answer"].startswith(
        '=HYPERLINK("http://evil.example","click")\n\n> not a quote\n\n# not a heading\n\n'
    )
    assert hostile["answer"].endswith(
        "\n\nSecond paragraph with [ref]: /url and <http://auto.link> and ~~strike~~ and | a | b |"
    )
