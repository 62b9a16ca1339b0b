"""A YAML text as its parser reads it: each event in a form that says what it means to the data,
and each scalar with where its text is written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from advising_content.reading.implicit import STR, resolve

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# An event as the data sees it: its kind, anchor, tag and, for a scalar, its text.
Signature = tuple[Any, ...]


@dataclass(frozen=True)
class Scalar:
    """A scalar as written: its span of the text, where it starts (1-based, as the validator
    places problems), its style ('' plain, quote or block indicator), what YAML reads it as."""

    index: int  # its place among the events
    start: int
    end: int
    line: int
    column: int
    style: str
    value: str
    tag: str
    is_key: bool


@dataclass(frozen=True)
class Parsed:
    signatures: list[Signature]
    scalars: list[Scalar]


class SyntaxFailure(Exception):
    """The text does not parse; ``mark`` is where the parser stopped, when it says."""

    def __init__(self, error: yaml.YAMLError) -> None:
        super().__init__(str(error))
        self.error = error
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        self.line: int | None = None if mark is None else mark.line


def parsed(text: str) -> Parsed:
    """Every event of ``text``; raises SyntaxFailure when it does not parse."""
    signatures: list[Signature] = []
    scalars: list[Scalar] = []
    expecting_key: list[bool | None] = []  # per open collection: a mapping's next node is a key
    for index, event in enumerate(_events(text)):
        signatures.append(signature(event))
        if isinstance(event, NodeEvent):
            is_key = bool(expecting_key and expecting_key[-1])
            if expecting_key and expecting_key[-1] is not None:
                expecting_key[-1] = not is_key
            if isinstance(event, ScalarEvent):
                scalars.append(_scalar(index, event, is_key))
            elif isinstance(event, CollectionStartEvent):
                expecting_key.append(True if isinstance(event, MappingStartEvent) else None)
        elif isinstance(event, CollectionEndEvent):
            expecting_key.pop()
    return Parsed(signatures, scalars)


def reads(text: str) -> bool:
    """Whether ``text`` parses."""
    try:
        parsed(text)
    except SyntaxFailure:
        return False
    return True


def signature(event: Event) -> Signature:
    if isinstance(event, ScalarEvent):
        return ("scalar", event.anchor, data_tag(event), event.value)
    if isinstance(event, AliasEvent):
        return ("alias", event.anchor)
    if isinstance(event, CollectionStartEvent):
        return (type(event).__name__, event.anchor, event.tag)
    return (type(event).__name__,)


def data_tag(event: ScalarEvent) -> str:
    """What YAML reads the scalar as: its tag, or the one it resolves to unquoted, or text."""
    if event.tag:
        return str(event.tag)
    return resolve(event.value) if event.implicit[0] else STR


def _events(text: str) -> Iterator[Event]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()  # type: ignore[no-untyped-call]
    except yaml.YAMLError as error:
        raise SyntaxFailure(error) from None
    finally:
        loader.dispose()


def _scalar(index: int, event: ScalarEvent, is_key: bool) -> Scalar:
    start, end = event.start_mark, event.end_mark
    assert start is not None  # the parser marks every event
    assert end is not None
    return Scalar(
        index=index,
        start=start.index,
        end=end.index,
        line=start.line + 1,
        column=start.column + 1,
        style=event.style or "",
        value=event.value,
        tag=data_tag(event),
        is_key=is_key,
    )
