"""What ``fix`` tells an editor: the mends of a file, what is left, and the diff of a file."""

from __future__ import annotations

import difflib
from collections import Counter

from advising_content.display import shown, shown_path
from advising_content.file_problems import SHOWN_PER_FILE
from advising_content.mending import FIX_HINT
from advising_content.mending.changes import Mend
from advising_content.mending.files import FileOutcome, Status
from advising_content.wording import plural

_MENDS = {
    Mend.SPACE: (
        "non-breaking space replaced with an ordinary space",
        "non-breaking spaces replaced with ordinary spaces",
    ),
    Mend.ZERO_WIDTH: (
        "invisible zero-width character removed",
        "invisible zero-width characters removed",
    ),
    Mend.TRIM: (
        "text with spaces or line breaks removed from its start or end",
        "texts with spaces or line breaks removed from their start or end",
    ),
    Mend.QUOTE: (
        "value put in quotes, so that it is read as text",
        "values put in quotes, so that they are read as text",
    ),
    Mend.TAB: (
        "line indented with spaces instead of tabs",
        "lines indented with spaces instead of tabs",
    ),
}


def told(outcome: FileOutcome, *, diff: bool) -> list[str]:
    """The lines that tell what was done to a file (or, with ``diff``, what would be)."""
    lines = []
    if outcome.status is Status.MENDED:
        verb = "Would mend" if diff else "Mended"
        lines.append(f"{verb} {shown(outcome.path)}: {mends_told(outcome.counts)}.")
        if diff:
            lines += diff_lines(outcome.path, outcome.before, outcome.after)
    if outcome.note is not None:
        note = outcome.note
        lines.append(
            f"{_place(outcome.path, note.line, note.column)} not mended: "
            + shown(note.message.removesuffix(FIX_HINT))
        )
    lines += [
        f"{_place(p.path, p.line, p.column)} mend by hand: "
        f"{shown(p.message.removesuffix(FIX_HINT))} ({p.rule})"
        for p in outcome.leftovers[:SHOWN_PER_FILE]
    ]
    unshown = len(outcome.leftovers) - SHOWN_PER_FILE
    if unshown > 0:
        lines.append(f"{shown(outcome.path)}: {plural(unshown, 'more problem')} to mend by hand")
    return lines


def not_searched(path: str, line: int, column: int, message: str) -> str:
    """A file or folder that could not be searched or read."""
    return f"{_place(path, line, column)} not mended: {shown(message)}"


def mends_told(counts: Counter[Mend]) -> str:
    """'2 non-breaking spaces replaced with ordinary spaces, 1 value put in quotes, …'."""
    return ", ".join(
        f"{counts[kind]:,} {_MENDS[kind][counts[kind] != 1]}" for kind in Mend if counts[kind]
    )


def summary(statuses: Counter[Status], by_hand: int, *, diff: bool) -> str:
    done = "to mend" if diff else "mended"
    text = (
        f"Checked {plural(sum(statuses.values()), 'file')}: {statuses[Status.MENDED]:,} {done}, "
        f"{statuses[Status.UNCHANGED]:,} with nothing to mend, "
        f"{statuses[Status.REFUSED]:,} not mended"
    )
    if by_hand:
        text += f"; {plural(by_hand, 'problem')} to mend by hand"
    return text + "."


def diff_lines(path: str, before: str, after: str) -> list[str]:
    """A unified diff of the change, each line shown as the validator shows text: invisible
    and special characters as escapes (a non-breaking space as \\xa0, a tab as \\t)."""
    return list(
        difflib.unified_diff(
            _lines(before),
            _lines(after),
            shown_path(path),
            f"{shown_path(path)} (mended)",
            lineterm="",
        )
    )


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [shown(line.removesuffix("\r")) for line in lines]


def _place(path: str, line: int, column: int) -> str:
    return f"{shown_path(path)}:{line}:{column}:"
