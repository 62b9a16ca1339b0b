"""Property-based tests: whatever valid text a record holds, every export carries it intact."""

from __future__ import annotations

import csv
import json
import re
import string
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from advising_content.export.csv_options import CsvOptions
from advising_content.export.csv_tables import TABLES
from advising_content.export.exporter import export_records
from advising_content.export.markdown_pages import record_page
from advising_content.export.registry import ExportOptions
from advising_content.resources import load_schema
from advising_content.schema_gate import conforms
from advising_content.spreadsheets import FORMULA_STARTS
from advising_content.string_formats import format_checker
from markdown_view import RENDERERS, check_page
from strategies import CONTROL, records

# What some Markdown renderer reads as markup, in pieces that hypothesis puts together.
MARKDOWN_PIECES = [*string.punctuation, "www.", "WWW.", "://", "https://x.org/a_b", "mailto:",
                   "xmpp:", "a@b.org", "{:", "{#id .c}", "~~", "~~~", "```", "***", "---", "===",
                   "1.", "1)", "[^1]", "*[X]: ", "[x]: /u", "<b>", "<!--", "-->", "<http://a.b>",
                   "&copy;", "&amp;", "&#60;", "&#x3C;", "\\", "  ", "    ", "\t", "\n", "\n\n",
                   "\r\n", "\r", "\u00a0", "\u3000", "\u2028", "\x85", "\ufeff", "\u200b", "# ",
                   "- ", "+ ", "> ", ": ", "| ", "a", "Z", "9", "é", "🙂"]  # fmt: skip
markdown_text = st.lists(
    st.one_of(
        st.sampled_from(MARKDOWN_PIECES),
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROL), max_size=3
        ),
    ),
    min_size=1,
    max_size=16,
).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = Draft202012Validator(load_schema(), format_checker=format_checker())


def _tables(out: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for table in TABLES:
        with (out / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as stream:
            tables[table.name] = list(csv.DictReader(stream))
    return tables


@SETTINGS
@given(record=records())
def test_any_valid_record_survives_every_export(record: dict[str, Any]) -> None:
    assert list(VALIDATOR.iter_errors(record)) == []
    assert conforms(record)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        export_records([record], out, options=ExportOptions(CsvOptions(raw=True)))

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
        for renderer in RENDERERS:
            check_page(page, renderer, record)


@SETTINGS
@given(record=records(), question=markdown_text, answer=markdown_text, label=markdown_text)
def test_markdown_shows_any_text_as_text(
    record: dict[str, Any], question: str, answer: str, label: str
) -> None:
    record["question_groups"][0]["questions"][0].update(question=question, answer=answer)
    record["links"] = [{"id": "x-link", "kind": "external-resource", "label": label,
                        "url": "https://example.edu/a_(b)?c=d&e=f#g"}]  # fmt: skip
    assert list(VALIDATOR.iter_errors(record)) == []
    page = record_page(record)
    for renderer in RENDERERS:
        check_page(page, renderer, record)


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
