"""``schema`` and ``questions``: the published schema and the question bank, for other tools."""

from __future__ import annotations

import json
import re

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


def _entry(lines: list[str], key: str) -> list[str]:
    """The line of a question in the ``questions`` listing and the detail lines under it."""
    start = lines.index(next(line for line in lines if line.startswith(f"  {key}: ")))
    end = start + 1
    while end < len(lines) and lines[end].startswith("      "):
        end += 1
    return lines[start:end]


def test_questions_lists_key_audience_and_wording(cli) -> None:
    outcome = cli("questions")
    assert outcome.exit_code == 0
    lines = outcome.output.splitlines()
    assert lines[:3] == [
        "M1 and M2 Students (M1, M2)",
        "  preclinical-advice: What advice would you offer first- and second-year students who "
        "are interested in pursuing your specialty?",
        "      also: What particular activities should first and second year students get "
        "involved with who are interested in pursuing this specialty?",
    ]
    headings = [line for line in lines if not line.startswith(" ")]
    assert headings == ["M1 and M2 Students (M1, M2)", "M3 and M4 Students (M3, M4)"]
    listed = [match[1] for line in lines if (match := re.match(r"  ([a-z0-9-]+): ", line))]
    bank = load_question_bank()
    assert listed == [question.key for question in bank.questions]
    assert len(listed) == 14
    # The questions follow their group's heading.
    assert lines.index("M3 and M4 Students (M3, M4)") > lines.index(_entry(lines, "class-rank")[0])
    assert lines.index("M3 and M4 Students (M3, M4)") < lines.index(
        _entry(lines, "m4-electives")[0]
    )


def test_questions_lists_alternates_stances_facts_and_other_audiences(cli) -> None:
    lines = cli("questions").output.splitlines()
    assert _entry(lines, "interview-month") == [
        "  interview-month: Which month do you recommend taking off to interview?",
        "      also: Which month/s are interviews most concentrated?",
        "      facts: months, period",
    ]
    assert _entry(lines, "research-importance") == [
        "  research-importance: How important is a research experience in your specialty? If "
        "important, does it need to be in the specialty itself?",
        "      also: Does research experience need to be in the specialty itself?",
        "      also: Are research experiences important in your specialty?",
        "      also: If so, do these need to be specialty specific research experiences?",
        "      stances: required, recommended, not-needed",
    ]
    assert _entry(lines, "away-rotation-count") == [
        "  away-rotation-count: If your specialty recommends doing away rotations, how many "
        '"aways" do you recommend?',
        "      also: If your specialty recommends doing away rotations, how many away rotations "
        "do you recommend?",
        "      stances: not-applicable",
        "      facts: count",
    ]
    assert _entry(lines, "class-rank") == [
        "  class-rank: Does class rank matter?",
        "      stances: yes, no, depends",
    ]
    # Audiences are printed only where they differ from the group's.
    assert _entry(lines, "competitiveness") == [
        "  competitiveness: How competitive are the residency programs in this specialty?",
        "      audiences: M1, M2, M3, M4",
    ]
    assert [line for line in lines if "audiences:" in line] == ["      audiences: M1, M2, M3, M4"]
    assert _entry(lines, "m4-electives")[1:] == [
        "      also: What M3/M4 electives would you recommend to a student who is interested in "
        "pursuing your specialty?",
    ]


def test_questions_as_json(cli) -> None:
    outcome = cli("questions", "--format", "json")
    assert outcome.exit_code == 0
    listing = json.loads(outcome.output)["questions"]
    bank = load_question_bank()
    assert [entry["key"] for entry in listing] == [q.key for q in bank.questions]
    assert len(listing) == 14
    by_key = {entry["key"]: entry for entry in listing}
    assert by_key["chair-letter"] == {
        "key": "chair-letter",
        "number": 11,
        "group": "m3-m4",
        "audiences": ["M3", "M4"],
        "question": "Does your specialty require a letter from the chairman?",
        "core": True,
        "alternates": [],
        "stances": ["yes", "no", "depends"],
        "facts": [],
    }
    assert by_key["interview-month"]["alternates"] == [
        "Which month/s are interviews most concentrated?"
    ]
    assert by_key["interview-month"]["facts"] == ["months", "period"]
    assert by_key["away-rotation-count"]["facts"] == ["count"]
    assert listing[-1] == {
        "key": "competitiveness",
        "number": 14,
        "group": "m3-m4",
        "audiences": ["M1", "M2", "M3", "M4"],
        "question": "How competitive are the residency programs in this specialty?",
        "core": False,
        "alternates": [],
        "stances": [],
        "facts": [],
    }
    assert [entry["key"] for entry in listing if not entry["core"]] == [
        "class-rank",
        "letters-timing",
        "competitiveness",
    ]


def test_questions_match_prints_the_question_a_wording_asks(cli) -> None:
    outcome = cli("questions", "--match", "Which month/s are interviews most concentrated?")
    assert outcome.exit_code == 0
    assert outcome.output == (
        "M3 and M4 Students (M3, M4)\n"
        "  interview-month: Which month do you recommend taking off to interview?\n"
        "      also: Which month/s are interviews most concentrated?\n"
        "      facts: months, period\n"
    )
    typo = cli("questions", "--match", "does your speciality recomend doing away rotations")
    assert typo.exit_code == 0
    assert typo.output.splitlines()[:2] == [
        "M3 and M4 Students (M3, M4)",
        "  away-rotations: Does your specialty recommend doing away rotations?",
    ]


def test_questions_match_as_json(cli) -> None:
    outcome = cli("questions", "--match", "Does class rank matter?", "--format", "json")
    assert outcome.exit_code == 0
    assert json.loads(outcome.output) == {
        "questions": [
            {
                "key": "class-rank",
                "number": 12,
                "group": "m1-m2",
                "audiences": ["M1", "M2"],
                "question": "Does class rank matter?",
                "core": False,
                "alternates": [],
                "stances": ["yes", "no", "depends"],
                "facts": [],
            }
        ]
    }


def test_questions_match_exits_1_when_no_question_matches(cli) -> None:
    outcome = cli("questions", "--match", "What is the best time to take Step 1?")
    assert outcome.exit_code == 1
    assert outcome.output == (
        'No question of the bank is worded like "What is the best time to take Step 1?".\n'
    )


def test_questions_match_as_json_exits_1_with_an_empty_list(cli) -> None:
    outcome = cli(
        "questions", "--match", "What is the best time to take Step 1?", "--format", "json"
    )
    assert outcome.exit_code == 1
    assert json.loads(outcome.output) == {"questions": []}


def test_questions_match_cut_lists_every_question_the_beginning_may_ask(cli) -> None:
    outcome = cli("questions", "--match", "Does your specialty", "--cut")
    assert outcome.exit_code == 0
    listed = [line.split(":")[0].strip() for line in outcome.output.splitlines()[1:]]
    assert [key for key in listed if not key.startswith(("stances", "also"))] == [
        "away-rotations",
        "letters-from-specialty",
        "chair-letter",
    ]
    whole = cli("questions", "--match", "If away rotations are necessary, when sh", "--cut")
    assert whole.output.splitlines()[1] == (
        "  away-rotation-timing: If away rotations are necessary, when should they be completed?"
    )
    assert cli("questions", "--match", "Does your specialty").exit_code == 1


def test_questions_cut_needs_match(cli) -> None:
    outcome = cli("questions", "--cut")
    assert outcome.exit_code == 2
    assert outcome.output.endswith("Error: --cut goes with --match TEXT.\n")
