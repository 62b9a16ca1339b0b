"""What the shared question bank makes possible: a bank question's answers set side by side
across the records, and which records answer which bank questions (the coverage matrix)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from advising_content.export.html_blocks import Part, prose_parts
from advising_content.export.markdown_pages import NO_ANSWER
from advising_content.export.records import Record, record_key
from advising_content.question_bank import BankQuestion

# What a record shows of a bank question, in the words of the matrix's cells and its legend.
ANSWERED = "answered"
NO_ANSWER_SHOWN = "shown without answer"
NOT_APPLICABLE = "not applicable"
ABSENT = "not on the page"
STATUSES = (ANSWERED, NO_ANSWER_SHOWN, NOT_APPLICABLE, ABSENT)


@dataclass(frozen=True)
class AnswerRow:
    """One record's answer to a bank question (one part of it, when it is asked in two)."""

    record_key: str
    institution: str
    specialty: str
    audience: str
    parts: tuple[Part, ...]
    stance: str | None
    anchor: str


@dataclass(frozen=True)
class CoverageRow:
    record_key: str
    institution: str
    specialty: str
    statuses: tuple[str, ...]


def stance_label(stance: str) -> str:
    """'not-needed' as a reader sees it: 'Not needed'."""
    return stance.replace("-", " ").capitalize()


def _asked(record: Record, key: str) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Each group of the record and its question with ``key``, in page order."""
    for group in record.get("question_groups") or []:
        for question in group.get("questions") or []:
            if question["key"] == key and not question.get("custom"):
                yield group, question


def answer_rows(records: Sequence[Record], question: BankQuestion) -> list[AnswerRow]:
    """The answers of every record to ``question``, by institution then record."""
    rows = []
    for record in records:
        for number, (group, asked) in enumerate(_asked(record, question.key), start=1):
            audience = group.get("heading") or ", ".join(group.get("audiences") or [])
            parts = prose_parts(asked["answer"]) if "answer" in asked else ()
            if asked.get("no_answer"):
                parts += (Part("note", text=NO_ANSWER),)
            anchor = f"question-{question.key}" + (f"-{number}" if number > 1 else "")
            rows.append(
                AnswerRow(
                    record_key(record),
                    record["institution"]["name"],
                    record["specialty"]["name"],
                    audience,
                    parts,
                    stance_label(asked["stance"]) if asked.get("stance") else None,
                    anchor,
                )
            )
    return rows


def status(record: Record, key: str) -> str:
    """What ``record`` shows of the bank question ``key``: one of ``STATUSES``."""
    asked = [question for _, question in _asked(record, key)]
    if not asked:
        return ABSENT
    if any(question.get("stance") == "not-applicable" for question in asked):
        return NOT_APPLICABLE
    if any("answer" in question for question in asked):
        return ANSWERED
    return NO_ANSWER_SHOWN


def coverage(records: Sequence[Record], questions: Sequence[BankQuestion]) -> list[CoverageRow]:
    """A row per record: what it shows of each bank question, in bank order."""
    return [
        CoverageRow(
            record_key(record),
            record["institution"]["name"],
            record["specialty"]["name"],
            tuple(status(record, question.key) for question in questions),
        )
        for record in records
    ]
