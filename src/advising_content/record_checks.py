"""Checks of a record's meaning that a JSON Schema cannot express: its id and file name, the
schema version, unique ids, the question bank and references to advisors.

Each check is one function of a ``Record`` yielding its problems; ``record_rule`` defines the
check's rule beside it and adds it to ``RECORD_CHECKS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from advising_content.discovery import CONTENT_SUFFIXES
from advising_content.identifiers import is_slug, record_id_of
from advising_content.problems import JsonPath, Problem, Severity, dotted
from advising_content.question_bank import QuestionBank
from advising_content.reading import LoadedDocument
from advising_content.rules import Rule, rule
from advising_content.wording import brief, choices, quoted

ID_COLLECTIONS = ("question_groups", "sections", "sessions", "advisors", "contacts", "links")
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


@dataclass(frozen=True)
class Record:
    """A loaded record, with what its checks compare it with."""

    document: LoadedDocument
    bank: QuestionBank
    schema_version: str

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data

    def line(self, location: JsonPath) -> int:
        return self.document.source_map.value_at(location).line


RecordCheck = Callable[[Record], Iterator[tuple[JsonPath, str]]]
RECORD_CHECKS: list[tuple[Rule, RecordCheck]] = []


def record_rule(
    name: str, severity: Severity, meaning: str
) -> Callable[[RecordCheck], RecordCheck]:
    """Define the rule that the decorated check of a record reports: the check yields the
    location and the message of each problem."""
    defined = rule(name, severity, meaning)

    def add(check: RecordCheck) -> RecordCheck:
        RECORD_CHECKS.append((defined, check))
        return check

    return add


def problems_of(record: Record) -> Iterator[Problem]:
    """Every problem the record checks find, each at its value."""
    source_map = record.document.source_map
    for found, check in RECORD_CHECKS:
        for location, message in check(record):
            yield found.at(record.document.path, source_map.value_at(location), message, location)


@record_rule("id-file-name", Severity.ERROR, "the record id differs from the file name")
def id_file_name(record: Record) -> Iterator[tuple[JsonPath, str]]:
    record_id = record_id_of(record.data)
    name = PurePath(record.document.path).name
    stem = name
    for suffix in CONTENT_SUFFIXES:
        if name.lower().endswith(suffix):
            stem = name[: -len(suffix)]
    if record_id is None or record_id == stem:
        return
    fix = f"rename the file to {quoted(record_id + '.yaml')}"
    if is_slug(stem):  # an id the file's name suggests, only if it is one
        fix += f" or change the id to {quoted(stem)}"
    yield (
        ("id",),
        f"the record id {quoted(record_id)} does not match the file name {quoted(name)}; {fix}",
    )


@record_rule(
    "schema-version", Severity.ERROR, "the record is written for a schema version not accepted"
)
def schema_version(record: Record) -> Iterator[tuple[JsonPath, str]]:
    value = record.data.get("schema_version")
    written = _SEMVER.fullmatch(value) if isinstance(value, str) else None
    now = _SEMVER.fullmatch(record.schema_version)
    if written is None or now is None:
        return
    current, written_as = record.schema_version, brief(str(value))
    ours = tuple(_VersionNumber(part) for part in written.groups())
    tools = tuple(_VersionNumber(part) for part in now.groups())
    # Semantic versioning of the schema: a minor version adds what older tools do not know,
    # a major version can make valid content invalid; patch versions check alike.
    if ours[:2] > tools[:2]:
        yield (
            ("schema_version",),
            f"the record is written for schema version {written_as}, which is newer than the "
            f"schema version {current} of this advising-content; upgrade advising-content to "
            f"one that knows schema version {brief(f'{ours[0]}.{ours[1]}')}",
        )
    elif ours[0] < tools[0]:
        yield (
            ("schema_version",),
            f"the record is written for schema version {written_as}, which schema version "
            f"{current} does not accept; update the record as the changelog describes for "
            f"schema version {tools[0]}.0.0, then set schema_version to '{current}'",
        )


@record_rule("duplicate-id", Severity.ERROR, "two entries of one record share an id")
def duplicate_id(record: Record) -> Iterator[tuple[JsonPath, str]]:
    seen: dict[str, JsonPath] = {}
    for collection in ID_COLLECTIONS:
        for index, item in _items(record.data.get(collection)):
            entry_id = item.get("id")
            if not isinstance(entry_id, str):
                continue
            location: JsonPath = (collection, index, "id")
            first = seen.setdefault(entry_id, location)
            if first != location:
                yield (
                    location,
                    f"the id {quoted(entry_id)} is already used by '{dotted(first[:-1])}' on "
                    f"line {record.line(first)}; give each entry an id of its own",
                )


@record_rule(
    "duplicate-question", Severity.ERROR, "a bank question is answered twice in one record"
)
def duplicate_question(record: Record) -> Iterator[tuple[JsonPath, str]]:
    answered: dict[str, JsonPath] = {}
    for location, question, _ in _questions(record):
        first = answered.setdefault(question["key"], location)
        if first != location:
            yield (
                location,
                f"the question {quoted(question['key'])} is already answered in "
                f"'{dotted(first[:-1])}' on line {record.line(first)}; answer each question once",
            )


@record_rule("unknown-question", Severity.ERROR, "a question key that is not in the bank")
def unknown_question(record: Record) -> Iterator[tuple[JsonPath, str]]:
    keys = [question.key for question in record.bank.questions]
    for location, question, _ in _first_answers(record):
        key = question["key"]
        if question.get("custom") is not True and record.bank.get(key) is None:
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
        entry = record.bank.get(question["key"])
        if question.get("custom") is True or entry is None or not audiences:
            continue
        if not audiences <= set(entry.audiences):
            allowed = ", ".join(entry.audiences)
            yield (
                location,
                f"'{entry.key}' is a question for {allowed} students in the question bank, but "
                f"this group is for {', '.join(sorted(audiences))}; move it to a group for "
                f"{allowed}",
            )


@record_rule("unknown-reference", Severity.ERROR, "an advisor id that no advisor of the record has")
def unknown_reference(record: Record) -> Iterator[tuple[JsonPath, str]]:
    advisors = [
        item["id"]
        for _, item in _items(record.data.get("advisors"))
        if isinstance(item.get("id"), str)
    ]
    for location, name in _advisor_references(record.data):
        if not isinstance(name, str) or name in advisors:
            continue
        if advisors:
            hint = choices(name, advisors, "the record's advisors")
        else:
            hint = "the record has no advisors: add the advisor under 'advisors'"
        yield location, f"there is no advisor with the id {quoted(name)} in this record; {hint}"


def _advisor_references(data: dict[str, Any]) -> Iterator[tuple[JsonPath, Any]]:
    for collection in ("contacts", "links"):
        for index, item in _items(data.get(collection)):
            yield (collection, index, "advisor"), item.get("advisor")
    for index, session in _items(data.get("sessions")):
        names = session.get("advisors")
        if isinstance(names, list):
            for position, name in enumerate(names):
                yield ("sessions", index, "advisors", position), name


def _questions(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any], set[str] | None]]:
    """Each question with a key: where its key is, the question, and its group's audiences."""
    for group_index, group in _items(record.data.get("question_groups")):
        audiences = group.get("audiences")
        group_audiences = (
            {a for a in audiences if isinstance(a, str)} if isinstance(audiences, list) else None
        )
        for index, question in _items(group.get("questions")):
            if isinstance(question.get("key"), str):
                location: JsonPath = ("question_groups", group_index, "questions", index, "key")
                yield location, question, group_audiences


def _first_answers(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any], set[str] | None]]:
    """The questions of ``_questions`` but those answering a key already answered."""
    answered: set[str] = set()
    for location, question, audiences in _questions(record):
        if question["key"] not in answered:
            answered.add(question["key"])
            yield location, question, audiences


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


class _VersionNumber(str):
    """A number of a version, compared as a number however many digits it has: semantic
    versioning allows no leading zeros, so the longer number is the larger."""

    def _key(self) -> tuple[int, str]:
        return len(self), str(self)

    def __lt__(self, other: object) -> bool:
        return isinstance(other, _VersionNumber) and self._key() < other._key()

    def __gt__(self, other: object) -> bool:
        return isinstance(other, _VersionNumber) and self._key() > other._key()
