"""Validate a loaded record against the published schema, in words an editor can act on.

A record that does not conform is checked here: jsonschema-rs finds every failure, listed as
jsonschema lists them (``schema_failures``), or jsonschema itself for the records it leaves to
it; ``schema_messages`` words each one. A file with very many stops at its limit of problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from advising_content.file_problems import FileProblems, TooManyProblems
from advising_content.problems import JsonPath, Problem
from advising_content.reading import LoadedDocument
from advising_content.resources import load_schema
from advising_content.schema_failures import failures_of
from advising_content.schema_messages import VALUE_RULES, Failure, Messages
from advising_content.schema_words import NOT_BLANK
from advising_content.string_formats import format_checker
from advising_content.text_checks import PLACEHOLDER

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_VALUE_RULE_NAMES = [found.name for found in VALUE_RULES]


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=format_checker())


def add_schema_problems(document: LoadedDocument, problems: FileProblems) -> None:
    """Add the schema problems of ``document`` to ``problems``, looking no further than their
    limit allows."""
    found, cut = _collect(document, problems.remaining)
    problems.extend(found)
    if cut:
        raise TooManyProblems


def _collect(document: LoadedDocument, limit: int | None) -> tuple[list[Problem], bool]:
    """The schema problems of ``document``, and whether looking stopped at ``limit``."""
    messages = Messages(document.path, document.source_map, document.data)
    every = (
        problem
        for failure in _failures(document.data)
        if not _placeholder(failure)
        for problem in messages.problems_for(failure)
    )
    found = list(islice(every, limit))
    return _one_per_value(found), limit is not None and len(found) >= limit


def _failures(data: Any) -> Iterable[Failure]:
    found = failures_of(data)
    return _listed_by_jsonschema(data) if found is None else found


def _listed_by_jsonschema(data: Any) -> Iterator[Failure]:
    for error in _validator().iter_errors(data):
        yield Failure.of(error)


def _placeholder(failure: Failure) -> bool:
    """A placeholder left in a text: the schema flags it for editors, and the `placeholder`
    rule reports it, in its own words."""
    instance = failure.instance
    return (
        failure.keyword == "pattern"
        and failure.expected == NOT_BLANK
        and isinstance(instance, str)
        and PLACEHOLDER in instance
    )


def _one_per_value(problems: list[Problem]) -> list[Problem]:
    """Keep one problem about each value's type, choice or form: the most telling one."""
    best: dict[JsonPath, Problem] = {}
    others: list[Problem] = []
    for problem in problems:
        if problem.rule not in _VALUE_RULE_NAMES:
            others.append(problem)
            continue
        current = best.get(problem.location)
        rank = _VALUE_RULE_NAMES.index
        if current is None or rank(problem.rule) < rank(current.rule):
            best[problem.location] = problem
    return others + list(best.values())
