"""Where the values of a file read quickly (``quick``) are written, from the parser's events.

The quick reading keeps the events of the record's own keys and values only: most files have no
problem, so no position is ever asked for. The first question about a value below them reads
the text again for its events alone, keeping each one: the text read before reads the same.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from advising_content.problems import JsonPath
from advising_content.reading.implicit import KINDS, resolve
from advising_content.source_map import START, ImplicitScalar, Position

# A value's entry: the event of its key (None in a list), its own event, and the entries of
# the values it holds, by key or in order (None for a scalar, NOT_KEPT when not kept).
Entry = tuple[ScalarEvent | None, NodeEvent, Any]
NOT_KEPT = object()

Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EventPositions:
    """Where each value of a file read quickly is written."""

    __slots__ = ("_root", "_text")

    def __init__(self, text: str, root: Entry) -> None:
        self._text: str | None = text  # until every entry is kept
        self._root = root

    def value_at(self, location: JsonPath) -> Position:
        return _start(self._deepest(location)[0][1])

    def key_at(self, location: JsonPath) -> Position:
        entry, depth = self._deepest(location)
        key_event = entry[0] if depth == len(location) else None
        return _start(key_event if key_event is not None else entry[1])

    def implicit_at(self, location: JsonPath) -> ImplicitScalar | None:
        entry, depth = self._deepest(location)
        event = entry[1]
        if depth < len(location) or not isinstance(event, ScalarEvent) or not event.implicit[0]:
            return None
        kind = KINDS.get(resolve(event.value))
        return None if kind is None else ImplicitScalar(event.value, kind)

    def was_reported(self, location: JsonPath) -> bool:
        return False  # a file with problems of YAML is read in full

    def _deepest(self, location: JsonPath) -> tuple[Entry, int]:
        """The entry of the value at ``location`` or of its nearest written ancestor, and how
        many parts of ``location`` lead to it."""
        entry = self._root
        for depth, part in enumerate(location):
            inner = entry[2]
            if inner is NOT_KEPT:
                return self._keep_all()._deepest(location)
            found = None
            if isinstance(inner, dict) and isinstance(part, str):
                found = inner.get(part)
            elif isinstance(inner, list) and isinstance(part, int) and 0 <= part < len(inner):
                found = inner[part]
            if found is None:
                return entry, depth
            entry = found
        return entry, len(location)

    def _keep_all(self) -> EventPositions:
        assert self._text is not None  # else nothing is left out
        loader = Loader(self._text)
        try:
            self._root = _every_entry(loader)
        finally:
            loader.dispose()
        self._text = None
        return self


def _every_entry(loader: yaml.SafeLoader) -> Entry:
    """The root's entry, with every entry below it, from the events of a text read before."""
    stack: list[Any] = []
    entries: Any = None  # of the list or mapping being read
    key_event: ScalarEvent | None = None
    root: Entry | None = None
    for event in iter(loader.get_event, None):
        kind = type(event)
        if kind is ScalarEvent and key_event is None and type(entries) is dict:
            key_event = event
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            entries = stack.pop()
            continue
        if kind is MappingStartEvent:
            inner: Any = {}
        elif kind is SequenceStartEvent:
            inner = []
        elif kind is ScalarEvent:
            inner = None
        else:  # the stream's and the document's
            continue
        entry = (key_event, event, inner)
        if entries is None:
            root = entry
        elif key_event is not None:
            entries[key_event.value] = entry
            key_event = None
        else:
            entries.append(entry)
        if inner is not None:
            stack.append(entries)
            entries = inner
    assert root is not None  # the text holds a record
    return root


def _start(event: Event) -> Position:
    mark = event.start_mark
    return START if mark is None else Position(mark.line + 1, mark.column + 1)
