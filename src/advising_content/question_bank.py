"""The standard question bank that every specialty page answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from advising_content.resources import QUESTION_BANK_FILE, read_text


@dataclass(frozen=True)
class BankQuestion:
    key: str
    number: int
    question: str
    group_id: str
    audiences: tuple[str, ...]


@dataclass(frozen=True)
class BankGroup:
    id: str
    heading: str
    audiences: tuple[str, ...]
    questions: tuple[BankQuestion, ...]


@dataclass(frozen=True)
class QuestionBank:
    groups: tuple[BankGroup, ...]

    @property
    def questions(self) -> tuple[BankQuestion, ...]:
        return tuple(question for group in self.groups for question in group.questions)

    def get(self, key: str) -> BankQuestion | None:
        return _index(self).get(key)


@cache
def _index(bank: QuestionBank) -> dict[str, BankQuestion]:
    return {question.key: question for question in bank.questions}


@cache
def load_question_bank() -> QuestionBank:
    """The question bank shipped with the package."""
    raw = json.loads(read_text(QUESTION_BANK_FILE))
    groups = []
    for group in raw["groups"]:
        audiences = tuple(group["audiences"])
        questions = tuple(
            BankQuestion(
                key=item["key"],
                number=item["number"],
                question=item["question"],
                group_id=group["id"],
                audiences=audiences,
            )
            for item in group["questions"]
        )
        groups.append(BankGroup(group["id"], group["heading"], audiences, questions))
    return QuestionBank(tuple(groups))
