"""Validate a loaded record against the published schema, in words an editor can act on."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any, cast

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match

from advising_content.formats import format_checker
from advising_content.problems import (
    FileProblems,
    JsonPath,
    Problem,
    Severity,
    TooManyProblems,
    dotted,
)
from advising_content.resources import load_schema
from advising_content.source_map import Position
from advising_content.wording import ECHO_CHARS, brief, show
from advising_content.yaml_loader import LoadedDocument

_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys and values",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
_FORMAT_WORDS = {"date": "date", "uri": "web address", "email": "email address"}
# When several rules fail for one value, the first of these is the one worth reading.
_VALUE_RULES = ("implicit-type", "empty-value", "wrong-type", "not-allowed", "invalid-format")


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=format_checker())


def schema_problems(document: LoadedDocument) -> list[Problem]:
    """Every way in which ``document`` departs from the schema, each at its place."""
    problems, _ = _collect(document, None)
    return problems


def add_schema_problems(document: LoadedDocument, problems: FileProblems) -> None:
    """Add the schema problems of ``document`` to ``problems``, looking no further than their
    limit allows."""
    found, cut = _collect(document, problems.remaining)
    problems.extend(found)
    if cut:
        raise TooManyProblems


def _collect(document: LoadedDocument, limit: int | None) -> tuple[list[Problem], bool]:
    """The schema problems of ``document``, and whether looking stopped at ``limit``."""
    messages = _Messages(document)
    every = (
        problem
        for error in _validator().iter_errors(document.data)
        for problem in messages.problems_for(error)
    )
    found = list(islice(every, limit))
    return _one_per_value(found), limit is not None and len(found) >= limit


def _one_per_value(problems: list[Problem]) -> list[Problem]:
    """Keep one problem about each value's type, choice or form: the most telling one."""
    best: dict[JsonPath, Problem] = {}
    others: list[Problem] = []
    for problem in problems:
        if problem.rule not in _VALUE_RULES:
            others.append(problem)
            continue
        current = best.get(problem.location)
        if current is None or _VALUE_RULES.index(problem.rule) < _VALUE_RULES.index(current.rule):
            best[problem.location] = problem
    return others + list(best.values())


def _field(location: JsonPath) -> str:
    if not location:
        return "the record"
    last = location[-1]
    if isinstance(last, int):
        parent = location[-2] if len(location) > 1 else "list"
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


def _where(location: JsonPath) -> str:
    return "the record" if not location else f"'{dotted(location)}'"


def _sentence(description: str) -> str:
    """A description as part of a sentence: without its full stop, in lower case if a word."""
    text = description.strip().rstrip(".")
    first_word = text.split(" ", 1)[0]
    if first_word.isalpha() and (len(first_word) == 1 or first_word[1:].islower()):
        text = text[0].lower() + text[1:]
    return text


def _described(schema: Any) -> str:
    if isinstance(schema, dict):
        description = schema.get("description")
        if isinstance(description, str):
            return _sentence(description)
    return ""


@dataclass(frozen=True)
class _Failure:
    """A jsonschema error with the parts the messages need, typed."""

    keyword: str
    instance: Any
    expected: Any
    schema: dict[str, Any]
    in_then: bool
    context: list[ValidationError]

    @classmethod
    def of(cls, error: ValidationError) -> _Failure:
        schema = error.schema if isinstance(error.schema, dict) else {}
        return cls(
            keyword=str(error.validator),
            instance=cast(Any, error.instance),
            expected=cast(Any, error.validator_value),
            schema=schema,
            in_then="then" in error.relative_schema_path,
            context=list(error.context or []),
        )


class _Messages:
    def __init__(self, document: LoadedDocument) -> None:
        self.document = document
        self.source_map = document.source_map
        self.required_done: set[tuple[JsonPath, int]] = set()

    def _problem(self, position: Position, rule: str, message: str, location: JsonPath) -> Problem:
        return Problem(
            self.document.path,
            position.line,
            position.column,
            Severity.ERROR,
            rule,
            message,
            location,
        )

    def _at_value(self, location: JsonPath, rule: str, message: str) -> Problem:
        return self._problem(self.source_map.value_at(location), rule, message, location)

    def problems_for(self, error: ValidationError) -> Iterator[Problem]:
        location: JsonPath = tuple(error.absolute_path)
        if location in self.source_map.reported:
            return
        failure = _Failure.of(error)
        handler = getattr(self, "_" + failure.keyword, None)
        if handler is not None:
            yield from handler(failure, location)
        else:
            yield self._at_value(
                location,
                "schema",
                f"{_field(location)} does not meet the schema's '{failure.keyword}' rule",
            )

    def _required(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        # jsonschema reports each missing key separately; answer them all at the first one.
        marker = (location, id(error.schema))
        if marker in self.required_done:
            return
        self.required_done.add(marker)
        properties = error.schema.get("properties", {})
        reason = _described(error.schema) if error.in_then else ""
        for key in error.expected:
            if key in error.instance:
                continue
            detail = reason or _described(properties.get(key))
            yield self._at_value(
                location,
                "missing-key",
                f"{_where(location)} has no '{key}'; add it" + (f" ({detail})" if detail else ""),
            )

    def _additionalProperties(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        allowed = list(error.schema.get("properties", {}))
        for key in error.instance:
            if key in allowed or (*location, key) in self.source_map.reported:
                continue
            message = f"unknown key '{key}' in {_where(location)}"
            match = _closest(str(key), allowed)
            if match:
                message += f"; did you mean '{match}'?"
            else:
                message += f"; the keys allowed here are: {', '.join(allowed)}"
            yield self._problem(
                self.source_map.key_at((*location, key)), "unknown-key", message, (*location, key)
            )

    def _type(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        expected = error.expected
        expected_types = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_WORDS.get(name, name) for name in expected_types)
        field = _field(location)
        implicit = self.source_map.implicit.get(location)
        if implicit is not None and implicit.text == "":
            yield self._at_value(
                location, "empty-value", f"{field} has no value; write it after the colon"
            )
        elif implicit is not None and "string" in expected_types:
            yield self._at_value(
                location,
                "implicit-type",
                f"YAML reads {brief(implicit.text)} as {implicit.kind}, but {field} must be "
                f"text; put the value in quotes{_as_quoted(implicit.text)}",
            )
        elif error.instance is None:
            yield self._at_value(location, "empty-value", f"{field} is empty; it must be {wanted}")
        else:
            message = f"{field} must be {wanted}, but it is {_kind_of(error.instance)}"
            yield self._at_value(
                location, "wrong-type", message + _type_hint(error.instance, expected_types)
            )

    def _enum(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        choices = [show(choice) for choice in error.expected]
        message = (
            f"{show(error.instance)} is not an allowed value for {_field(location)}; "
            f"use one of: {', '.join(choices)}"
        )
        match = _closest(str(error.instance), [str(choice) for choice in error.expected])
        if match is not None:
            message += f" (did you mean '{match}'?)"
        yield self._at_value(location, "not-allowed", message)

    def _const(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        yield self._at_value(
            location,
            "not-allowed",
            f"{_field(location)} must be {show(error.expected)}, not {show(error.instance)}",
        )

    def _format(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        name = _FORMAT_WORDS.get(str(error.expected), str(error.expected))
        detail = _described(error.schema)
        yield self._at_value(
            location,
            "invalid-format",
            f"{show(error.instance)} is not a valid {name} for {_field(location)}"
            + (f": {detail}" if detail else ""),
        )

    def _pattern(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        detail = _described(error.schema) or f"it must match {error.expected}"
        title = error.schema.get("title")
        name = _sentence(title) if isinstance(title, str) else "value"
        yield self._at_value(
            location,
            "invalid-format",
            f"{show(error.instance)} is not a valid {name} for {_field(location)}: {detail}",
        )

    def _minItems(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        count = error.expected
        if not error.instance:
            message = f"{_field(location)} is an empty list; list at least {count} item"
            message += "s" if count != 1 else ""
        else:
            message = f"{_field(location)} must list at least {count} items"
        yield self._at_value(location, "too-few-items", message)

    def _uniqueItems(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        seen: dict[str, int] = {}
        for index, item in enumerate(error.instance):
            marker = repr(item)
            if marker in seen:
                yield self._at_value(
                    (*location, index),
                    "duplicate-item",
                    f"{_field(location)} lists {show(item)} twice (items {seen[marker] + 1} and "
                    f"{index + 1}); remove one",
                )
            else:
                seen[marker] = index

    def _minimum(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        yield self._at_value(
            location,
            "out-of-range",
            f"{_field(location)} must be at least {error.expected}, "
            f"but it is {show(error.instance)}",
        )

    def _maximum(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        yield self._at_value(
            location,
            "out-of-range",
            f"{_field(location)} must be at most {error.expected}, "
            f"but it is {show(error.instance)}",
        )

    def _anyOf(self, error: _Failure, location: JsonPath) -> Iterator[Problem]:
        branches = error.expected
        if all(isinstance(b, dict) and set(b) == {"required"} for b in branches):
            keys = [f"'{key}'" for branch in branches for key in branch["required"]]
            yield self._at_value(
                location,
                "missing-key",
                f"{_where(location)} needs either {' or '.join(keys)}; add one of them",
            )
            return
        closest = best_match(error.context)
        if closest is not None:
            yield from self.problems_for(closest)

    _oneOf = _anyOf


def _closest(word: str, options: list[str]) -> str | None:
    folded = {option.lower().replace("-", "_"): option for option in options}
    key = word.lower().replace("-", "_").replace(" ", "_")
    if key in folded:
        return folded[key]
    matches = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.75)
    return folded[matches[0]] if matches else None


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {show(value)}"
    if isinstance(value, int | float):
        return f"the number {show(value)}"
    if isinstance(value, str):
        return f"the text {show(value)}"
    if isinstance(value, datetime.date):
        return f"the date {show(value)}"
    return show(value)


def _type_hint(value: Any, expected: list[str]) -> str:
    if "array" in expected and isinstance(value, str):
        return (
            f"; write it as a list, such as [{value}]"
            if len(value) < 40
            else "; write it as a list: one '- ' line per item"
        )
    if {"integer", "number"} & set(expected) and isinstance(value, str) and _is_number(value):
        return "; remove the quotes"
    return ""


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _as_quoted(text: str) -> str:
    """': "text"', the value as it is to be written, when it is short enough to repeat."""
    return f': "{text}"' if len(text) <= ECHO_CHARS else ""
