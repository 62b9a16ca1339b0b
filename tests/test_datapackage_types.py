"""The data package types every column for data tools: frictionless reads each cell of a real
export as the Python value its declared type gives (lists, times, integers, booleans, dates, and
text that stays text), in both CSV modes; and the publisher's license, homepage and version."""

from __future__ import annotations

import datetime
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml

from advising_content.export.csv_columns import LIST_SEPARATOR
from advising_content.export.csv_tables import TABLES
from advising_content.resources import load_schema
from advising_content.spreadsheets import FORMULA_STARTS
from advising_content.string_formats import is_email
from conftest import ALL_FIELDS, CONTENT, EXPORT_EXAMPLES, REPO

PYTHON_TYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "boolean": bool,
    "date": datetime.date,
    "time": datetime.time,
    "list": list,
}
TRAPS = "data-tool-traps"


def _traps_record(folder: Path) -> Path:
    """The all-fields record with what plain read_csv mis-reads: a ZIP code with a leading zero,
    'N/A' and 'NA' as text, and email addresses that the spreadsheet mode guards."""
    record = yaml.safe_load(ALL_FIELDS.read_text("utf-8"))
    record["id"] = TRAPS
    record["specialty"]["short_names"] = ["NA", "null"]
    record["question_groups"][0]["questions"][0]["answer"] = "N/A"
    record["contacts"][0].update(postal_code="02115", email="-pat@example.edu", phone="N/A")
    record["advisors"][0]["email"] = "=jane@example.edu"
    path = folder / f"{TRAPS}.yaml"
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def _export(folder: Path, *options: str, out_name: str = "out") -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    sources = [CONTENT, REPO / "examples", ALL_FIELDS, EXPORT_EXAMPLES, _traps_record(folder)]
    out = folder / out_name
    arguments = ["export", *map(str, sources), "--out", str(out), "--format", "csv", *options]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out / "csv" / "datapackage.json"


@pytest.fixture(scope="module", params=["default", "raw"])
def package(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    options = ("--raw-csv",) if request.param == "raw" else ()
    return _export(tmp_path_factory.mktemp(request.param), *options)


def _rows(package: Path) -> dict[str, list[Any]]:
    from frictionless import Package

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # frictionless's own deprecation notices
        read = Package(str(package))
        return {table.name: read.get_resource(table.name).read_rows() for table in TABLES}


def test_frictionless_finds_the_package_valid(package: Path) -> None:
    from frictionless import validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = validate(str(package))
    errors = [error.message for task in report.tasks for error in task.errors]
    assert (errors, [error.message for error in report.errors], report.valid) == ([], [], True)


def test_every_cell_is_read_as_its_declared_type(package: Path) -> None:
    rows = _rows(package)
    for table in TABLES:
        assert rows[table.name], table.name
        for row in rows[table.name]:
            assert row.valid, (table.name, [error.message for error in row.errors])
            for column in table.columns:
                cell = row[column.name]
                if cell is None:
                    assert not column.required, (table.name, column.name)
                    continue
                assert type(cell) is PYTHON_TYPES[column.type], (table.name, column.name, cell)
                if column.type == "list":
                    assert all(code in (column.enum or ()) for code in cell), cell


def test_what_plain_read_csv_mistypes_is_read_as_written(package: Path) -> None:
    rows = _rows(package)
    contact = next(row for row in rows["contacts"] if row["record_key"] == f"feinberg/{TRAPS}")
    assert (contact["postal_code"], contact["phone"]) == ("02115", "N/A")
    answer = next(row for row in rows["answers"] if row["record_key"] == f"feinberg/{TRAPS}")
    assert answer["answer"] == "N/A"
    short_names = [row["short_name"] for row in rows["short_names"] if TRAPS in row["record_key"]]
    assert short_names == ["NA", "null"]
    session = next(row for row in rows["sessions"] if row["record_key"] == f"feinberg/{TRAPS}")
    assert session["audiences"] == ["M1", "M2"]
    assert (session["start_time"], session["end_time"]) == (
        datetime.time(17, 30),
        datetime.time(19, 0),
    )
    assert session["date"] == datetime.date(2026, 10, 14)
    months = next(
        row["months"] for row in rows["answers"] if TRAPS in row["answer_key"] and row["months"]
    )
    assert months == ["october", "november", "december", "january"]


def test_a_guarded_email_address_keeps_its_format(package: Path) -> None:
    raw = "exactly as in the records" in json.loads(package.read_text("utf-8"))["description"]
    rows = _rows(package)
    emails = {row["email"] for row in rows["contacts"] + rows["advisors"]}
    written = {"-pat@example.edu", "=jane@example.edu"}
    assert {email if raw else f"'{email}" for email in written} <= emails


def test_the_readme_example_reads_typed_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    [example] = [block for block in blocks if "from frictionless import" in block]
    _export(tmp_path, out_name="build")
    monkeypatch.chdir(tmp_path)
    names: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(example, names)
    assert "('Example Specialty Session', ['M1', 'M2'], datetime.time(17, 30))" in (
        capsys.readouterr().out
    )


def test_the_declared_types_and_formats() -> None:
    from advising_content.export.csv_options import CsvOptions
    from advising_content.export.datapackage import datapackage

    described = datapackage(CsvOptions())
    assert described["description"].endswith(
        "record. A value that begins with =, +, -, @, tab or carriage return has a ' put before "
        "it, so that spreadsheet programs do not run it as a formula; only a text or an email "
        "address can begin so, never a number, date, time, list or web address."
    )
    assert datapackage(CsvOptions(raw=True))["description"].endswith(
        "record. Values are exactly as in the records."
    )
    fields = {
        (resource["name"], field["name"]): field
        for resource in described["resources"]
        for field in resource["schema"]["fields"]
    }
    for where in [("question_groups", "audiences"), ("sessions", "audiences")]:
        assert fields[where]["type"] == "list"
        assert (fields[where]["delimiter"], fields[where]["itemType"]) == (";", "string")
        assert fields[where]["description"].endswith(" Each is one of: M1, M2, M3, M4.")
        assert "constraints" not in fields[where]
    assert fields["answers", "months"]["type"] == "list"
    for name in ["start_time", "end_time"]:
        assert (fields["sessions", name]["type"], fields["sessions", name]["format"]) == (
            "time",
            "%H:%M",
        )
    for where in [("records", "source_url"), ("advisors", "profile_url"), ("links", "url")]:
        assert (fields[where]["type"], fields[where]["format"]) == ("string", "uri")
    for where in [("advisors", "email"), ("contacts", "email")]:
        assert (fields[where]["type"], fields[where]["format"]) == ("string", "email")
    assert fields["contacts", "postal_code"]["type"] == "string"


def _integers(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if node.get("type") == "integer" else []
        return found + [found for value in node.values() for found in _integers(value)]
    if isinstance(node, list):
        return [found for value in node for found in _integers(value)]
    return []


def test_the_spreadsheet_guard_can_touch_only_text_and_email_addresses() -> None:
    schema = load_schema()["$defs"]
    assert all(node["minimum"] >= 0 for node in _integers(load_schema()))
    assert schema["url"]["pattern"] == "^https?://"
    assert all(not re.search(schema["time"]["pattern"], start + "0:00") for start in FORMULA_STARTS)
    for table in TABLES:
        for column in table.columns:
            for code in column.enum or ():
                assert not code.startswith(FORMULA_STARTS), code
                assert LIST_SEPARATOR not in code, code


@pytest.mark.parametrize(
    "address", ["advisor@example.edu", "first.last+tag@med.example.co.uk", "a_b@x-y.example.org"]
)
def test_every_address_the_validator_takes_is_an_email_to_frictionless(address: str) -> None:
    from frictionless import fields

    assert is_email(address)
    assert fields.StringField(name="email", format="email").read_cell(address) == (address, None)


@pytest.mark.parametrize("address", ["advisor@example.e", "advisor@example.1"])
def test_a_top_level_domain_frictionless_refuses_is_refused_by_the_validator(address) -> None:
    assert not is_email(address)


def _descriptor(tmp_path: Path, *options: str) -> dict[str, Any]:
    return json.loads(_export(tmp_path, "--raw-csv", *options).read_text("utf-8"))


def test_license_homepage_and_version_are_the_publishers(tmp_path: Path) -> None:
    from frictionless import Package

    given = _descriptor(
        tmp_path,
        *("--package-license", "CC-BY-4.0", "--package-homepage", "https://example.edu/a"),
        *("--package-version", "2.1.0"),
    )
    assert [key for key in given if key != "resources"][-3:] == ["version", "homepage", "licenses"]
    assert (given["version"], given["homepage"]) == ("2.1.0", "https://example.edu/a")
    assert given["licenses"] == [{"name": "CC-BY-4.0"}]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read = Package(given | {"resources": []})
    assert (read.version, read.homepage, read.licenses) == (
        "2.1.0",
        "https://example.edu/a",
        [{"name": "CC-BY-4.0"}],
    )


def test_a_license_given_by_its_address_is_its_path(tmp_path: Path) -> None:
    address = "https://example.edu/terms-of-use"
    assert _descriptor(tmp_path, "--package-license", address)["licenses"] == [{"path": address}]


def test_without_the_options_no_license_homepage_or_version_is_declared(tmp_path: Path) -> None:
    assert not {"licenses", "homepage", "version"} & set(_descriptor(tmp_path))


REFUSALS = {
    "--package-license": "give an Open Definition license id, such as CC-BY-4.0, or the web "
    "address of the license (https://...)",
    "--package-homepage": "give a web address beginning with https:// or http://",
    "--package-version": "give a version of three numbers, such as 1.0.0",
}


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--package-license", "All rights reserved"),
        ("--package-license", "ftp://example.edu/license"),
        ("--package-homepage", "example.edu"),
        ("--package-homepage", "https://exa mple.edu/"),
        ("--package-version", "1.0"),
        ("--package-version", "1.0.0\n"),
    ],
)
def test_a_value_the_package_cannot_declare_is_a_usage_error(
    cli, tmp_path: Path, option: str, value: str
) -> None:
    outcome = cli("export", str(ALL_FIELDS), "--out", str(tmp_path / "out"), option, value)
    assert outcome.exit_code == 2
    assert outcome.output.splitlines()[-1] == (
        f"Error: Invalid value for '{option}': {REFUSALS[option]}"
    )
    assert not (tmp_path / "out").exists()


def test_the_package_options_are_described_in_help(cli) -> None:
    shown = " ".join(cli("export", "--help").output.split())
    assert (
        "--package-license ID|URL The data's license, declared in csv/datapackage.json: an Open "
        "Definition id such as CC-BY-4.0, or the license's web address. Default: none is declared."
    ) in shown
    assert (
        "--package-homepage URL The data's web page, declared in csv/datapackage.json. "
        "Default: none."
    ) in shown
    assert (
        "--package-version X.Y.Z The data's version, declared in csv/datapackage.json. "
        "Default: none."
    ) in shown
