"""Places in a record are named as an editor sees them, not in programmer notation."""

from __future__ import annotations

import json

import pytest

from advising_content.entry_names import entry_name
from advising_content.rendering import ordinal

RECORD = {
    "question_groups": [
        {"id": "m1-m2", "heading": "M1 and M2 Students", "questions": [{}, {"key": "x"}]},
        {"id": "m3-m4", "questions": [{}]},
        {"questions": [{}, {}, {}]},
        {"heading": "Two\nlines", "questions": [{}]},
    ],
    "advisors": [{"id": "cheryl-lee", "degrees": ["MD", "PhD"]}, {"name": "No Id"}],
    "sections": [{"id": "quick-facts", "heading": "Quick Facts"}],
    "contacts": [{"name": "Office"}],
    "quote": {"text": ["One.", {"list": ["a", "b"]}], "citation": {"year": 2013}},
}


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinals(number, expected) -> None:
    assert ordinal(number) == expected


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ((), "the record"),
        (("question_groups", 0, "questions", 1), "the 2nd question under 'M1 and M2 Students'"),
        (("question_groups", 1, "questions", 0), "the 1st question under the group 'm3-m4'"),
        (("question_groups", 2, "questions", 2), "the 3rd question under the 3rd question group"),
        (("question_groups", 3, "questions", 0), "the 1st question under the 4th question group"),
        (
            ("question_groups", 0, "questions", 1, "answer"),
            "'answer' of the 2nd question under 'M1 and M2 Students'",
        ),
        (("question_groups", 0), "question group 'M1 and M2 Students'"),
        (("question_groups", 2), "the 3rd question group"),
        (("advisors", 0), "advisor 'cheryl-lee'"),
        (("advisors", 1), "the 2nd advisor"),
        (("advisors", 0, "degrees", 1), "item 2 of 'degrees' of advisor 'cheryl-lee'"),
        (("sections", 0), "section 'Quick Facts'"),
        (("contacts", 0, "name"), "'name' of the 1st contact"),
        (("quote", "citation", "year"), "'quote.citation.year'"),
        (("quote", "text", 1, "list", 0), "item 1 of 'list' of item 2 of 'quote.text'"),
        (("advisors", 7), "the 8th advisor"),
    ],
)
def test_places_are_named_as_the_editor_sees_them(location, expected) -> None:
    assert entry_name(location, RECORD) == expected


def test_by_position_names_entries_by_their_place_alone() -> None:
    assert entry_name(("advisors", 0), RECORD, by_position=True) == "the 1st advisor"
    assert (
        entry_name(("question_groups", 0, "questions", 1), RECORD, by_position=True)
        == "the 2nd question under the 1st question group"
    )


def test_the_json_report_keeps_the_exact_place_as_a_pointer(cli, tmp_path) -> None:
    (tmp_path / "example.yaml").write_text(
        'id: example\nschema_version: "2.0.0"\ninstitution: {id: feinberg, name: School}\n'
        "specialty: {name: Example}\nquestion_groups:\n  - id: all\n    heading: Students\n"
        "    questions:\n      - key: away-rotations\n        Stance: neutral\n"
        "        question: Does your specialty recommend doing away rotations?\n"
        "        answer: Yes.\n",
        encoding="utf-8",
    )
    outcome = cli("validate", "--format", "json", "example.yaml", cwd=tmp_path)
    (problem,) = json.loads(outcome.output)["problems"]
    assert problem["message"] == (
        "unknown key 'Stance' in the 1st question under 'Students'; did you mean 'stance'?"
    )
    assert problem["pointer"] == "/question_groups/0/questions/0/Stance"
