"""The CSV tables of schema 2, row by row, for the record that uses every field: citations,
advisor groups and their members, advisor titles, and the blocks of the page in its order."""

from __future__ import annotations

import pytest

from conftest import ALL_FIELDS, EXPORT_EXAMPLES
from csv_export import Tables, export, read_tables

K = "feinberg/all-fields"
S = "feinberg/example-surgery"
PARTS = ("month", "season", "part")


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    sources = [ALL_FIELDS, EXPORT_EXAMPLES / "example-surgery.yaml"]
    return read_tables(export(tmp_path_factory.mktemp("rows"), "--raw-csv", sources=sources))


def _rows(tables: Tables, table: str, record_key: str = K) -> list[list[str]]:
    return [list(row.values()) for row in tables[table] if row["record_key"] == record_key]


def test_citations_of_the_quote_and_of_the_description(tables: Tables) -> None:
    assert _rows(tables, "citations") == [
        [f"{K}/quote", K, "quote", "", "2020", "A Book About Specialties", "2", "Example Press",
         "Springfield", "159", ""],
        [f"{K}/description", K, "description", "Example College of Specialists", "", "", "", "",
         "", "", ""],
    ]  # fmt: skip
    assert _rows(tables, "citation_authors") == [
        [f"{K}/quote/1", K, f"{K}/quote", "1", "Doe", "J."],
        [f"{K}/quote/2", K, f"{K}/quote", "2", "Roe", ""],
    ]


def test_advisor_groups_members_and_titles(tables: Tables) -> None:
    group = f"{K}/specialty-career-advisors"
    assert _rows(tables, "advisor_groups") == [
        [group, K, "specialty-career-advisors", "1", "Specialty Career Advisors:"]
    ]
    assert _rows(tables, "advisor_group_members") == [
        [f"{group}/jane-doe", K, group, f"{K}/jane-doe", "1"]
    ]
    assert _rows(tables, "advisor_titles") == [
        [f"{K}/jane-doe/1", K, f"{K}/jane-doe", "1", "Director, Example Residency Program"],
        [f"{K}/jane-doe/2", K, f"{K}/jane-doe", "2", "Associate Professor"],
    ]
    assert [row[0] for row in _rows(tables, "advisors")] == [f"{K}/jane-doe", f"{K}/john-roe"]


def test_page_blocks_follow_the_page_order(tables: Tables) -> None:
    rows = _rows(tables, "page_blocks")
    assert [row[:2] for row in rows] == [[f"{K}/{n}", K] for n in range(1, len(rows) + 1)]
    # A grouped advisor, a profile link and a link within a text are shown inside other blocks.
    assert [tuple(row[2:]) for row in rows] == [
        ("1", "quote", "quote", "", ""),
        ("2", "description", "description", "", ""),
        ("3", "section", "is-this-for-me", "", ""),
        ("4", "section", "associated-societies", "", ""),
        ("5", "section", "note", "", ""),
        ("6", "group", "m1-m2", "", ""),
        ("7", "question", "preclinical-advice", "m1-m2", f"{K}/preclinical-advice"),
        ("8", "question", "research-importance", "m1-m2", f"{K}/research-importance/1"),
        ("9", "question", "research-importance", "m1-m2", f"{K}/research-importance/2"),
        ("10", "question", "shadowing", "m1-m2", f"{K}/shadowing"),
        ("11", "group", "m3-m4", "", ""),
        ("12", "session", "fall-session", "", ""),
        ("13", "link", "request", "", ""),
        ("14", "advisor-group", "specialty-career-advisors", "", ""),
        ("15", "advisor", "john-roe", "", ""),
        ("16", "contact", "coordinator", "", ""),
        ("17", "contact", "advisor-contact", "", ""),
        ("18", "contact", "department-office", "", ""),
        ("19", "group", "questions", "", ""),
        ("20", "question", "interview-month", "questions", f"{K}/interview-month"),
        ("21", "question", "away-rotation-count", "questions", f"{K}/away-rotation-count"),
        ("22", "question", "away-rotation-timing", "questions", f"{K}/away-rotation-timing"),
        ("23", "question", "competitiveness", "questions", f"{K}/competitiveness"),
    ]


def test_page_blocks_of_a_record_without_page_order_follow_the_schema(tables: Tables) -> None:
    rows = _rows(tables, "page_blocks", S)
    assert [tuple(row[3:]) for row in rows] == [
        ("group", "m3-m4", "", ""),
        ("question", "away-rotations", "m3-m4", f"{S}/away-rotations"),
        ("question", "away-rotation-count", "m3-m4", f"{S}/away-rotation-count"),
        ("question", "away-rotation-timing", "m3-m4", f"{S}/away-rotation-timing"),
        ("question", "chair-letter", "m3-m4", f"{S}/chair-letter"),
        ("session", "spring-session", "", ""),
        ("advisor", "ana-ruiz", "", ""),
        ("advisor", "sam-lee", "", ""),
        ("advisor", "kim-ito", "", ""),
        ("contact", "office", "", ""),
    ]


def test_records_and_answers_carry_the_new_fields(tables: Tables) -> None:
    record = next(row for row in tables["records"] if row["record_key"] == K)
    assert (record["institution_id"], record["record_id"]) == ("feinberg", "all-fields")
    assert [record[f"source_{name}"] for name in ("url", "captured", "complete")] == [
        "https://www.example.edu/advising/example-specialty", "2026-11-02", "false"
    ]  # fmt: skip
    assert record["description_text"] == (
        "The specialty in the school's own words.\n\n- One item\n- Another item"
    )
    answers = {row["answer_key"]: row for row in tables["answers"] if row["record_key"] == K}
    parts = [(key, row["part"], row["no_answer"], row["answer"]) for key, row in answers.items()]
    assert parts[1:3] == [
        (f"{K}/research-importance/1", "1", "false", "Yes, very."),
        (f"{K}/research-importance/2", "2", "true", ""),
    ]
    interview = answers[f"{K}/interview-month"]
    period = [interview[f"period_{end}_{part}"] for end in ("start", "end") for part in PARTS]
    assert period == ["october", "", "late", "january", "", "mid"]
    count = answers[f"{K}/away-rotation-count"]
    assert (count["count_min"], count["count_max"]) == ("1", "2")
    assert answers[f"{K}/competitiveness"]["cut"] == "true"
