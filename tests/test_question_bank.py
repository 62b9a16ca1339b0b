from __future__ import annotations

import re

from advising_content.question_bank import load_question_bank
from conftest import SOURCES

# "1. What advice ..." lines, with any trailing "(not on the med-peds page)" note removed.
_NUMBERED = re.compile(r"^(\d+)\. (.+?)(?:\s{2,}\(.*\))?$")
_AUDIENCE = re.compile(r'^Audience "(.+)":$')


def _source_bank() -> dict[str, list[tuple[int, str]]]:
    groups: dict[str, list[tuple[int, str]]] = {}
    heading = None
    for line in (SOURCES / "question-bank.md").read_text("utf-8").splitlines():
        if match := _AUDIENCE.match(line):
            heading = match[1]
            groups[heading] = []
        elif heading and (match := _NUMBERED.match(line)):
            groups[heading].append((int(match[1]), match[2].strip()))
    return groups


def test_the_bank_holds_the_eleven_standard_questions_as_worded() -> None:
    expected = _source_bank()
    assert sum(len(questions) for questions in expected.values()) == 11
    bank = load_question_bank()
    shipped = {
        group.heading: [(question.number, question.question) for question in group.questions]
        for group in bank.groups
    }
    assert shipped == expected


def test_keys_are_unique_slugs() -> None:
    keys = [question.key for question in load_question_bank().questions]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key) for key in keys)


def test_groups_carry_their_audiences() -> None:
    bank = load_question_bank()
    assert [(group.id, group.audiences) for group in bank.groups] == [
        ("m1-m2", ("M1", "M2")),
        ("m3-m4", ("M3", "M4")),
    ]
    assert bank.get("chair-letter") is not None
    assert bank.get("chair-letter").audiences == ("M3", "M4")  # type: ignore[union-attr]
    assert bank.get("no-such-question") is None
