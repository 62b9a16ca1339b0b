"""Read a content file into plain data and a source map, refusing what content has no use for.

The file is parsed into YAML events and the data is built from them here, not by PyYAML's
constructor: that is how duplicate keys, anchors, aliases, tags and merge keys are caught with
their positions (``strictness``) instead of being silently applied, and how nothing in a file can
construct objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from advising_content.file_problems import FileProblems
from advising_content.problems import JsonPath, Problem, Severity
from advising_content.reading import limit_checks, strictness
from advising_content.reading.context import Abandon, Reading, position_of
from advising_content.reading.decoding import decode
from advising_content.reading.implicit import KINDS, construct, resolve
from advising_content.reading.quick import read_quickly
from advising_content.rules import rule
from advising_content.source_map import START, ImplicitScalar, Positions, SourceMap

EMPTY_FILE = rule("empty-file", Severity.ERROR, "the file holds no record")
MULTIPLE_DOCUMENTS = rule(
    "multiple-documents", Severity.ERROR, "the file holds more than one YAML document"
)
NOT_A_MAPPING = rule(
    "not-a-mapping", Severity.ERROR, "the file holds a list or a single value, not a record"
)

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_ROOT = object()


@dataclass
class LoadedDocument:
    """A content file that parsed into a mapping."""

    path: str
    data: dict[str, Any]
    source_map: Positions


@dataclass
class LoadResult:
    document: LoadedDocument | None
    problems: list[Problem] = field(default_factory=list)


def load_file(path: str, raw: bytes, problems: FileProblems | None = None) -> LoadResult:
    """Parse the bytes of the content file shown to editors as ``path``.

    Problems are added to ``problems`` (a new, unlimited collection when it is not given); when
    they reach its limit, TooManyProblems is raised.
    """
    found = FileProblems(limit=None) if problems is None else problems
    text = decode(path, raw)
    if isinstance(text, Problem):
        found.add(text)
        return LoadResult(None, found.found)
    quick = read_quickly(text)
    if quick is not None:
        return LoadResult(LoadedDocument(path, *quick), found.found)
    return _Builder(Reading(path, text, found, SourceMap())).build()


class _MappingFrame:
    __slots__ = ("key", "location", "seen", "value")

    def __init__(self, location: JsonPath, value: dict[str, Any]) -> None:
        self.location = location
        self.value = value
        self.key: str | None = None
        self.seen: dict[str, int] = {}  # each key, and the line it is on


class _SequenceFrame:
    __slots__ = ("location", "value")

    def __init__(self, location: JsonPath, value: list[Any]) -> None:
        self.location = location
        self.value = value


_Frame = _MappingFrame | _SequenceFrame


class _Builder:
    """Builds plain data from parser events, recording positions and YAML-level problems."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.loader = _Loader(reading.text)
        self.stack: list[_Frame] = []
        self.root: Any = _NO_ROOT
        self.documents = 0
        self.values = 0

    def build(self) -> LoadResult:
        reading = self.reading
        try:
            self._consume(self._events())
        except Abandon:
            return LoadResult(None, reading.problems.found)
        except yaml.YAMLError as error:
            reading.problems.add(_parse_problem(reading, error))
            return LoadResult(None, reading.problems.found)
        finally:
            self.loader.dispose()
        return self._result()

    def _events(self) -> Iterator[Event]:
        while self.loader.check_event():
            yield self.loader.get_event()  # type: ignore[no-untyped-call]

    def _consume(self, events: Iterator[Event]) -> None:
        skip_depth = 0  # inside an entry whose key was refused
        skip_next = False  # the value of an entry whose key was refused comes next
        for event in events:
            if skip_depth:
                if isinstance(event, CollectionStartEvent):
                    skip_depth += 1
                elif isinstance(event, CollectionEndEvent):
                    skip_depth -= 1
            elif isinstance(event, NodeEvent):
                if skip_next:
                    skip_next = False
                    skip_depth = 1 if isinstance(event, CollectionStartEvent) else 0
                    continue
                frame = self.stack[-1] if self.stack else None
                if isinstance(frame, _MappingFrame) and frame.key is None:
                    skip_next = not self._take_key(frame, event)
                    skip_depth = 1 if skip_next and isinstance(event, CollectionStartEvent) else 0
                    continue
                self._add_value(event, frame)
            elif isinstance(event, CollectionEndEvent):
                self.stack.pop()
            elif isinstance(event, DocumentStartEvent) and not self._start_document(event):
                return

    def _start_document(self, event: Event) -> bool:
        self.documents += 1
        if self.documents > 1:
            self.reading.report(
                MULTIPLE_DOCUMENTS,
                position_of(event),
                "a second YAML document starts here; a content file holds exactly one record: "
                "remove the '---' line and what follows, or move it to a file of its own",
                (),
            )
            return False
        return True

    def _take_key(self, frame: _MappingFrame, event: NodeEvent) -> bool:
        """Take ``event`` as the next key of ``frame``; False when the entry is to be skipped."""
        for check in strictness.KEY_CHECKS:
            if not check(self.reading, event, frame.location, frame.seen):
                return False
        assert isinstance(event, ScalarEvent)  # KEY_CHECKS refuse any other key
        position = position_of(event)
        frame.key = event.value
        frame.seen[event.value] = position.line
        self.reading.source_map.keys[(*frame.location, event.value)] = position
        return True

    def _add_value(self, event: NodeEvent, frame: _Frame | None) -> None:
        if isinstance(frame, _MappingFrame):
            assert frame.key is not None
            location: JsonPath = (*frame.location, frame.key)
        elif isinstance(frame, _SequenceFrame):
            location = (*frame.location, len(frame.value))
        else:
            location = ()
        self.values += 1
        limit_checks.values_limit(self.reading, self.values, event, location)
        self.reading.source_map.values[location] = position_of(event)
        value = self._value_of(event, location)
        if isinstance(frame, _MappingFrame):
            assert frame.key is not None
            frame.value[frame.key] = value
            frame.key = None
        elif isinstance(frame, _SequenceFrame):
            frame.value.append(value)
        else:
            self.root = value
        if frame is not None:
            limit_checks.entries_limit(self.reading, len(frame.value), event, location)
        if isinstance(value, dict | list):
            limit_checks.depth_limit(self.reading, len(self.stack), event, location)
            frame_type = _MappingFrame if isinstance(value, dict) else _SequenceFrame
            self.stack.append(frame_type(location, value))  # type: ignore[arg-type]

    def _value_of(self, event: NodeEvent, location: JsonPath) -> Any:
        if isinstance(event, AliasEvent):
            strictness.alias_value(self.reading, event, location)
            return None
        for check in strictness.NODE_CHECKS:
            check(self.reading, event, location)
        if isinstance(event, ScalarEvent):
            return self._scalar(event, location)
        return {} if isinstance(event, MappingStartEvent) else []

    def _scalar(self, event: ScalarEvent, location: JsonPath) -> Any:
        for check in strictness.SCALAR_CHECKS:
            check(self.reading, event, location)
        if event.tag is not None or not event.implicit[0]:
            return event.value
        tag = resolve(event.value)
        kind = KINDS.get(tag)
        if kind is None:
            return event.value
        self.reading.source_map.implicit[location] = ImplicitScalar(event.value, kind)
        return construct(self.loader, tag, event)

    def _result(self) -> LoadResult:
        reading = self.reading
        if self.root is _NO_ROOT or self.root is None:
            message = "the file is empty; a content file holds one record, starting with 'id:'"
            reading.report(EMPTY_FILE, START, message, ())
            return LoadResult(None, reading.problems.found)
        if not isinstance(self.root, dict):
            kind = "a list" if isinstance(self.root, list) else "a single value"
            reading.report(
                NOT_A_MAPPING,
                reading.source_map.value_at(()),
                f"the file holds {kind}, but a content file holds one record: keys and values "
                "such as 'id: med-peds'",
                (),
            )
            return LoadResult(None, reading.problems.found)
        document = LoadedDocument(reading.path, self.root, reading.source_map)
        return LoadResult(document, reading.problems.found)


def _parse_problem(reading: Reading, error: yaml.YAMLError) -> Problem:
    """The problem of a file that YAML cannot parse, in words loaded only for it."""
    from advising_content.reading import parse_errors

    if isinstance(error, yaml.MarkedYAMLError):
        return parse_errors.syntax_problem(reading.path, reading.text, error)
    if isinstance(error, yaml.reader.ReaderError):
        return parse_errors.reader_problem(reading.path, reading.text, error)
    return parse_errors.other_problem(reading.path, error)
