"""Exporting the test records to CSV, and reading the tables back."""

from __future__ import annotations

import csv
from pathlib import Path

from advising_content.export.csv_tables import TABLES
from conftest import ALL_FIELDS, EXPORT_EXAMPLES, MED_PEDS

SOURCES = [MED_PEDS, ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]
Tables = dict[str, list[dict[str, str]]]


def export(tmp_path: Path, *options: str, sources: list[Path] = SOURCES) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = tmp_path / "out"
    arguments = ["export", *map(str, sources), "--out", str(out), "--format", "csv", *options]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out


def read_tables(out: Path, encoding: str = "utf-8") -> Tables:
    tables = {}
    for table in TABLES:
        with (out / "csv" / f"{table.name}.csv").open(encoding=encoding, newline="") as stream:
            tables[table.name] = list(csv.DictReader(stream))
    return tables
