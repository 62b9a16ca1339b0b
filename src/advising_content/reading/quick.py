"""The quick way through a content file: its data in one pass over the parser's events.

Almost every file is plain YAML well within the limits, and this is all its reading costs. At
the first thing that the full reading (``document``) would report, such as an anchor, a tag, a
duplicate key, a comment that cuts a value short, a limit passed or a syntax error, it gives
up: the full reading then finds and words every problem of that file.

Where each value is written is needed only for a problem, so only the events of the record's
own keys are kept (``event_positions`` reads the text again for the others, when asked).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from advising_content.limits import (
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_KEY_CHARS,
    MAX_TEXT_CHARS,
    MAX_VALUES,
)
from advising_content.reading.event_positions import NOT_KEPT, Entry, EventPositions, Loader
from advising_content.reading.implicit import KINDS, STR, construct, resolve
from advising_content.reading.strictness import lost_comment


class _GiveUp(Exception):
    """The file holds something the full reading reports."""


def read_quickly(text: str) -> tuple[dict[str, Any], EventPositions] | None:
    """The record ``text`` holds and where its values are, or None when the file needs the
    full reading: it has a problem of YAML, or it holds no record."""
    try:
        found = _read(text)
    except (_GiveUp, yaml.YAMLError):
        return None
    if found is None or not isinstance(found[0], dict):
        return None
    return found[0], EventPositions(text, found[1])


def _read(text: str) -> tuple[Any, Entry] | None:
    """The root value, and its entry with those of its own values."""
    loader = Loader(text)
    try:
        comments = " #" in text or "\t#" in text  # else no unquoted value ends in a comment
        return _build(loader, text if comments else None)
    finally:
        loader.dispose()


def _build(loader: yaml.SafeLoader, text: str | None) -> tuple[Any, Entry] | None:
    # One loop over every event of the file, longer than a function here should be: split into
    # functions, the calls per event would cost more than the rest of its work.
    stack: list[tuple[Any, Any, bool]] = []
    data: Any = None  # the list or mapping being filled, and the entries of its values
    entries: Any = None
    in_mapping = False
    key: str | None = None
    key_event: ScalarEvent | None = None
    root: tuple[Any, Entry] | None = None
    values = documents = 0
    for event in iter(loader.get_event, None):
        kind = type(event)
        if kind is ScalarEvent and in_mapping and key is None:
            key, key_event = _key(event, data), event
            continue
        if kind is ScalarEvent:
            value, inner = _scalar(loader, event, text), None
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or (in_mapping and key is None):
                raise _GiveUp
            value = {} if kind is MappingStartEvent else []
            inner = type(value)() if data is None else NOT_KEPT
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            data, entries, in_mapping = stack.pop()
            continue
        elif kind is AliasEvent or (kind is DocumentStartEvent and documents):
            raise _GiveUp
        else:
            documents += kind is DocumentStartEvent
            continue
        values += 1
        if data is None:
            root = value, (key_event, event, inner)
        elif in_mapping:
            data[key] = value
            if entries is not NOT_KEPT:
                entries[key] = (key_event, event, inner)
            key = key_event = None
        else:
            data.append(value)
            if entries is not NOT_KEPT:
                entries.append((key_event, event, inner))
        if values > MAX_VALUES or (data is not None and len(data) > MAX_ENTRIES):
            raise _GiveUp
        if inner is not None:
            if len(stack) >= MAX_DEPTH:
                raise _GiveUp
            stack.append((data, entries, in_mapping))
            data, entries, in_mapping = value, inner, kind is MappingStartEvent
    return root


def _key(event: ScalarEvent, mapping: dict[str, Any]) -> str:
    key = event.value
    if (
        event.anchor is not None
        or event.tag is not None
        or len(key) > MAX_KEY_CHARS
        or key in mapping
        or (event.implicit[0] and resolve(key) != STR)
    ):
        raise _GiveUp
    return key


def _scalar(loader: yaml.SafeLoader, event: ScalarEvent, text: str | None) -> Any:
    value = event.value
    if event.anchor is not None or event.tag is not None or len(value) > MAX_TEXT_CHARS:
        raise _GiveUp
    if not event.implicit[0]:  # quoted, or a block
        return value
    if text is not None and lost_comment(text, event) is not None:
        raise _GiveUp
    tag = resolve(value)
    return construct(loader, tag, event) if tag in KINDS else value
