"""jsonschema-rs finds a record's failures of the schema as jsonschema does, in its order.

The messages of schema problems are worded from these failures, and which of two alike is kept
depends on their order; so for any record that it does not leave to jsonschema, what
``failures_of`` gives must be exactly jsonschema's failures, in jsonschema's order.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from advising_content.reading import load_file
from advising_content.schema_check import _validator
from advising_content.schema_failures import failures_of
from advising_content.schema_messages import Failure
from conftest import CONTENT, EXAMPLES, MED_PEDS
from strategies import records
from test_fuzz import FUZZ, mutated

ODD_VALUES = st.sampled_from(
    [
        *("", " ", "TODO", "a TODO", "M22", "M1", "yes", "depends", "x" * 70, "-x", "=1"),
        *("not-a-url", "http://", "https://x.org", "a@b", "a@b.co", "2025-13-45", "2025-01-01"),
        *("12:99", "09:30", "a\n", "med-peds\n", "09:30\n", "1.0.0\n", "\x1f", " \x1c", "a\x1db"),
        *(None, True, False, 0, -5, 1.0, 1.5, 10**30, 2**63, float("nan"), float("-inf")),
        *([], {}, ["x"], ["x", "x"], [1, 1.0], [True, 1], {"a": 1}, datetime.date(2020, 1, 1)),
    ]
)


def _described(failure: Failure) -> tuple[object, ...]:
    return (
        failure.keyword,
        failure.location,
        id(failure.schema),
        failure.in_then,
        repr(failure.expected),
        repr(failure.instance),
    )


def _assert_as_jsonschema_lists_them(data: Any) -> bool:
    """Hold ``failures_of(data)`` to jsonschema; True unless it leaves ``data`` to jsonschema."""
    found = failures_of(data)
    if found is None:
        return False
    listed = [Failure.of(error) for error in _validator().iter_errors(data)]
    assert [_described(f) for f in found] == [_described(f) for f in listed]
    return True


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


@st.composite
def broken_records(draw: st.DrawFn) -> dict[str, Any]:
    """A valid record with a few values replaced, removed, added or repeated."""
    record = copy.deepcopy(draw(records()))
    for _ in range(draw(st.integers(1, 5))):
        path = draw(st.sampled_from(list(_paths(record))[1:]))
        parent = record
        for part in path[:-1]:
            parent = parent[part]
        change = draw(st.sampled_from(["replace", "remove", "add", "repeat"]))
        # A copy: the lists and mappings of ODD_VALUES are drawn as they are, and a later
        # change inside the record must not change them for the examples after this one.
        value = copy.deepcopy(draw(ODD_VALUES | st.text(max_size=8) | st.integers(-3, 3000)))
        if change == "replace":
            parent[path[-1]] = value
        elif change == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict) and change == "add":
            parent[draw(st.sampled_from(["zzz", "headng", "kind", "then", "id"]))] = value
        elif isinstance(parent, list):
            parent.append(value if change == "add" else copy.deepcopy(parent[path[-1]]))
    return record


def test_the_example_files_fail_as_jsonschema_lists_them() -> None:
    paths = sorted([*EXAMPLES.rglob("*.yaml"), *CONTENT.rglob("*.yaml")])
    checked = 0
    for path in paths:
        document = load_file(str(path), path.read_bytes()).document
        if document is not None:
            checked += _assert_as_jsonschema_lists_them(document.data)
    assert checked > len(paths) // 2


def test_a_record_jsonschema_rs_reads_otherwise_is_left_to_jsonschema() -> None:
    document = load_file("med-peds.yaml", MED_PEDS.read_bytes()).document
    assert document is not None
    assert failures_of(document.data) == []
    for odd in (float("nan"), datetime.date(2020, 1, 1), "09:30\n", "a\x1fb"):
        assert failures_of({**document.data, "title": odd}) is None
    assert failures_of({**document.data, "title": 1}) is not None


@FUZZ
@given(record=broken_records())
def test_broken_records_fail_as_jsonschema_lists_them(record: dict[str, Any]) -> None:
    _assert_as_jsonschema_lists_them(record)


@FUZZ
@given(data=mutated())
def test_mutated_files_fail_as_jsonschema_lists_them(data: bytes) -> None:
    document = load_file("med-peds.yaml", data).document
    if document is not None:
        _assert_as_jsonschema_lists_them(document.data)
