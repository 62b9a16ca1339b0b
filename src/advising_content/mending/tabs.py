"""Tabs used for indentation, which YAML does not allow: each tab at the start of a line is
replaced by spaces, up to the next multiple of the file's own indentation step (else 2).

Only a file that does not parse is mended, and only where the result parses; a tab inside a
block of text, which may be part of the text, is replaced only where the parser stops at it.
Where the file would read differently with a tab as wide as 2, 4 or 8 spaces, how far a tab
indents is the editor's to say: the file is not mended.
"""

from __future__ import annotations

import re

import yaml

from advising_content.mending.changes import Note
from advising_content.mending.edits import Edit, line_starts, placed_before, position_at, spliced
from advising_content.mending.scalars import Parsed, Signature, SyntaxFailure, parsed

_LEADING = re.compile(r"[ \t]*")
_SPACE_INDENTED = re.compile(r"^( +)[^ \t\r\n#]", re.MULTILINE)
# The most times the parser is asked where it stops, one tab-indented line at a time.
_STEPS = 200
AMBIGUOUS = (
    "this line is indented with a tab, and the file reads differently depending on how many "
    "spaces a tab is; indent the lines that begin with tabs with spaces"
)

Runs = dict[int, Edit]  # by 0-based line: its leading blanks, as spaces


def mended_tabs(text: str) -> list[Edit] | Note | None:
    """The edits that indent with spaces instead of tabs; a note when they do not make the
    file parse, or make it read differently by tab width; None when no line begins with a tab,
    or when what stops the parser is no place of the file."""
    widths = _widths(text)
    if not _runs(text, widths[0]):
        return None
    found: list[tuple[list[Edit], list[Signature]]] = []
    for width in widths:
        edits = _tried(text, _runs(text, width))
        if edits is not None:
            found.append((edits, parsed(spliced(text, edits)).signatures))
    if not found:
        return _still_failing(text, _runs(text, widths[0]))
    if any(signatures != found[0][1] for _, signatures in found):
        return Note(min(_runs(text, widths[0])) + 1, 1, AMBIGUOUS)
    return found[0][0]


def _widths(text: str) -> list[int]:
    """The file's own indentation step first, then the usual widths of a tab."""
    indents = [len(found.group(1)) for found in _SPACE_INDENTED.finditer(text)]
    return list(dict.fromkeys([min(indents, default=2), 2, 4, 8]))


def _runs(text: str, width: int) -> Runs:
    """The blanks that begin each line holding a tab among them, as spaces."""
    runs = {}
    for line, start in enumerate(line_starts(text)):
        blanks = _LEADING.match(text, start)
        if blanks is not None and "\t" in blanks.group():
            column = 0
            for character in blanks.group():
                column = column + 1 if character == " " else (column // width + 1) * width
            runs[line] = Edit(start, blanks.end(), " " * column)
    return runs


def _tried(text: str, runs: Runs) -> list[Edit] | None:
    """Replace every tab-indented line at once, when that parses and changes no block of text;
    else the lines outside blocks, then each line where the parser stops."""
    try:
        after = parsed(spliced(text, runs.values()))
    except SyntaxFailure:
        return _line_by_line(text, runs, {})
    inside = _in_blocks(spliced(text, runs.values()), after)
    if not inside & set(runs):
        return list(runs.values())
    return _line_by_line(text, runs, {line: runs[line] for line in runs if line not in inside})


def _in_blocks(text: str, after: Parsed) -> set[int]:
    """The 0-based lines of the blocks of text (``|``, ``>``), their indicator lines aside."""
    starts = line_starts(text)
    lines: set[int] = set()
    for scalar in after.scalars:
        if scalar.style in ("|", ">"):
            end_line, end_column = position_at(starts, scalar.end)
            last = end_line - 1 if end_column == 1 else end_line
            lines.update(range(scalar.line, last))
    return lines


def _line_by_line(text: str, runs: Runs, chosen: Runs) -> list[Edit] | None:
    """Replace the tabs of the line where the parser stops (or the nearest line above it that
    begins with tabs), until the text parses."""
    chosen = dict(chosen)
    for _ in range(_STEPS):
        try:
            parsed(spliced(text, chosen.values()))
        except SyntaxFailure as failure:
            candidates = [
                line
                for line in runs
                if line not in chosen and failure.line is not None and line <= failure.line
            ]
            if not candidates:
                return None
            chosen[max(candidates)] = runs[max(candidates)]
            continue
        return list(chosen.values())
    return None


def _still_failing(text: str, runs: Runs) -> Note | None:
    """Why the file cannot be mended: the syntax error left once every tab is replaced, placed
    in the file as it is; None when there is none to place."""
    from advising_content.reading.parse_errors import syntax_problem

    mended = spliced(text, runs.values())
    try:
        parsed(mended)
    except SyntaxFailure as failure:
        if not isinstance(failure.error, yaml.MarkedYAMLError):
            return None
        problem = syntax_problem("", mended, failure.error)
        where = placed_before(text, mended, [runs.values()], problem.line, problem.column)
        return Note(*where, problem.message)
    return None
