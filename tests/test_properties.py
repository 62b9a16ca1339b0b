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
from prose_text import blocks, plain, with_prose
from strategies import CONTROL, records

# What some Markdown renderer reads as markup, in pieces that hypothesis puts together.
MARKDOWN_PIECES = [*string.punctuation, "www.", "WWW.", "://", "https://x.org/a_b", "mailto:",
                   "xmpp:", "a@b.org", "{:", "{#id .c}", "~~", "~~~", "```", "***", "---", "===",
                   "1.", "1)", "[^1]", "*[X]: ", "[x]: /u", "<b>", "<!--", "-->", "<http://a.b>",
                   "&copy;", "&amp;", "&#60;", "&#x3C;", "\\", "  ", "    ", "\t", "\n", "\n\n",
                   "\r\n", "\r", "\u00a0", "\u3000", "\u2028", "\x85", "\ufeff", "\u200b", "# ",
                   "- ", "+ ", "> ", ": ", "| ", "a", "Z", "9", "é", "🙂"]  # fmt: skip
markdown_text = (
    st.lists(
        st.one_of(
            st.sampled_from(MARKDOWN_PIECES),
            st.text(
                st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROL),
                max_size=3,
            ),
        ),
        min_size=1,
        max_size=16,
    )
    .map("".join)
    .map(lambda written: written if re.search(r"\S", written) else written + "a")
)
markdown_prose = st.one_of(
    markdown_text,
    st.lists(
        st.one_of(markdown_text, st.builds(lambda item: {"list": [item]}, markdown_text)),
        min_size=1,
        max_size=3,
    ),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = Draft202012Validator(load_schema(), format_checker=format_checker())
# The collections whose entries are blocks of a page, each with the kind the CSV export names.
BLOCK_KINDS = (("question_groups", "group"), ("sections", "section"), ("sessions", "session"),
               ("links", "link"), ("advisor_groups", "advisor-group"), ("advisors", "advisor"),
               ("contacts", "contact"))  # fmt: skip


def _tables(out: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for table in TABLES:
        with (out / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as stream:
            tables[table.name] = list(csv.DictReader(stream))
    return tables


def _one_line(item: str) -> str:
    return " ".join(line.strip() for line in item.splitlines() if line.strip())


def _json_blocks(prose: str | list[Any]) -> list[Any]:
    """Text with paragraphs as the JSON export writes it: a list item's lines joined as one."""
    return [
        block if isinstance(block, str) else {"list": [_one_line(item) for item in block["list"]]}
        for block in blocks(prose)
    ]


def _cell(value: str | list[Any] | None) -> str:
    """Text with paragraphs as one CSV cell."""
    return "" if value is None else plain(_json_blocks(value))


def _standalone(record: dict[str, Any]) -> dict[str, str]:
    """The kind of each block page_order lists, by id, in the order of the schema."""
    grouped = {name for group in record.get("advisor_groups", []) for name in group["advisors"]}
    found = {name: name for name in ("quote", "description") if name in record}
    for collection, kind in BLOCK_KINDS:
        for entry in record.get(collection, []):
            inside = entry.get("kind") == "advisor-profile" or "within" in entry
            if entry["id"] not in grouped and not (kind == "link" and inside):
                found[entry["id"]] = kind
    return found


def _answer(question: dict[str, Any]) -> str:
    """A question's key, and its part if it has one: 'key/2'."""
    return "/".join([question["key"], *([str(question["part"])] if "part" in question else [])])


def _page_blocks(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The page's blocks in its order, each with the answer a question's block shows:
    page_order, each group followed by the questions it does not place; or the schema's order.
    A question asked in parts is a block per part."""
    shown = _standalone(record)
    questions = {g["id"]: g.get("questions", []) for g in record["question_groups"]}
    order = record.get("page_order", list(shown))
    prefix = f"{record['institution']['id']}/{record['id']}/"

    def answers(entries: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
        return [("question", q["key"], prefix + _answer(q)) for q in entries]

    found = []
    for name in order:
        if name in shown:
            found.append((shown[name], name, ""))
            found += answers([q for q in questions.get(name, []) if q["key"] not in order])
        else:
            found += answers([q for group in questions.values() for q in group if q["key"] == name])
    return found


def _check_tables(record: dict[str, Any], tables: dict[str, list[dict[str, str]]]) -> None:
    questions = [q for group in record["question_groups"] for q in group.get("questions", [])]
    assert [
        (row["question_key"], row["part"], row["question"], row["answer"], row["cut"])
        for row in tables["answers"]
    ] == [
        (q["key"], str(q.get("part", "")), q["question"], _cell(q.get("answer")),
         str(q.get("cut", False)).lower())
        for q in questions
    ]  # fmt: skip
    advisors = record.get("advisors", [])
    assert [row["name"] for row in tables["advisors"]] == [advisor["name"] for advisor in advisors]
    assert [row["title"] for row in tables["advisor_titles"]] == [
        title for advisor in advisors for title in advisor.get("titles", [])
    ]
    assert [row["label"] for row in tables["advisor_groups"]] == [
        group.get("label", "") for group in record.get("advisor_groups", [])
    ]
    assert [row["advisor_key"].rsplit("/", 1)[1] for row in tables["advisor_group_members"]] == [
        name for group in record.get("advisor_groups", []) for name in group["advisors"]
    ]
    assert [(row["title"], row["description"]) for row in tables["sessions"]] == [
        (session["title"], _cell(session["description"])) for session in record.get("sessions", [])
    ]
    assert [row["cites"] for row in tables["citations"]] == [
        name for name in ("quote", "description") if "citation" in record.get(name, {})
    ]
    assert [
        (row["kind"], row["block_id"], row["answer_key"]) for row in tables["page_blocks"]
    ] == _page_blocks(record)


@SETTINGS
@given(record=records())
def test_any_valid_record_survives_every_export(record: dict[str, Any]) -> None:
    assert list(VALIDATOR.iter_errors(record)) == []
    assert conforms(record)
    key = f"{record['institution']['id']}/{record['id']}"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        export_records([record], out, options=ExportOptions(CsvOptions(raw=True)))

        document = json.loads((out / "json" / f"{key}.json").read_text("utf-8"))
        assert document == with_prose(record, _json_blocks)
        assert [error.message for error in VALIDATOR.iter_errors(document)] == []

        tables = _tables(out)
        assert [row["record_key"] for row in tables["records"]] == [key]
        _check_tables(record, tables)

        page = (out / "markdown" / f"{key}.md").read_text("utf-8")
        for renderer in RENDERERS:
            check_page(page, renderer, record)


@SETTINGS
@given(record=records(), question=markdown_text, answer=markdown_prose, label=markdown_text)
def test_markdown_shows_any_text_as_text(
    record: dict[str, Any], question: str, answer: str | list[Any], label: str
) -> None:
    entry = record["question_groups"][0]["questions"][0]
    entry.pop("no_answer", None)
    entry.update(question=question, answer=answer)
    record.setdefault("links", []).append(
        {"id": "hyperlink", "kind": "external-resource", "label": label,
         "url": "https://example.edu/a_(b)?c=d&e=f#g"}
    )  # fmt: skip
    record.get("page_order", []).insert(0, "hyperlink")
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
        assert raw.startswith(b"answer_key,record_key,")
