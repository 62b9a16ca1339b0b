"""``schema`` and ``questions``: the published schema and the question bank, for other tools."""

from __future__ import annotations

import json

from advising_content.question_bank import load_question_bank
from conftest import REPO


def test_schema_prints_the_published_file_exactly(cli) -> None:
    outcome = cli("schema")
    assert outcome.exit_code == 0
    published = (REPO / "schemas" / "advising-record.schema.json").read_text("utf-8")
    assert outcome.output == published


def test_schema_markdown_is_the_reference_documentation(cli) -> None:
    outcome = cli("schema", "--format", "markdown")
    assert outcome.exit_code == 0
    assert outcome.output.startswith("# Schema reference: Specialty advising record\n")


def test_questions_lists_key_audience_and_wording(cli) -> None:
    outcome = cli("questions")
    assert outcome.exit_code == 0
    lines = outcome.output.splitlines()
    assert lines[0] == "M1 and M2 Students (M1, M2)"
    assert lines[1].split(None, 1) == [
        "preclinical-advice",
        "What advice would you offer first- and second-year students who are interested in "
        "pursuing your specialty?",
    ]
    assert "M3 and M4 Students (M3, M4)" in lines
    assert len(lines) == 2 + 11


def test_questions_as_json(cli) -> None:
    outcome = cli("questions", "--format", "json")
    assert outcome.exit_code == 0
    listing = json.loads(outcome.output)["questions"]
    bank = load_question_bank()
    assert [entry["key"] for entry in listing] == [q.key for q in bank.questions]
    assert listing[-1] == {
        "key": "chair-letter",
        "number": 11,
        "group": "m3-m4",
        "audiences": ["M3", "M4"],
        "question": "Does your specialty require a letter from the chairman?",
    }
