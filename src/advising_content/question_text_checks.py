"""The wording of a bank question, held to the bank's wordings of it.

A bank question is worded as the bank words it, or as another school does (the alternates), up
to small edits. More than that is usually a slip: deleting the ``answer: >-`` line of a long
answer makes its text the rest of the question, and the record still passes every other check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from advising_content.problems import JsonPath, Severity
from advising_content.question_bank import overrun
from advising_content.record_checks import Record, questions_of, record_rule
from advising_content.wording import quoted

_FIRST_WORD = re.compile(r"\w")


@record_rule(
    "question-differs",
    Severity.WARNING,
    "a bank question worded unlike the bank's wordings of it, such as one an answer ran into",
)
def question_differs(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, question, _ in questions_of(record):
        wording = question.get("question")
        entry = None if question.get("custom") is True else record.bank.get(question["key"])
        if entry is None or not isinstance(wording, str):
            continue
        cut = question.get("cut") is True
        if record.bank.asks(entry, wording, cut=cut):
            continue
        others = record.bank.candidates(wording, cut=cut)
        if others and entry not in others:
            continue  # worded as another bank question: 'question-wording' says so
        place = (*location[:-1], "question")
        end = overrun(entry, wording)
        if end is not None:
            rest = wording[end:]
            begins = _FIRST_WORD.search(rest)
            more = rest[begins.start() :] if begins else rest
            yield (
                place,
                f"the question goes on after the bank's wording of '{entry.key}' ends: "
                f"{quoted(more, 60)} reads as part of the question; if it is the answer, "
                "put it under 'answer:'",
            )
            continue
        yield (
            place,
            f"this question is worded unlike the bank's question '{entry.key}' "
            f"({quoted(entry.question, 60)}); check that the key is the question the page "
            "asks, and that no answer has run into the question",
        )
