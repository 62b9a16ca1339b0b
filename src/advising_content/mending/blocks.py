"""Trimming a block of text (``|`` or ``>``): what it ends with, and what special spaces it
begins with; spaces and line breaks at its start are the editor's to judge (they may be the
indentation the block means)."""

from __future__ import annotations

from advising_content.mending.changes import Change, Mend
from advising_content.mending.edits import BREAK_CHARACTERS, LINE_BREAK, Edit
from advising_content.mending.scalars import Scalar
from advising_content.mending.tokens import block_body

_INDICATORS = "+-0123456789"


def leading_change(text: str, scalar: Scalar, lead: int) -> Change | None:
    """Remove the first ``lead`` characters of the block's value, when they are written as
    they are at the start of its first line and none is a space, a tab or a line break."""
    edge = scalar.value[:lead]
    body = block_body(text, scalar)
    if body is None or any(character in " \t" + BREAK_CHARACTERS for character in edge):
        return None
    at = body
    while at < scalar.end and text[at] in " " + BREAK_CHARACTERS:
        at += 1
    if text[at : at + lead] != edge:
        return None
    return Change(Mend.TRIM, (Edit(at, at + lead, ""),), Edit(0, lead, ""))


def trailing_change(text: str, scalar: Scalar, trail: int) -> Change | None:
    """Remove the last ``trail`` characters of the block's value: its final line breaks by
    making the block strip them (``>-``, ``|-``), and what its last line ends with."""
    value = scalar.value
    tail = value[len(value) - trail :]
    ending = tail.rstrip("\n")
    if any(character in BREAK_CHARACTERS for character in ending):
        return None
    edits = []
    if len(ending) < len(tail):
        chomping = _stripping(text, scalar)
        if chomping is None:
            return None
        edits.append(chomping)
    if ending:
        line_end = _last_line_end(text, scalar)
        if line_end is None or not text.endswith(ending, 0, line_end):
            return None
        edits.append(Edit(line_end - len(ending), line_end, ""))
    return Change(Mend.TRIM, tuple(edits), Edit(len(value) - trail, len(value), ""))


def _stripping(text: str, scalar: Scalar) -> Edit | None:
    """The edit that makes the block strip its final line breaks: '-' in place of '+', or
    after the indicator; None when it already strips them."""
    at = scalar.start + 1
    indicators = ""
    while at < scalar.end and len(indicators) < 2 and text[at] in _INDICATORS:
        indicators += text[at]
        at += 1
    if "-" in indicators:
        return None
    if "+" in indicators:
        keep = scalar.start + 1 + indicators.index("+")
        return Edit(keep, keep + 1, "-")
    return Edit(scalar.start + 1, scalar.start + 1, "-")


def _last_line_end(text: str, scalar: Scalar) -> int | None:
    """Where the last line of the block that holds more than spaces ends."""
    body = block_body(text, scalar)
    if body is None:
        return None
    last = None
    line_start = body
    for found in LINE_BREAK.finditer(text, body, scalar.end):
        if text[line_start : found.start()].strip(" "):
            last = found.start()
        line_start = found.end()
    if text[line_start : scalar.end].strip(" "):
        last = scalar.end
    return last
