"""Checks of a record's meaning that a JSON Schema cannot express: its id and file name, the
schema version, unique ids, references to advisors and values that contradict each other.

Each check is one function of a ``Record`` yielding its problems; ``record_rule`` defines the
check's rule beside it and adds it to ``RECORD_CHECKS``. The checks of questions against the
bank are in ``question_checks``, those of the page's order in ``layout_checks``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from advising_content.discovery import CONTENT_SUFFIXES
from advising_content.entry_names import entry_name
from advising_content.identifiers import is_slug, record_id_of
from advising_content.problems import JsonPath, Problem, Severity
from advising_content.question_bank import QuestionBank
from advising_content.reading import LoadedDocument
from advising_content.rules import Rule, rule
from advising_content.versions import parsed
from advising_content.wording import brief, choices, quoted

ID_COLLECTIONS = (
    "question_groups",
    "sections",
    "advisor_groups",
    "advisors",
    "sessions",
    "contacts",
    "links",
)
# Keys that say a part is absent, each with the key whose presence it contradicts.
_ABSENCES = (("no_answer", "answer"), ("no_text", "text"), ("collapsed", "questions"))


@dataclass(frozen=True)
class Record:
    """A loaded record, with what its checks compare it with."""

    document: LoadedDocument
    bank: QuestionBank
    schema_version: str
    # Each place at or above a value already reported as an error: checks that build on such a
    # value say nothing of it, since its consequences are not separate mistakes.
    flawed: frozenset[JsonPath] = frozenset()

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data

    def is_flawed(self, location: JsonPath) -> bool:
        """Whether the value at ``location``, or a value inside it, is already reported."""
        return location in self.flawed

    def line(self, location: JsonPath) -> int:
        return self.document.source_map.value_at(location).line

    @cached_property
    def mappings(self) -> list[tuple[JsonPath, dict[str, Any]]]:
        """Every mapping of the record, with its location."""
        return self._contents[0]

    @cached_property
    def texts(self) -> list[str]:
        """Every text value of the record, in no particular order."""
        return self._contents[1]

    @cached_property
    def _contents(self) -> tuple[list[tuple[JsonPath, dict[str, Any]]], list[str]]:
        return _contents(self.data)

    @cached_property
    def questions(self) -> tuple[tuple[JsonPath, dict[str, Any], set[str] | None], ...]:
        """What ``questions_of`` gives."""
        return tuple(_questions(self))


RecordCheck = Callable[[Record], Iterator[tuple[JsonPath, str]]]
RECORD_CHECKS: list[tuple[Rule, RecordCheck]] = []


def record_rule(
    name: str, severity: Severity, meaning: str
) -> Callable[[RecordCheck], RecordCheck]:
    """Define the rule that the decorated check of a record reports: the check yields the
    location and the message of each problem."""
    defined = rule(name, severity, meaning, depth=2)

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


def outdated_problems(document: LoadedDocument, current: str) -> list[Problem]:
    """The problem of a record written for a schema version before ``current``'s major."""
    record = Record(document, QuestionBank(()), current)
    (found,) = [defined for defined, check in RECORD_CHECKS if check is schema_version]
    return [
        found.at(document.path, document.source_map.value_at(location), message, location)
        for location, message in schema_version(record)
    ]


@record_rule("id-file-name", Severity.ERROR, "the record id differs from the file name")
def id_file_name(record: Record) -> Iterator[tuple[JsonPath, str]]:
    record_id = record_id_of(record.data)
    name = os.path.basename(record.document.path)
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
    ours, tools = parsed(value), parsed(record.schema_version)
    if ours is None or tools is None:
        return
    current, written_as = record.schema_version, brief(str(value))
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
            f"{current} does not accept; update it with: advising-content migrate "
            f"{record.document.path}",
        )


@record_rule("duplicate-id", Severity.ERROR, "two entries of one record share an id")
def duplicate_id(record: Record) -> Iterator[tuple[JsonPath, str]]:
    seen: dict[str, JsonPath] = {}
    for collection in ID_COLLECTIONS:
        for index, item in items(record.data.get(collection)):
            entry_id = item.get("id")
            if not isinstance(entry_id, str):
                continue
            location: JsonPath = (collection, index, "id")
            first = seen.setdefault(entry_id, location)
            if first != location:
                yield (
                    location,
                    f"the id {quoted(entry_id)} is already used by "
                    f"{entry_name(first[:-1], record.data, by_position=True)} on "
                    f"line {record.line(first)}; give each entry an id of its own",
                )


@record_rule("unknown-reference", Severity.ERROR, "an advisor id that no advisor of the record has")
def unknown_reference(record: Record) -> Iterator[tuple[JsonPath, str]]:
    advisors = [
        item["id"]
        for _, item in items(record.data.get("advisors"))
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


@record_rule("contradiction", Severity.ERROR, "a part marked as absent that the record also gives")
def contradiction(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, node in record.mappings:
        for absent, present in _ABSENCES:
            if node.get(absent) is True and present in node:
                yield (
                    (*location, absent),
                    f"'{absent}: true' says the page shows no {present.replace('_', ' ')} "
                    f"here, but {entry_name(location, record.data)} has '{present}'; "
                    "remove one of them",
                )


@record_rule("count-range", Severity.ERROR, "a count whose 'max' is below its 'min'")
def count_range(record: Record) -> Iterator[tuple[JsonPath, str]]:
    for location, node in record.mappings:
        count = node.get("count")
        if not isinstance(count, dict):
            continue
        low, high = count.get("min"), count.get("max")
        if isinstance(low, int) and isinstance(high, int) and high < low:
            yield (
                (*location, "count", "max"),
                f"the count's max {high} is below its min {low}; give the smaller number as "
                "'min', or leave 'max' out for a single number",
            )


def _advisor_references(data: dict[str, Any]) -> Iterator[tuple[JsonPath, Any]]:
    for collection in ("contacts", "links"):
        for index, item in items(data.get(collection)):
            yield (collection, index, "advisor"), item.get("advisor")
    for collection in ("sessions", "advisor_groups"):
        for index, entry in items(data.get(collection)):
            names = entry.get("advisors")
            if isinstance(names, list):
                for position, name in enumerate(names):
                    yield (collection, index, "advisors", position), name


def _contents(data: dict[str, Any]) -> tuple[list[tuple[JsonPath, dict[str, Any]]], list[str]]:
    """Every mapping in ``data`` with its location, and every text, in one walk without
    recursion."""
    mappings: list[tuple[JsonPath, dict[str, Any]]] = []
    texts: list[str] = []
    stack: list[tuple[JsonPath, Any]] = [((), data)]
    while stack:
        location, value = stack.pop()
        if isinstance(value, dict):
            mappings.append((location, value))
            entries: Iterable[tuple[Any, Any]] = value.items()
        else:
            entries = enumerate(value)
        for key, item in entries:
            if isinstance(item, str):
                texts.append(item)
            elif isinstance(item, (dict, list)):
                stack.append(((*location, key), item))
    return mappings, texts


def items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of a list, with their indexes; nothing when ``value`` is not a list."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def questions_of(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any], set[str] | None]]:
    """Each question with a key: where its key is, the question, and its group's audiences."""
    return iter(record.questions)


def _questions(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any], set[str] | None]]:
    for group_index, group in items(record.data.get("question_groups")):
        audiences = group.get("audiences")
        group_audiences = (
            {a for a in audiences if isinstance(a, str)} if isinstance(audiences, list) else None
        )
        if record.is_flawed(("question_groups", group_index, "audiences")):
            group_audiences = None  # already reported; the questions are not held to it
        for index, question in items(group.get("questions")):
            location: JsonPath = ("question_groups", group_index, "questions", index, "key")
            if isinstance(question.get("key"), str) and not record.is_flawed(location):
                yield location, question, group_audiences
