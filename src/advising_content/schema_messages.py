"""What each way of departing from the schema says to an editor: one message per schema keyword.

``KEYWORD_MESSAGES`` is the table from each keyword the schema uses to the function that words
its failures; a test holds it to the keywords the schema uses, so a keyword added to the schema
gets its message here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from advising_content.entry_names import entry_name
from advising_content.identifiers import as_slug, slug_pattern
from advising_content.problems import JsonPath, Problem, Severity
from advising_content.reading.implicit import IMPLICIT_TYPE
from advising_content.rules import Rule, rule
from advising_content.schema_words import (
    FORMAT_WORDS,
    NOT_BLANK,
    TYPE_WORDS,
    as_quoted,
    described,
    kind_of,
    sentence,
    type_hint,
)
from advising_content.source_map import Positions
from advising_content.wording import brief, choices, closest, field_name, plural, quoted, show

if TYPE_CHECKING:
    from jsonschema import ValidationError

MISSING_KEY = rule(
    "missing-key", Severity.ERROR, "a required key is absent; the enclosing mapping is named"
)
UNKNOWN_KEY = rule("unknown-key", Severity.ERROR, "a key the schema does not know, often a typo")
WRONG_TYPE = rule(
    "wrong-type", Severity.ERROR, "a value of the wrong kind, such as a list where text belongs"
)
EMPTY_VALUE = rule("empty-value", Severity.ERROR, "a key with nothing after its colon")
EMPTY_TEXT = rule(
    "empty-text", Severity.ERROR, "text that is empty (write it, or remove an optional key)"
)
NOT_ALLOWED = rule("not-allowed", Severity.ERROR, "a value outside the allowed choices")
INVALID_FORMAT = rule(
    "invalid-format",
    Severity.ERROR,
    "a malformed id, version, date, time, web address or email",
)
TOO_FEW_ITEMS = rule("too-few-items", Severity.ERROR, "a list with fewer entries than it needs")
DUPLICATE_ITEM = rule("duplicate-item", Severity.ERROR, "the same value twice in a list")
OUT_OF_RANGE = rule(
    "out-of-range", Severity.ERROR, "a number below its minimum or above its maximum"
)
# When several of these fail for one value, the first is the one worth reading.
VALUE_RULES = (IMPLICIT_TYPE, EMPTY_VALUE, EMPTY_TEXT, WRONG_TYPE, NOT_ALLOWED, INVALID_FORMAT)


@dataclass(frozen=True)
class Failure:
    """A failure of the schema with the parts the messages need, typed: the keyword that
    failed, where, the value there, what the keyword expects, the schema that holds it, and
    whether it applies because of an 'if'."""

    keyword: str
    location: JsonPath
    instance: Any
    expected: Any
    schema: dict[str, Any]
    in_then: bool

    @classmethod
    def of(cls, error: ValidationError) -> Failure:
        return cls(
            keyword=str(error.validator),
            location=tuple(error.absolute_path),
            instance=cast(Any, error.instance),
            expected=cast(Any, error.validator_value),
            schema=error.schema if isinstance(error.schema, dict) else {},
            in_then="then" in error.relative_schema_path,
        )


@dataclass
class Messages:
    """Words the schema's failures of one document, each at its place."""

    path: str
    source_map: Positions
    data: Any = None
    answered: set[tuple[JsonPath, int]] = field(default_factory=set)

    def at_value(self, found: Rule, location: JsonPath, message: str) -> Problem:
        return found.at(self.path, self.source_map.value_at(location), message, location)

    def where(self, location: JsonPath) -> str:
        """The place at ``location``, as the editor sees it in the record."""
        return entry_name(location, self.data)

    def problems_for(self, failure: Failure) -> Iterator[Problem]:
        if not self.source_map.was_reported(failure.location):
            yield from KEYWORD_MESSAGES[failure.keyword](self, failure)


def required(messages: Messages, failure: Failure) -> Iterator[Problem]:
    # jsonschema reports each missing key separately; answer them all at the first one.
    marker = (failure.location, id(failure.schema))
    if marker in messages.answered:
        return
    messages.answered.add(marker)
    properties = failure.schema.get("properties", {})
    reason = described(failure.schema) if failure.in_then else ""
    for key in failure.expected:
        if key not in failure.instance:
            detail = reason or described(properties.get(key))
            message = f"{messages.where(failure.location)} has no '{key}'; add it"
            yield messages.at_value(
                MISSING_KEY, failure.location, message + (f" ({detail})" if detail else "")
            )


def additional_properties(messages: Messages, failure: Failure) -> Iterator[Problem]:
    allowed = list(failure.schema.get("properties", {}))
    for key in failure.instance:
        location = (*failure.location, key)
        if key in allowed or messages.source_map.was_reported(location):
            continue
        message = (
            f"unknown key '{key}' in {messages.where(failure.location)}; "
            f"{choices(str(key), allowed, 'the keys allowed here')}"
        )
        position = messages.source_map.key_at(location)
        yield UNKNOWN_KEY.at(messages.path, position, message, location)


def type_(messages: Messages, failure: Failure) -> Iterator[Problem]:
    expected = failure.expected
    types = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(TYPE_WORDS.get(name, name) for name in types)
    name = field_name(failure.location)
    implicit = messages.source_map.implicit_at(failure.location)
    if implicit is not None and implicit.text == "":
        message = f"{name} has no value; write it after the colon"
        yield messages.at_value(EMPTY_VALUE, failure.location, message)
    elif implicit is not None and "string" in types:
        message = (
            f"YAML reads {brief(implicit.text)} as {implicit.kind}, but {name} must be text; "
            f"put the value in quotes{as_quoted(implicit.text)}"
        )
        yield messages.at_value(IMPLICIT_TYPE, failure.location, message)
    elif failure.instance is None:
        message = f"{name} is empty; it must be {wanted}"
        yield messages.at_value(EMPTY_VALUE, failure.location, message)
    else:
        message = f"{name} must be {wanted}, but it is {kind_of(failure.instance)}"
        message += type_hint(failure.instance, types)
        yield messages.at_value(WRONG_TYPE, failure.location, message)


def enum(messages: Messages, failure: Failure) -> Iterator[Problem]:
    choices = ", ".join(show(choice) for choice in failure.expected)
    message = (
        f"{show(failure.instance)} is not an allowed value for {field_name(failure.location)}; "
        f"use one of: {choices}"
    )
    match = closest(str(failure.instance), [str(choice) for choice in failure.expected])
    if match is not None:
        message += f" (did you mean {quoted(match)}?)"
    yield messages.at_value(NOT_ALLOWED, failure.location, message)


def format_(messages: Messages, failure: Failure) -> Iterator[Problem]:
    name = FORMAT_WORDS[failure.expected]
    message = (
        f"{show(failure.instance)} is not a valid {name} for {field_name(failure.location)}: "
        f"{described(failure.schema)}"
    )
    yield messages.at_value(INVALID_FORMAT, failure.location, message)


def pattern(messages: Messages, failure: Failure) -> Iterator[Problem]:
    if failure.expected == NOT_BLANK:
        name = field_name(failure.location)
        message = f"{name} holds only spaces; write the text, or remove the key if it is optional"
        yield messages.at_value(EMPTY_TEXT, failure.location, message)
        return
    detail = described(failure.schema)
    title = failure.schema.get("title")
    name = sentence(title) if isinstance(title, str) else "value"
    message = (
        f"{show(failure.instance)} is not a valid {name} for {field_name(failure.location)}: "
        f"{detail}"
    )
    written = as_slug(failure.instance) if failure.expected == f"^{slug_pattern()}$" else None
    if written is not None:
        message += f"; write it as {quoted(written)}"
    yield messages.at_value(INVALID_FORMAT, failure.location, message)


def min_items(messages: Messages, failure: Failure) -> Iterator[Problem]:
    # Every list the schema bounds needs one item: only an empty one fails.
    message = (
        f"{field_name(failure.location)} is an empty list; list at least "
        f"{plural(failure.expected, 'item')}"
    )
    yield messages.at_value(TOO_FEW_ITEMS, failure.location, message)


def min_length(messages: Messages, failure: Failure) -> Iterator[Problem]:
    # Every text the schema bounds needs one character: only an empty one fails.
    name = field_name(failure.location)
    message = f"{name} is empty; write the text, or remove the key if it is optional"
    yield messages.at_value(EMPTY_TEXT, failure.location, message)


def unique_items(messages: Messages, failure: Failure) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(failure.instance):
        marker = repr(item)
        if marker not in seen:
            seen[marker] = index
            continue
        message = (
            f"{field_name(failure.location)} lists {show(item)} twice (items {seen[marker] + 1} "
            f"and {index + 1}); remove one"
        )
        yield messages.at_value(DUPLICATE_ITEM, (*failure.location, index), message)


def _bound(side: str) -> Callable[[Messages, Failure], Iterator[Problem]]:
    """The message of a number past its bound: ``side`` is 'at least' or 'at most'."""

    def message(messages: Messages, failure: Failure) -> Iterator[Problem]:
        text = (
            f"{field_name(failure.location)} must be {side} {failure.expected}, "
            f"but it is {show(failure.instance)}"
        )
        yield messages.at_value(OUT_OF_RANGE, failure.location, text)

    return message


minimum = _bound("at least")
maximum = _bound("at most")


def any_of(messages: Messages, failure: Failure) -> Iterator[Problem]:
    # The schema's anyOf are each a choice between keys, one of which is required.
    keys = " or ".join(f"'{key}'" for branch in failure.expected for key in branch["required"])
    message = f"{messages.where(failure.location)} needs either {keys}; add one of them"
    yield messages.at_value(MISSING_KEY, failure.location, message)


KEYWORD_MESSAGES: dict[str, Callable[[Messages, Failure], Iterator[Problem]]] = {
    "required": required,
    "additionalProperties": additional_properties,
    "type": type_,
    "enum": enum,
    "format": format_,
    "pattern": pattern,
    "minItems": min_items,
    "minLength": min_length,
    "uniqueItems": unique_items,
    "minimum": minimum,
    "maximum": maximum,
    "anyOf": any_of,
}
