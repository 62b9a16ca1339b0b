"""A record's failures of the schema, found by jsonschema-rs and listed as jsonschema lists them.

jsonschema-rs finds them in microseconds where jsonschema takes milliseconds, but it lists them
in an order of its own, and the messages depend on the order in which jsonschema lists them
(when two failures of one value say the same thing, the first is kept). So each failure is put
where jsonschema would list it: in the order of the schema's keywords, of the properties of
``properties`` and of the items of a list, as jsonschema walks the schema and the record.

A record that jsonschema-rs cannot take (a date YAML read unquoted is no JSON value), that
fails in a way this does not know how to place, that holds a value the two read differently,
or that is far larger than a record (jsonschema-rs gives every failure at once, about 5 KiB
each, where jsonschema gives them one by one up to the file's limit of problems), is left to
jsonschema.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

from advising_content.resources import load_schema
from advising_content.schema_gate import validator
from advising_content.schema_messages import Failure

# The most values of a record whose failures jsonschema-rs lists: a value fails in a few ways
# at most, so their failures take a few MiB. An advising record has a few hundred values.
_MOST_VALUES = 1000
# The keywords whose failures are about the value that the keyword's schema applies to.
_ENDS = frozenset(
    {
        "additionalProperties",
        "anyOf",
        "enum",
        "format",
        "maximum",
        "minItems",
        "minLength",
        "minimum",
        "pattern",
        "required",
        "type",
        "uniqueItems",
    }
)


_SEPARATORS = frozenset("\x1c\x1d\x1e\x1f")


class _Unplaced(Exception):
    """A failure found where this does not know how jsonschema would list it."""


def failures_of(data: Any) -> list[Failure] | None:
    """The failures of ``data`` in jsonschema's order, or None when jsonschema is to list
    them."""
    if not _read_alike(data):
        return None
    try:
        placed = [_placed(error, data) for error in validator().iter_errors(data)]
    except (ValueError, _Unplaced):  # ValueError: a value JSON has no type for
        return None
    placed.sort(key=lambda pair: pair[0])
    return [failure for _, failure in placed]


def _read_alike(data: Any) -> bool:
    """False when ``data`` holds more than ``_MOST_VALUES`` values, or a value that jsonschema-rs
    may read otherwise than jsonschema: a number that is not finite, which JSON has not; or a
    text that a pattern of the schema may match in Python and not in Rust, or the other way:
    Python's '$' also matches before a line break that ends the text, and its '\\s' also
    matches the separators U+001C to U+001F."""
    stack = [data]
    values = 0
    while stack and values <= _MOST_VALUES:
        value = stack.pop()
        values += 1
        if isinstance(value, str):
            if not value.isprintable() and (value.endswith("\n") or _SEPARATORS & set(value)):
                return False
        elif isinstance(value, float):
            if not math.isfinite(value):
                return False
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return values <= _MOST_VALUES


def _placed(error: Any, data: Any) -> tuple[tuple[int, ...], Failure]:
    """Where jsonschema lists ``error``, and what it failed, found by following its path
    through the schema."""
    root = load_schema()
    schema: dict[str, Any] = root
    order: list[int] = []
    steps = iter(error.evaluation_path)
    instance: Iterator[str | int] = iter(error.instance_path)
    for step in steps:
        # jsonschema checks 'then' and 'else' where it checks 'if'.
        order.append(_index(schema, "if" if step in ("then", "else") else step))
        if step in _ENDS:
            if next(steps, None) is not None:
                raise _Unplaced(error.evaluation_path)
            location = tuple(error.instance_path)
            return tuple(order), Failure(
                keyword=step,
                location=location,
                instance=_at(data, location),
                expected=schema[step],
                schema=schema,
                in_then="then" in error.evaluation_path,
            )
        schema = _inner(root, schema, step, steps, instance, order)
    raise _Unplaced(error.evaluation_path)


def _inner(
    root: dict[str, Any],
    schema: dict[str, Any],
    step: str,
    steps: Iterator[str],
    instance: Iterator[str | int],
    order: list[int],
) -> dict[str, Any]:
    """The schema that ``step`` leads to from ``schema``, noting where jsonschema goes there."""
    if step == "$ref":
        return _reference(root, schema["$ref"])
    if step in ("then", "else"):
        return _dict(schema[step])
    if step == "properties":
        name = next(steps, None)
        if name is None or next(instance, None) != name:
            raise _Unplaced(step)
        order.append(_index(schema["properties"], name))
        return _dict(schema["properties"][name])
    if step == "items":
        index = next(instance, None)
        if not isinstance(index, int):
            raise _Unplaced(step)
        order.append(index)
        return _dict(schema["items"])
    raise _Unplaced(step)


def _index(schema: dict[str, Any], key: str) -> int:
    for index, known in enumerate(schema):
        if known == key:
            return index
    raise _Unplaced(key)


def _reference(root: dict[str, Any], reference: Any) -> dict[str, Any]:
    if not isinstance(reference, str) or not reference.startswith("#/"):
        raise _Unplaced(reference)
    return _dict(_at(root, reference[2:].split("/")))


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Unplaced(value)
    return value


def _at(value: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        value = value[part]
    return value
