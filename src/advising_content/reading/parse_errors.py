"""What the YAML parser's complaints mean in an advising record, said so an editor can act.

libyaml words its errors for YAML's authors ("mapping values are not allowed in this context");
each is shown with a hint in the editor's terms, from the table below.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from advising_content.mending import FIX_HINT
from advising_content.problems import Problem, Severity
from advising_content.reading.syntax_context import indentation_hint, unclosed_quote
from advising_content.rules import rule
from advising_content.source_map import START, Position
from advising_content.wording import brief

SYNTAX = rule("syntax", Severity.ERROR, "YAML syntax error, such as a tab used for indentation")


def _cannot_start_a_token(character: str) -> str:
    if character == "\t":
        return "YAML does not allow tabs for indentation: indent with spaces" + FIX_HINT
    if character in ("@", "`"):
        return f"a value cannot begin with '{character}': put the value in quotes"
    return "put the value in quotes"


# Words of libyaml's complaint, and its hint (or how to find it from the character at which
# the parser stopped).
_HINTS: tuple[tuple[str, str | Callable[[str], str]], ...] = (
    (
        "exceeded maximum nesting depth",
        "lists and mappings are nested far deeper than an advising record goes",
    ),
    ("cannot start any token", _cannot_start_a_token),
    (
        "mapping values are not allowed",
        "a ': ' (colon and space) inside a value needs quotes: put the whole value in quotes",
    ),
    ("did not find expected key", "check the indentation of this line against the lines above it"),
    (
        "could not find expected ':'",
        "a line is missing the ':' after its key, or a quote is not closed",
    ),
    ("found unexpected end of stream", "a quoted value is not closed"),
    (
        "did not find expected '-' indicator",
        "a list item is indented differently from the items before it",
    ),
)


def _hint(complaint: str, character: str) -> str:
    for words, hint in _HINTS:
        if words in complaint:
            return hint(character) if callable(hint) else hint
    return ""


def syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """The parser's error, at its place, with a hint; a quote left open, where it opens."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return SYNTAX.at(path, START, f"YAML syntax error: {_complaint(error)}")
    opened = _open_quote(path, text, error, mark.line)
    if opened is not None:
        return opened
    character = text[mark.index] if 0 <= mark.index < len(text) else ""
    complaint = _complaint(error)
    hint = indentation_hint(text, mark.line) if _about_indentation(complaint) else None
    if hint is None:
        hint = _hint(complaint, character)
    if "expected comment or line break" in complaint:
        hint = _text_after_indicator(text[text.rfind("\n", 0, mark.index) + 1 : mark.index])
    message = f"YAML syntax error: {complaint}" + (f"; {hint}" if hint else "")
    return SYNTAX.at(path, Position(mark.line + 1, mark.column + 1), message)


def _complaint(error: yaml.MarkedYAMLError) -> str:
    return (error.problem or "the YAML cannot be read").rstrip(".")


def _about_indentation(complaint: str) -> bool:
    return any(
        words in complaint
        for words in (
            "mapping values are not allowed",
            "did not find expected key",
            "did not find expected '-' indicator",
        )
    )


def _open_quote(path: str, text: str, error: yaml.MarkedYAMLError, line: int) -> Problem | None:
    """A quoted value never closed: reported where it opens, which is where to mend it."""
    context = error.context_mark
    if error.context == "while scanning a quoted scalar" and context is not None:
        quote = text[context.index] if context.index < len(text) else '"'
        return SYNTAX.at(
            path,
            Position(context.line + 1, context.column + 1),
            f"YAML syntax error: the quoted value that begins here with {quote} is never "
            f"closed; end it with {quote} where the value ends",
        )
    found = unclosed_quote(text, line)
    if found is None:
        return None
    return SYNTAX.at(
        path,
        found.opened,
        f"YAML syntax error: the quoted value that begins here with {found.mark} is not closed "
        f"on its line, so the lines after it up to the next {found.mark} (line "
        f"{found.closed_line}) are read as part of it; end it with {found.mark} where the "
        "value ends",
    )


def _text_after_indicator(before: str) -> str:
    """The hint for text on the line of a block indicator, such as 'answer: >- Not needed.'."""
    block = re.search(r"([>|][-+1-9]{0,2})\s*$", before)
    if block is None:
        return ""
    return (
        f"'{block.group(1)}' begins a block of text that is written on the lines below it, "
        "indented under the key: move the text to the next line"
    )


def reader_problem(path: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow, at its place."""
    # libyaml gives the position in bytes, PyYAML in characters: find the character itself.
    code = error.character if isinstance(error.character, int) else ord(str(error.character))
    index = max(text.find(chr(code)), 0)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return SYNTAX.at(
        path,
        Position(line, column),
        f"the file contains the control character U+{code:04X}, which YAML does not allow; "
        "remove it",
    )


def other_problem(path: str, error: yaml.YAMLError) -> Problem:
    """A parser error without a place."""
    summary = str(error).splitlines()[0] if str(error) else "the YAML cannot be read"
    return SYNTAX.at(path, START, f"YAML syntax error: {brief(summary)}")
