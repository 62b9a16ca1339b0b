"""Property-based tests: whatever valid text a record holds, every export carries it intact."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from advising_content.export.csv_files import FORMULA_STARTS, CsvOptions
from advising_content.export.csv_tables import TABLES
from advising_content.export.exporter import export_records
from advising_content.formats import format_checker
from advising_content.resources import load_schema
from advising_content.schema_gate import conforms
from strategies import records

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = Draft202012Validator(load_schema(), format_checker=format_checker())


def _norm(text: str) -> str:
    return " ".join(text.split())


def _tables(out: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for table in TABLES:
        with (out / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as stream:
            tables[table.name] = list(csv.DictReader(stream))
    return tables


def _rendered(markdown: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The rendered text blocks of a page, and the inline token types that were not text."""
    blocks: list[tuple[str, str]] = []
    other: list[str] = []
    tags: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type in ("html_block", "code_block", "fence", "hr"):
            other.append(token.type)
        if token.nesting == 1:
            tags.append(token.tag)
        elif token.nesting == -1:
            tags.pop()
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type == "text":
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif child.type not in ("link_open", "link_close"):
                other.append(child.type)
        blocks.append((tags[-1] if tags else "", _norm("".join(parts))))
    return blocks, other


@SETTINGS
@given(record=records())
def test_any_valid_record_survives_every_export(record: dict[str, Any]) -> None:
    assert list(VALIDATOR.iter_errors(record)) == []
    assert conforms(record)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        export_records([record], out, csv_options=CsvOptions(raw=True))

        document = json.loads((out / "json" / f"{record['id']}.json").read_text("utf-8"))
        assert document == record

        tables = _tables(out)
        answers = [
            (row["question_key"], row["question"], row["answer"]) for row in tables["answers"]
        ]
        assert answers == [
            (entry["key"], entry["question"], entry["answer"])
            for group in record["question_groups"]
            for entry in group["questions"]
        ]
        assert [row["name"] for row in tables["advisors"]] == [
            advisor["name"] for advisor in record.get("advisors", [])
        ]
        assert [(row["title"], row["description"]) for row in tables["sessions"]] == [
            (session["title"], session["description"]) for session in record.get("sessions", [])
        ]

        page = (out / "markdown" / f"{record['id']}.md").read_text("utf-8")
        blocks, other = _rendered(page)
        assert other == []
        shown = _norm(" ".join(text for _, text in blocks))
        for group in record["question_groups"]:
            for entry in group["questions"]:
                assert ("h3", _norm(entry["question"])) in blocks
                assert _norm(entry["answer"]) in shown


@SETTINGS
@given(record=records())
def test_spreadsheet_csv_never_starts_a_cell_with_a_formula(record: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        export_records([record], out, formats=["csv"])
        for rows in _tables(out).values():
            for row in rows:
                assert not any(value.startswith(FORMULA_STARTS) for value in row.values())
        raw = (out / "csv" / "answers.csv").read_bytes()
        assert raw.count(b"\r\n") >= 1
        assert re.match(rb"^answer_key,record_id,", raw)
