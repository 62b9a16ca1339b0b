"""Read a content file into plain data and a source map, refusing what content has no use for.

The file is parsed into YAML events and the data is built from them here, not by PyYAML's
constructor: that is how duplicate keys, anchors, aliases, tags and merge keys are caught with
their positions instead of being silently applied, and how nothing in a file can construct objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
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

from advising_content.limits import (
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_KEY_CHARS,
    MAX_TEXT_CHARS,
    MAX_VALUES,
)
from advising_content.problems import FileProblems, JsonPath, Problem, Severity
from advising_content.source_map import START, ImplicitScalar, Position, SourceMap
from advising_content.wording import brief, field_name, quoted

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()

_CORE = "tag:yaml.org,2002:"
_STR = _CORE + "str"
_MERGE = _CORE + "merge"
# What YAML 1.1 makes of an unquoted value that is not text, in the words an editor reads.
_IMPLICIT_KINDS = {
    _CORE + "bool": "a yes/no value (boolean)",
    _CORE + "int": "a number",
    _CORE + "float": "a number",
    _CORE + "null": "an empty value (null)",
    _CORE + "timestamp": "a date",
}
_UTF16_OR_32_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_UTF8_BOM = b"\xef\xbb\xbf"
# What follows an unquoted value on its line when the line ends in a comment.
_COMMENT_AFTER = re.compile(r"[ \t]+#")


@dataclass
class LoadedDocument:
    """A content file that parsed into a mapping."""

    path: str
    data: dict[str, Any]
    source_map: SourceMap


@dataclass
class LoadResult:
    path: str
    document: LoadedDocument | None
    problems: list[Problem] = field(default_factory=list)


def load_file(path: str, raw: bytes, problems: FileProblems | None = None) -> LoadResult:
    """Parse the bytes of the content file shown to editors as ``path``.

    Problems are added to ``problems`` (a new, unlimited collection when it is not given); when
    they reach its limit, TooManyProblems is raised.
    """
    found = FileProblems(limit=None) if problems is None else problems
    text_or_problem = _decode(path, raw)
    if isinstance(text_or_problem, Problem):
        found.add(text_or_problem)
        return LoadResult(path, None, found.found)
    return _Builder(path, text_or_problem, found).build()


def _decode(path: str, raw: bytes) -> str | Problem:
    for bom, encoding in _UTF16_OR_32_BOMS.items():
        if raw.startswith(bom):
            return Problem(
                path,
                1,
                1,
                Severity.ERROR,
                "encoding",
                f"the file is saved as {encoding} text; save it as UTF-8",
            )
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return Problem(
            path,
            line,
            column,
            Severity.ERROR,
            "encoding",
            f"the file is not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be read here; "
            "save the file as UTF-8",
        )


class _MappingFrame:
    __slots__ = ("key", "key_lines", "location", "value")

    def __init__(self, location: JsonPath, value: dict[str, Any]) -> None:
        self.location = location
        self.value = value
        self.key: str | None = None
        self.key_lines: dict[str, int] = {}


class _SequenceFrame:
    __slots__ = ("location", "value")

    def __init__(self, location: JsonPath, value: list[Any]) -> None:
        self.location = location
        self.value = value


_Frame = _MappingFrame | _SequenceFrame
_NO_ROOT = object()


def _position(event: Event) -> Position:
    mark = event.start_mark
    return START if mark is None else Position(mark.line + 1, mark.column + 1)


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


@lru_cache(maxsize=4096)
def _resolve_plain(plain: str) -> str:
    # Keys and short values repeat from file to file: resolve each text once.
    tag = _RESOLVER.resolve(yaml.ScalarNode, plain, (True, False))  # type: ignore[no-untyped-call]
    return str(tag)


class _Abandon(Exception):
    """The file goes past a limit: reading it further would serve no one."""


class _Builder:
    """Builds plain data from parser events, recording positions and YAML-level problems."""

    def __init__(self, path: str, text: str, problems: FileProblems) -> None:
        self.path = path
        self.text = text
        self.loader = _Loader(text)
        self.problems = problems
        self.source_map = SourceMap()
        self.stack: list[_Frame] = []
        self.root: Any = _NO_ROOT
        self.documents = 0
        self.values = 0

    def build(self) -> LoadResult:
        try:
            self._consume(self._events())
        except _Abandon:
            return LoadResult(self.path, None, self.problems.found)
        except yaml.MarkedYAMLError as error:
            self.problems.add(self._syntax_problem(error))
            return LoadResult(self.path, None, self.problems.found)
        except yaml.reader.ReaderError as error:
            self.problems.add(self._reader_problem(error))
            return LoadResult(self.path, None, self.problems.found)
        except yaml.YAMLError as error:
            summary = str(error).splitlines()[0] if str(error) else "the YAML cannot be read"
            self._problem(START, "syntax", f"YAML syntax error: {brief(summary)}")
            return LoadResult(self.path, None, self.problems.found)
        finally:
            self.loader.dispose()
        return self._result()

    def _events(self) -> Iterator[Event]:
        while self.loader.check_event():
            yield self.loader.get_event()  # type: ignore[no-untyped-call]

    def _consume(self, events: Iterator[Event]) -> None:
        skip_depth = 0
        skip_next = False
        for event in events:
            if skip_depth:
                if isinstance(event, CollectionStartEvent):
                    skip_depth += 1
                elif isinstance(event, CollectionEndEvent):
                    skip_depth -= 1
                continue
            if isinstance(event, NodeEvent):
                if skip_next:
                    skip_next = False
                    skip_depth = 1 if isinstance(event, CollectionStartEvent) else 0
                    continue
                frame = self.stack[-1] if self.stack else None
                if isinstance(frame, _MappingFrame) and frame.key is None:
                    if not self._accept_key(frame, event):
                        skip_next = True
                        if isinstance(event, CollectionStartEvent):
                            skip_depth = 1
                    continue
                self._add_value(event, frame)
            elif isinstance(event, CollectionEndEvent):
                self.stack.pop()
            elif isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self._problem(
                        _position(event),
                        "multiple-documents",
                        "a second YAML document starts here; a content file holds exactly one "
                        "record: remove the '---' line and what follows, or move it to a file "
                        "of its own",
                    )
                    return

    def _problem(
        self,
        position: Position,
        rule: str,
        message: str,
        location: JsonPath = (),
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.add(
            Problem(self.path, position.line, position.column, severity, rule, message, location)
        )

    def _check_anchor_and_tag(self, event: NodeEvent, location: JsonPath) -> None:
        if event.anchor is not None:
            self._problem(
                _position(event),
                "anchor",
                f"anchors ('&{brief(event.anchor or '')}') are not allowed in content; "
                "remove it and write each value out in full",
                location,
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            self._problem(
                _position(event),
                "tag",
                f"tags ('{brief(_show_tag(tag))}') are not allowed in content; remove the tag and "
                "write the plain value",
                location,
            )
            self.source_map.reported.add(location)

    def _accept_key(self, frame: _MappingFrame, event: NodeEvent) -> bool:
        """Take ``event`` as the next key of ``frame``; False when the entry is to be skipped."""
        position = _position(event)
        if isinstance(event, AliasEvent):
            self._problem(
                position,
                "alias",
                f"aliases ('*{brief(event.anchor or '')}') are not allowed in content; "
                "write the key out",
                frame.location,
            )
            return False
        if not isinstance(event, ScalarEvent):
            self._problem(
                position,
                "complex-key",
                "a key must be a single word or phrase, not a list or a mapping; "
                "write it as plain text, such as 'name'",
                frame.location,
            )
            return False
        key = event.value
        if len(key) > MAX_KEY_CHARS:
            self._problem(
                position,
                "text-too-long",
                f"this key is {len(key):,} characters long; keys are short names such as "
                f"'answer', at most {MAX_KEY_CHARS} characters",
                frame.location,
            )
            return False
        location = (*frame.location, key)
        self._check_anchor_and_tag(event, location)
        if event.tag is None and event.implicit[0]:
            tag = self._resolve(key)
            if tag == _MERGE:
                self._problem(
                    position,
                    "merge-key",
                    "merge keys ('<<') are not allowed in content; write the keys out in full",
                    frame.location,
                )
                return False
            if tag != _STR:
                self._problem(
                    position,
                    "implicit-type",
                    f"YAML reads the key {key or '(nothing)'} as {_IMPLICIT_KINDS.get(tag, tag)}, "
                    f'but keys must be text; put it in quotes: "{key}"',
                    location,
                )
                self.source_map.reported.add(location)
        first_line = frame.key_lines.get(key)
        if first_line is not None:
            self._problem(
                position,
                "duplicate-key",
                f"the key '{key}' appears twice in this mapping, on line {first_line} and on "
                f"line {position.line}; remove one of them",
                location,
            )
            return False
        frame.key = key
        frame.key_lines[key] = position.line
        self.source_map.keys[location] = position
        return True

    def _add_value(self, event: NodeEvent, frame: _Frame | None) -> None:
        if isinstance(frame, _MappingFrame):
            assert frame.key is not None
            location: JsonPath = (*frame.location, frame.key)
        elif isinstance(frame, _SequenceFrame):
            location = (*frame.location, len(frame.value))
        else:
            location = ()
        position = _position(event)
        self.values += 1
        self._within_limit(
            self.values > MAX_VALUES,
            position,
            location,
            "too-many-values",
            f"the file holds more than {MAX_VALUES:,} values here, far more than an advising "
            "record holds (a few hundred)",
        )
        self.source_map.values[location] = position
        value = self._value_of(event, position, location)
        if isinstance(frame, _MappingFrame):
            assert frame.key is not None
            frame.value[frame.key] = value
            frame.key = None
        elif isinstance(frame, _SequenceFrame):
            frame.value.append(value)
        else:
            self.root = value
        self._within_limit(
            frame is not None and len(frame.value) > MAX_ENTRIES,
            position,
            location,
            "too-many-entries",
            f"this list or mapping has more than {MAX_ENTRIES} entries, far more than an "
            "advising record holds",
        )
        if isinstance(value, dict | list):
            self._within_limit(
                len(self.stack) >= MAX_DEPTH,
                position,
                location,
                "too-deep",
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep here, far "
                "deeper than an advising record goes",
            )
            frame_type = _MappingFrame if isinstance(value, dict) else _SequenceFrame
            self.stack.append(frame_type(location, value))  # type: ignore[arg-type]

    def _within_limit(
        self, exceeded: bool, position: Position, location: JsonPath, rule: str, message: str
    ) -> None:
        """Stop reading the file, with a problem, when a limit is ``exceeded``."""
        if exceeded:
            self._problem(position, rule, message + "; the file is not read further", location)
            raise _Abandon

    def _value_of(self, event: NodeEvent, position: Position, location: JsonPath) -> Any:
        if isinstance(event, AliasEvent):
            self._problem(
                position,
                "alias",
                f"aliases ('*{brief(event.anchor or '')}') are not allowed in content; "
                "write the value out in full here",
                location,
            )
            self.source_map.reported.add(location)
            return None
        self._check_anchor_and_tag(event, location)
        if isinstance(event, ScalarEvent):
            return self._scalar(event, location)
        return {} if isinstance(event, MappingStartEvent) else []

    def _resolve(self, plain: str) -> str:
        """The tag YAML gives an unquoted value, such as bool for 'no'."""
        return _resolve_plain(plain)

    def _scalar(self, event: ScalarEvent, location: JsonPath) -> Any:
        if len(event.value) > MAX_TEXT_CHARS:
            self._problem(
                _position(event),
                "text-too-long",
                f"this text is {len(event.value):,} characters long; text in a record may be "
                f"at most {MAX_TEXT_CHARS:,} characters: shorten it",
                location,
            )
            self.source_map.reported.add(location)
        if not event.style:  # plain: libyaml gives '', PyYAML None
            self._check_comment_after(event, location)
        if event.tag is not None or not event.implicit[0]:
            return event.value
        tag = self._resolve(event.value)
        kind = _IMPLICIT_KINDS.get(tag)
        if kind is None:
            return event.value
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            value = SafeConstructor.yaml_constructors[tag](self.loader, node)
        except ValueError:
            # An impossible date such as 2025-13-45: YAML would refuse it; keep the text.
            value = event.value
        self.source_map.implicit[location] = ImplicitScalar(event.value, kind, value)
        return value

    def _check_comment_after(self, event: ScalarEvent, location: JsonPath) -> None:
        """An unquoted value ends at ' #': the rest of its line is a comment, lost to the value."""
        end = event.end_mark
        if end is None:
            return
        line_end = self.text.find("\n", end.index)
        rest = self.text[end.index : line_end if line_end >= 0 else len(self.text)]
        comment = _COMMENT_AFTER.match(rest)
        if comment is None:
            return
        self._problem(
            Position(end.line + 1, end.column + comment.end()),
            "inline-comment",
            f"{field_name(location)} ends before ' #', which starts a YAML comment, so "
            f"{quoted(rest[comment.end() - 1 :].rstrip(), 40)} is not part of it; if that text "
            "belongs to the value, put the whole value in quotes",
            location,
            Severity.WARNING,
        )

    def _result(self) -> LoadResult:
        if self.root is _NO_ROOT or self.root is None:
            self._problem(
                START,
                "empty-file",
                "the file is empty; a content file holds one record, starting with 'id:'",
            )
            return LoadResult(self.path, None, self.problems.found)
        if not isinstance(self.root, dict):
            kind = "a list" if isinstance(self.root, list) else "a single value"
            self._problem(
                self.source_map.value_at(()),
                "not-a-mapping",
                f"the file holds {kind}, but a content file holds one record: keys and values "
                "such as 'id: med-peds'",
            )
            return LoadResult(self.path, None, self.problems.found)
        return LoadResult(
            self.path, LoadedDocument(self.path, self.root, self.source_map), self.problems.found
        )

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> Problem:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark is not None else START
        problem = (error.problem or "the YAML cannot be read").rstrip(".")
        return Problem(
            self.path,
            position.line,
            position.column,
            Severity.ERROR,
            "syntax",
            f"YAML syntax error: {problem}{self._syntax_hint(problem, mark)}",
        )

    def _syntax_hint(self, problem: str, mark: yaml.Mark | None) -> str:
        character = ""
        if mark is not None and 0 <= mark.index < len(self.text):
            character = self.text[mark.index]
        if "exceeded maximum nesting depth" in problem:
            return "; lists and mappings are nested far deeper than an advising record goes"
        if "cannot start any token" in problem:
            if character == "\t":
                return "; YAML does not allow tabs for indentation: indent with spaces"
            if character in "@`":
                return f"; a value cannot begin with '{character}': put the value in quotes"
            return "; put the value in quotes"
        if "mapping values are not allowed" in problem:
            return (
                "; a ': ' (colon and space) inside a value needs quotes: put the whole value "
                "in quotes"
            )
        if "did not find expected key" in problem or "expected <block end>" in problem:
            return "; check the indentation of this line against the lines above it"
        if "could not find expected ':'" in problem:
            return "; a line is missing the ':' after its key, or a quote is not closed"
        if "found unexpected end of stream" in problem:
            return "; a quoted value is not closed"
        if "did not find expected '-' indicator" in problem:
            return "; a list item is indented differently from the items before it"
        return ""

    def _reader_problem(self, error: yaml.reader.ReaderError) -> Problem:
        # libyaml gives the position in bytes, PyYAML in characters: find the character itself.
        code = error.character if isinstance(error.character, int) else ord(str(error.character))
        index = max(self.text.find(chr(code)), 0)
        line = self.text.count("\n", 0, index) + 1
        column = index - (self.text.rfind("\n", 0, index) + 1) + 1
        character = f"U+{code:04X}"
        return Problem(
            self.path,
            line,
            column,
            Severity.ERROR,
            "syntax",
            f"the file contains the control character {character}, which YAML does not "
            "allow; remove it",
        )
