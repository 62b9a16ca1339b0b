"""How messages echo values from content: briefly, so that no value can flood the output."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from advising_content.problems import JsonPath

# The most characters of a value that a message repeats.
ECHO_CHARS = 60


def plural(count: int, noun: str) -> str:
    """'1 file', '2 files', '1,234 files'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def few(names: list[str], shown: int = 5) -> str:
    """The first names, then how many more: 'a, b, c, d, e and 12 more'."""
    listed = ", ".join(names[:shown])
    return listed + (f" and {len(names) - shown:,} more" if len(names) > shown else "")


def brief(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with '…' when it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` in single quotes, as messages name a key, an id or a word: ``'med-peds'``.

    The text is kept as it is written, line breaks included (the reports escape them as
    keys' are), and cut to ``limit`` characters with '…' when it is longer.
    """
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def show(value: Any, limit: int = ECHO_CHARS) -> str:
    """A value as an editor would write it, short enough for one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return quoted(value, limit)
    return brief(str(value), limit)


def field_name(location: JsonPath) -> str:
    """The value at ``location`` as a message names it: ``'answer'``, ``item 2 of 'degrees'``."""
    if not location:
        return "the record"
    last = location[-1]
    if isinstance(last, int):
        parent = location[-2] if len(location) > 1 else "list"
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


def closest(word: str, options: Sequence[str]) -> str | None:
    """The option an editor most likely meant by ``word``: one that differs only in case, '-',
    '_' or spaces; the only one that begins with it (three letters or more, such as 'Dec' for
    'december'); or the closest spelling. None when nothing is close."""
    folded = {_fold(option): option for option in options}
    key = _fold(word)
    if key in folded:
        return folded[key]
    beginning = [
        option for text, option in folded.items() if len(key) >= 3 and text.startswith(key)
    ]
    if len(beginning) == 1:
        return beginning[0]
    import difflib  # loaded for a suggestion alone

    matches = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None


def _fold(text: str) -> str:
    return text.lower().replace("-", "_").replace(" ", "_")


# The most options a message lists.
LISTED = 12


def choices(word: str, options: Sequence[str], what: str) -> str:
    """'did you mean 'x'?', or, when nothing is close, 'WHAT are: 'a', 'b', …'."""
    match = closest(word, options)
    if match is not None:
        return f"did you mean {quoted(match)}?"
    listed = ", ".join(quoted(option) for option in options[:LISTED])
    return f"{what} are: {listed}" + (", …" if len(options) > LISTED else "")
