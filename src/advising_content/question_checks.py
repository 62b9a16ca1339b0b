"""Checks of a record's questions against the question bank: keys, audiences, the stances and
facts each question takes, and wordings that name another question of the bank."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from advising_content.entry_names import entry_name
from advising_content.problems import JsonPath, Severity
from advising_content.question_bank import BankQuestion
from advising_content.record_checks import Record, questions_of, record_rule
from advising_content.resources import load_schema
from advising_content.wording import choices, quoted

FACTS = ("months", "period", "count")


@record_rule(
    "duplicate-question", Severity.ERROR, "a bank question is answered twice in one record"
)
def duplicate_question(record: Record) -> Iterator[tuple[JsonPath, str]]:
    answered: dict[tuple[str, Any], JsonPath] = {}
    for location, question, _ in questions_of(record):
        marker = (question["key"], question.get("part"))
        first = answered.setdefault(marker, location)
        if first != location:
            part = f" (part {marker[1]})" if marker[1] is not None else ""
            yield (
                location,
                f"the question {quoted(question['key'])}{part} is already answered in "
                f"{entry_name(first[:-1], record.data)} on line {record.line(first)}; answer each "
                "question once (a question the page asks in two parts has 'part: 1' and 'part: 2')",
            )


@record_rule("unknown-question", Severity.ERROR, "a question key that is not in the bank")
def unknown_question(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, _ in _first_answers(record):
        key = question["key"]
        if question.get("custom") is not True and record.bank.get(key) is None:
            keys = [known.key for known in record.bank.questions]
            yield (
                location,
                f"{quoted(key)} is not a question of the question bank "
                f"({choices(key, keys, 'its keys')}); for a question of your own, add "
                "'custom: true'",
            )


@record_rule("custom-question", Severity.ERROR, "a custom question reuses a key of the bank")
def custom_question(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, _ in _first_answers(record):
        if question.get("custom") is True and record.bank.get(question["key"]) is not None:
            yield (
                location,
                f"{quoted(question['key'])} is a question of the question bank, so it is not "
                "custom; remove 'custom: true', or give your own question a key of its own",
            )


@record_rule(
    "question-audience",
    Severity.ERROR,
    "a bank question under an audience the bank does not give it",
)
def question_audience(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, audiences in _first_answers(record):
        entry = _bank_question(record, question)
        if entry is None or not audiences:
            continue
        if not audiences <= set(entry.audiences):
            allowed = ", ".join(entry.audiences)
            yield (
                location,
                f"'{entry.key}' is a question for {allowed} students in the question bank, but "
                f"this group is for {', '.join(sorted(audiences))}; move it to a group for "
                f"{allowed}",
            )


@record_rule("stance-not-taken", Severity.ERROR, "a stance the bank question does not take")
def stance_not_taken(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, _ in questions_of(record):
        entry = _bank_question(record, question)
        stance = question.get("stance")
        if entry is None or stance not in _stances() or stance in entry.stances:
            continue  # a stance that is no stance at all is the schema's to report
        if entry.stances:
            fix = f"use one of: {', '.join(entry.stances)}, or leave 'stance' out"
        else:
            fix = "its answers are compared as text; remove 'stance'"
        yield (
            (*location[:-1], "stance"),
            f"{quoted(stance)} is not a stance the question '{entry.key}' takes; {fix}",
        )


@record_rule(
    "fact-not-taken", Severity.ERROR, "months, a period or a count on a question without them"
)
def fact_not_taken(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, _ in questions_of(record):
        entry = _bank_question(record, question)
        if entry is None:
            continue
        for fact in FACTS:
            if fact in question and fact not in entry.facts:
                taken = ", ".join(f"'{name}'" for name in entry.facts)
                fix = f"it takes {taken}" if taken else "it takes none of months, period or count"
                yield (
                    (*location[:-1], fact),
                    f"'{fact}' does not belong to the question '{entry.key}' ({fix}); remove it",
                )


@record_rule(
    "question-wording", Severity.WARNING, "a question worded as another question of the bank"
)
def question_wording(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, _ in questions_of(record):
        wording = question.get("question")
        if not isinstance(wording, str):
            continue
        found = record.bank.candidates(wording, cut=question.get("cut") is True)
        if len(found) != 1 or found[0].key == question["key"]:
            continue
        match = found[0]
        if question.get("custom") is True:
            fix = f"use 'key: {match.key}' and remove 'custom: true'"
        else:
            fix = f"check the key: use 'key: {match.key}' if the page asks this question"
        yield (
            (*location[:-1], "question"),
            f"this question is worded as the bank's question '{match.key}' "
            f"({quoted(match.question, 60)}); {fix}",
        )


@cache
def _stances() -> tuple[str, ...]:
    return tuple(load_schema()["$defs"]["stance"]["enum"])


def _bank_question(record: Record, question: dict[str, Any]) -> BankQuestion | None:
    if question.get("custom") is True:
        return None
    return record.bank.get(question["key"])


def _first_answers(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any], set[str] | None]]:
    """The questions of ``questions_of`` but those answering a key already answered."""
    answered: set[str] = set()
    for location, question, audiences in questions_of(record):
        if question["key"] not in answered:
            answered.add(question["key"])
            yield location, question, audiences
