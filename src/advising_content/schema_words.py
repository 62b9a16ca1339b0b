"""The schema's terms, and values, in an editor's words: 'a list', 'the number 82.5', and a
field's description as part of a sentence."""

from __future__ import annotations

import datetime
import re
from typing import Any

from advising_content.wording import ECHO_CHARS, show

# The pattern of a text: more than spaces, and no placeholder left (for editors: the
# `placeholder` rule reports those).
NOT_BLANK = "^(?![\\s\\S]*TODO)[\\s\\S]*\\S"

TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys and values",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
FORMAT_WORDS = {"date": "date", "uri": "web address", "email": "email address"}


def sentence(description: str) -> str:
    """A description as part of a sentence: without its full stop, each of its sentences joined
    to the one before by a semicolon, and in lower case where it begins with a plain word."""
    parts = re.split(r"(?<=[.!?])\s+", description.strip().rstrip("."))
    return "; ".join(_lowered(part.rstrip(".")) for part in parts)


def _lowered(text: str) -> str:
    first_word = text.split(" ", 1)[0]
    if first_word.isalpha() and (len(first_word) == 1 or first_word[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def described(schema: Any) -> str:
    """The description a part of the schema gives, as part of a sentence, or ''."""
    if isinstance(schema, dict):
        description = schema.get("description")
        if isinstance(description, str):
            return sentence(description)
    return ""


def kind_of(value: Any) -> str:
    """What a value is: 'the yes/no value true', 'the text 'ES'', 'a list'."""
    if isinstance(value, bool):
        return f"the yes/no value {show(value)}"
    if isinstance(value, int | float):
        return f"the number {show(value)}"
    if isinstance(value, str):
        return f"the text {show(value)}"
    if isinstance(value, datetime.date):
        return f"the date {show(value)}"
    return show(value)


def type_hint(value: Any, expected: list[str]) -> str:
    """How to write ``value`` as one of the ``expected`` types, when there is an easy way."""
    if "array" in expected and isinstance(value, str):
        return (
            f"; write it as a list, such as [{value}]"
            if len(value) < 40
            else "; write it as a list: one '- ' line per item"
        )
    if {"integer", "number"} & set(expected) and isinstance(value, str) and _is_number(value):
        return "; remove the quotes"
    return ""


def as_quoted(text: str) -> str:
    """': "text"', the value as it is to be written, when it is short enough to repeat."""
    return f': "{text}"' if len(text) <= ECHO_CHARS else ""


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
