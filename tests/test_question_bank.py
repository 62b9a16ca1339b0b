from __future__ import annotations

import re

from advising_content.question_bank import BankQuestion, load_question_bank
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


def _question(key: str) -> BankQuestion:
    question = load_question_bank().get(key)
    assert question is not None, key
    return question


def test_the_bank_holds_the_eleven_standard_questions_as_worded() -> None:
    expected = _source_bank()
    assert sum(len(questions) for questions in expected.values()) == 11
    bank = load_question_bank()
    shipped = {
        group.heading: [
            (question.number, question.question) for question in group.questions if question.core
        ]
        for group in bank.groups
    }
    assert shipped == expected


def test_the_bank_adds_three_questions_of_other_pages_after_the_core_ones() -> None:
    bank = load_question_bank()
    assert len(bank.questions) == 14
    extra = [(q.key, q.number, q.group_id) for q in bank.questions if not q.core]
    assert extra == [
        ("class-rank", 12, "m1-m2"),
        ("letters-timing", 13, "m3-m4"),
        ("competitiveness", 14, "m3-m4"),
    ]
    assert sorted(q.number for q in bank.questions) == list(range(1, 15))
    assert _question("competitiveness").audiences == ("M1", "M2", "M3", "M4")
    assert _question("class-rank").audiences == ("M1", "M2")


def test_the_bank_knows_the_other_wordings_the_source_quotes() -> None:
    # The source quotes rewordings and additions of other schools before the numbered questions.
    intro = (SOURCES / "question-bank.md").read_text("utf-8").split('Audience "')[0]
    quoted = re.findall(r'"([^"]+\?)"', " ".join(intro.split()))
    bank = load_question_bank()
    known = {wording: q.key for q in bank.questions for wording in q.wordings}
    assert {wording: known.get(wording) for wording in quoted} == {
        "Does research experience need to be in the specialty itself?": "research-importance",
        "Which month/s are interviews most concentrated?": "interview-month",
        "How competitive are the residency programs in this specialty?": "competitiveness",
    }
    assert _question("away-rotation-count").facts == ("count",)
    assert _question("chair-letter").stances == ("yes", "no", "depends")


def test_match_finds_the_question_by_its_canonical_wording() -> None:
    bank = load_question_bank()
    question = bank.match("Does the academic rank of the letter writer matter?")
    assert question is bank.get("letter-writer-rank")


def test_match_finds_the_question_by_an_alternate_wording() -> None:
    bank = load_question_bank()
    assert bank.match("Which month/s are interviews most concentrated?") is bank.get(
        "interview-month"
    )
    # Case and punctuation do not count.
    assert bank.match("which month/s are interviews MOST concentrated") is bank.get(
        "interview-month"
    )


def test_match_tolerates_a_small_typo() -> None:
    bank = load_question_bank()
    typo = "Does your speciality recomend doing away rotations?"
    assert bank.match(typo) is bank.get("away-rotations")


def test_match_finds_a_cut_wording_only_when_told_it_is_cut() -> None:
    bank = load_question_bank()
    prefix = "If away rotations are necessary, when sh"
    assert bank.match(prefix, cut=True) is bank.get("away-rotation-timing")
    assert bank.match(prefix) is None


def test_a_cut_wording_that_begins_several_questions_matches_none() -> None:
    bank = load_question_bank()
    begun = "Does your specialty"
    assert [question.key for question in bank.candidates(begun, cut=True)] == [
        "away-rotations",
        "letters-from-specialty",
        "chair-letter",
    ]
    assert bank.match(begun, cut=True) is None
    assert bank.candidates(begun) == ()


def test_match_finds_nothing_for_another_question() -> None:
    bank = load_question_bank()
    assert bank.match("What is the best time to take Step 1?") is None
    assert bank.match("What is the best time to take Step 1?", cut=True) is None
    assert bank.match("") is None
    assert bank.match("?!", cut=True) is None


def test_every_wording_of_the_bank_matches_its_own_question() -> None:
    bank = load_question_bank()
    for question in bank.questions:
        for wording in question.wordings:
            assert bank.match(wording) is question, wording
            assert bank.match(wording, cut=True) is question, wording


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
    assert _question("chair-letter").audiences == ("M3", "M4")
    assert bank.get("no-such-question") is None
