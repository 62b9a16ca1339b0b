"""Edits of a text as spans of its characters, spliced into it; and places in the edited text
traced back to the text as it was."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# What YAML (and so the parser's line numbers) counts as a line break.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
BREAK_CHARACTERS = "\r\n\x85\u2028\u2029"


@dataclass(frozen=True, order=True)
class Edit:
    """Put ``text`` in place of the characters from ``start`` up to ``end``."""

    start: int
    end: int
    text: str


class Overlap(ValueError):
    """Two edits change the same characters."""


def spliced(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` made; they must not overlap."""
    parts: list[str] = []
    at = 0
    for edit in sorted(edits):
        if edit.start < at:
            raise Overlap(edit)
        parts += [text[at : edit.start], edit.text]
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)


def index_before(edits: Iterable[Edit], index: int) -> int:
    """Where the character at ``index`` of the edited text was before ``edits``; a character
    that an edit put in is traced to the start of what the edit replaced."""
    shift = 0
    for edit in sorted(edits):
        start = edit.start + shift
        if index < start:
            break
        if index < start + len(edit.text):
            return edit.start
        shift += len(edit.text) - (edit.end - edit.start)
    return index - shift


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts."""
    return [0] + [found.end() for found in LINE_BREAK.finditer(text)]


def index_at(starts: Sequence[int], line: int, column: int) -> int:
    """The index of the 1-based ``line`` and ``column``."""
    return starts[min(max(line, 1), len(starts)) - 1] + column - 1


def position_at(starts: Sequence[int], index: int) -> tuple[int, int]:
    """The 1-based line and column of ``index``."""
    line = bisect_right(starts, index)
    return line, index - starts[line - 1] + 1


def placed_before(
    before: str, after: str, stages: Sequence[Iterable[Edit]], line: int, column: int
) -> tuple[int, int]:
    """Where the character at ``line`` and ``column`` of ``after`` is in ``before``, the text
    that the ``stages`` of edits, made in turn, made ``after`` of."""
    index = index_at(line_starts(after), line, column)
    for edits in reversed(stages):
        index = index_before(edits, index)
    return position_at(line_starts(before), index)
