"""The CSV export: normalized tables that join back into the records, safe for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from advising_content.export.csv_tables import TABLES
from advising_content.spreadsheets import FORMULA_STARTS
from conftest import ALL_FIELDS, EXPORT_EXAMPLES, MED_PEDS, tree

SOURCES = [MED_PEDS, ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]
Tables = dict[str, list[dict[str, str]]]


def _export(tmp_path: Path, *options: str) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = tmp_path / "out"
    arguments = ["export", *map(str, SOURCES), "--out", str(out), "--format", "csv", *options]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(tmp_path_factory.mktemp("raw"), "--raw-csv")


@pytest.fixture(scope="module")
def safe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(tmp_path_factory.mktemp("safe"))


def _tables(out: Path, encoding: str = "utf-8") -> Tables:
    tables = {}
    for table in TABLES:
        with (out / "csv" / f"{table.name}.csv").open(encoding=encoding, newline="") as stream:
            tables[table.name] = list(csv.DictReader(stream))
    return tables


def _records() -> dict[str, dict[str, Any]]:
    loaded = (yaml.safe_load(path.read_text("utf-8")) for path in SOURCES)
    return {record["id"]: record for record in loaded}


def _by(rows: list[dict[str, str]], column: str) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        grouped[row[column]].append(row)
    return grouped


def _optional(value: str) -> str | None:
    return value or None


def test_joining_the_tables_gives_back_every_record(raw: Path) -> None:
    tables = _tables(raw)
    records = _records()
    assert [row["record_id"] for row in tables["records"]] == sorted(records)
    groups = {row["group_key"]: row for row in tables["question_groups"]}
    answers = _by(tables["answers"], "record_id")
    advisors = _by(tables["advisors"], "record_id")
    degrees = _by(tables["degrees"], "advisor_key")
    sessions = _by(tables["sessions"], "record_id")
    session_advisors = _by(tables["session_advisors"], "session_key")
    short_names = _by(tables["short_names"], "record_id")
    advisor_ids = {row["advisor_key"]: row["advisor_id"] for row in tables["advisors"]}
    for row in tables["records"]:
        record = records[row["record_id"]]
        assert row["specialty"] == record["specialty"]["name"]
        assert row["institution"] == record["institution"]["name"]
        assert _optional(row["quote_text"]) == record.get("quote", {}).get("text")
        assert [r["short_name"] for r in short_names[row["record_id"]]] == record["specialty"].get(
            "short_names", []
        )

        rebuilt_questions = [
            (
                groups[a["group_key"]]["heading"],
                groups[a["group_key"]]["audiences"].split(";"),
                a["question_key"],
                a["question"],
                a["answer"],
                _optional(a["stance"]),
                a["months"].split(";") if a["months"] else None,
                a["custom"] == "true",
            )
            for a in answers[row["record_id"]]
        ]
        expected_questions = [
            (
                group["heading"],
                group["audiences"],
                entry["key"],
                entry["question"],
                entry["answer"],
                entry.get("stance"),
                entry.get("months"),
                entry.get("custom", False),
            )
            for group in record["question_groups"]
            for entry in group["questions"]
        ]
        assert rebuilt_questions == expected_questions

        rebuilt_advisors = [
            {
                "id": a["advisor_id"],
                "name": a["name"],
                **({"degrees": [d["degree"] for d in degrees[a["advisor_key"]]]}
                   if degrees[a["advisor_key"]] else {}),
                **{k: a[k] for k in ("department", "role", "profile_url", "email") if a[k]},
            }
            for a in advisors[row["record_id"]]
        ]  # fmt: skip
        assert rebuilt_advisors == record.get("advisors", [])

        rebuilt_sessions = [
            {
                "id": s["session_id"],
                **{k: s[k] for k in ("title", "term", "topic") if s[k]},
                **({"audiences": s["audiences"].split(";")} if s["audiences"] else {}),
                "description": s["description"],
                **{k: s[k] for k in ("date", "start_time", "end_time", "location") if s[k]},
                **(
                    {"advisors": [advisor_ids[x["advisor_key"]] for x in session_advisors[key]]}
                    if (key := s["session_key"]) in session_advisors
                    else {}
                ),
            }
            for s in sessions[row["record_id"]]
        ]
        assert rebuilt_sessions == record.get("sessions", [])


def test_every_table_has_a_unique_primary_key_and_the_record_id(raw: Path) -> None:
    tables = _tables(raw)
    record_ids = {row["record_id"] for row in tables["records"]}
    for table in TABLES:
        rows = tables[table.name]
        keys = [row[table.primary_key] for row in rows]
        assert len(keys) == len(set(keys)), table.name
        assert all(row["record_id"] in record_ids for row in rows), table.name
        owners = [key.split("/")[0] for key in keys]
        assert owners == [row["record_id"] for row in rows], table.name


def test_rfc_4180_header_fixed_columns_crlf_and_doubled_quotes(raw: Path) -> None:
    for table in TABLES:
        data = (raw / "csv" / f"{table.name}.csv").read_bytes()
        assert data.startswith(",".join(table.column_names).encode() + b"\r\n")
        assert data.endswith(b"\r\n")
    short_names = (raw / "csv" / "short_names.csv").read_bytes().decode("utf-8")
    assert 'hostile-text/6,hostile-text,6,"""quoted"""\r\n' in short_names
    assert 'hostile-text/5,hostile-text,5,"a,b"\r\n' in short_names


def test_raw_values_are_untouched(raw: Path) -> None:
    short_names = [row["short_name"] for row in _tables(raw)["short_names"]]
    assert short_names[short_names.index("=1+1") :][:4] == ["=1+1", "-dash", "+plus", "@at"]


def test_spreadsheet_mode_neutralizes_formula_like_cells(raw: Path, safe: Path) -> None:
    raw_tables, safe_tables = _tables(raw), _tables(safe)
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
    excel = _export(tmp_path, "--excel", "--raw-csv")
    for table in TABLES:
        data = (excel / "csv" / f"{table.name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:] == (raw / "csv" / f"{table.name}.csv").read_bytes()
    assert _tables(excel, "utf-8-sig") == _tables(raw)


def test_the_datapackage_describes_every_table(raw: Path) -> None:
    package = json.loads((raw / "csv" / "datapackage.json").read_text("utf-8"))
    assert "belongs to the institutions whose advising pages they record" in package["description"]
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert list(resources) == [table.name for table in TABLES]
    for table in TABLES:
        schema = resources[table.name]["schema"]
        assert [field["name"] for field in schema["fields"]] == table.column_names
        assert schema["primaryKey"] == [table.primary_key]
        to_records = {
            "fields": ["record_id"],
            "reference": {"resource": "records", "fields": ["record_id"]},
        }
        assert table.name == "records" or to_records in schema["foreignKeys"]
        assert resources[table.name]["dialect"]["lineTerminator"] == "\r\n"


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
    out = {"raw": raw, "safe": safe}.get(mode) or _export(tmp_path, "--excel")
    result = _frictionless(out / "csv" / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert json.loads(result.stdout)["valid"] is True


def test_frictionless_notices_a_broken_foreign_key(tmp_path: Path, raw: Path) -> None:
    broken = tmp_path / "broken"
    for name, data in tree(raw).items():
        (broken / name).parent.mkdir(parents=True, exist_ok=True)
        (broken / name).write_bytes(data)
    answers = broken / "csv" / "answers.csv"
    answers.write_bytes(answers.read_bytes().replace(b",med-peds/m1-m2,", b",med-peds/nowhere,", 1))
    result = _frictionless(broken / "csv" / "datapackage.json")
    assert result.returncode != 0
    assert "foreign-key" in result.stdout


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
    hostile = next(row for row in rows if row["answer_key"] == "hostile-text/preclinical-advice")
    assert hostile["answer"].startswith('=HYPERLINK("http://evil.example","click")\n> not a quote')
