"""Checks a JSON Schema cannot express, run on a loaded record: those of its meaning
(``record_checks``) and those of each of its texts (``text_checks``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from advising_content import layout_checks, question_checks, question_text_checks
from advising_content.file_problems import FileProblems
from advising_content.problems import JsonPath, Problem, Severity
from advising_content.question_bank import QuestionBank
from advising_content.reading import LoadedDocument
from advising_content.record_checks import Record, problems_of
from advising_content.text_checks import TEXT_CHECKS, all_unremarkable, unremarkable
from advising_content.wording import field_name

# The checks of these modules join the record checks when the modules are imported.
_CHECK_MODULES = (question_checks, question_text_checks, layout_checks)


def content_problems(
    document: LoadedDocument,
    bank: QuestionBank,
    schema_version: str,
    problems: FileProblems | None = None,
) -> list[Problem]:
    """Every problem of ``document`` beyond its shape: the schema checks that.

    Problems are added to ``problems`` when it is given; when they reach its limit,
    TooManyProblems is raised.
    """
    found = FileProblems(limit=None) if problems is None else problems
    flawed = frozenset(
        problem.location[:depth]
        for problem in found.found
        if problem.severity is Severity.ERROR
        for depth in range(len(problem.location) + 1)
    )
    record = Record(document, bank, schema_version, flawed)
    for problem in problems_of(record):
        found.add(problem)
    if all_unremarkable(record.texts):
        return found.found
    source_map = document.source_map
    for location, value in _remarkable_strings(document.data):
        name = field_name(location)
        for text_rule, check in TEXT_CHECKS:
            message = check(name, value)
            if message is not None:
                position = source_map.value_at(location)
                found.add(text_rule.at(document.path, position, message, location))
    return found.found


def _remarkable_strings(data: dict[str, Any]) -> Iterator[tuple[JsonPath, str]]:
    """The text values in ``data`` that a check of a text may find a problem in, with their
    locations, in the order they are written, without recursion."""
    stack: list[tuple[JsonPath, Iterator[tuple[Any, Any]]]] = [((), iter(data.items()))]
    while stack:
        location, entries = stack[-1]
        for key, value in entries:
            if isinstance(value, str):
                if not unremarkable(value):
                    yield (*location, key), value
            elif isinstance(value, dict):
                stack.append(((*location, key), iter(value.items())))
                break
            elif isinstance(value, list):
                stack.append(((*location, key), enumerate(value)))
                break
        else:
            stack.pop()
