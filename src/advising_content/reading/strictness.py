"""The rules that refuse what content has no use for, each checked on the parser's events.

Anchors, aliases, tags and merge keys are how YAML is abused (alias bombs, object construction);
a key must be plain, short text written once; values have limits. The builder runs these checks:
those in ``KEY_CHECKS`` on each key (the first to refuse it skips the entry), ``NODE_CHECKS`` on
each value that is not an alias, and ``SCALAR_CHECKS`` on each text (the limits on the number and
nesting of values are in ``limit_checks``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from yaml.events import AliasEvent, NodeEvent, ScalarEvent

from advising_content.limits import MAX_KEY_CHARS, MAX_TEXT_CHARS
from advising_content.problems import JsonPath, Severity
from advising_content.reading.context import Reading, position_of
from advising_content.reading.implicit import CORE, IMPLICIT_TYPE, KINDS, MERGE, STR, resolve
from advising_content.rules import rule
from advising_content.source_map import Position
from advising_content.wording import brief, field_name, quoted

DUPLICATE_KEY = rule(
    "duplicate-key", Severity.ERROR, "a key appears twice in one mapping; both lines are named"
)
COMPLEX_KEY = rule(
    "complex-key", Severity.ERROR, "a key is a list or a mapping rather than plain text"
)
ANCHOR = rule("anchor", Severity.ERROR, "a YAML anchor (`&name`); content must write values out")
ALIAS = rule("alias", Severity.ERROR, "a YAML alias (`*name`); content must write values out")
MERGE_KEY = rule("merge-key", Severity.ERROR, "a YAML merge key (`<<`)")
TAG = rule(
    "tag", Severity.ERROR, "a YAML tag such as `!!python/object`; tags are never constructed"
)
TEXT_TOO_LONG = rule(
    "text-too-long",
    Severity.ERROR,
    f"text over {MAX_TEXT_CHARS:,} characters, or a key over {MAX_KEY_CHARS}",
)
INLINE_COMMENT = rule(
    "inline-comment",
    Severity.WARNING,
    "` #` after an unquoted value, which starts a comment: the rest of the line is lost",
)

# What follows an unquoted value on its line when the line ends in a comment.
_COMMENT_AFTER = re.compile(r"[ \t]+#")


KeyCheck = Callable[[Reading, NodeEvent, JsonPath, Mapping[str, int]], bool]


def alias_key(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    if isinstance(event, AliasEvent):
        reading.report(
            ALIAS,
            position_of(event),
            f"aliases ('*{brief(event.anchor or '')}') are not allowed in content; "
            "write the key out",
            mapping,
        )
        return False
    return True


def complex_key(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    if not isinstance(event, ScalarEvent):
        reading.report(
            COMPLEX_KEY,
            position_of(event),
            "a key must be a single word or phrase, not a list or a mapping; "
            "write it as plain text, such as 'name'",
            mapping,
        )
        return False
    return True


def long_key(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    key = str(getattr(event, "value", ""))
    if len(key) > MAX_KEY_CHARS:
        reading.report(
            TEXT_TOO_LONG,
            position_of(event),
            f"this key is {len(key):,} characters long; keys are short names such as "
            f"'answer', at most {MAX_KEY_CHARS} characters",
            mapping,
        )
        return False
    return True


def key_anchor_and_tag(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    for check in NODE_CHECKS:
        check(reading, event, (*mapping, str(getattr(event, "value", ""))))
    return True


def merge_key(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    if _implicit_tag(event) == MERGE:
        reading.report(
            MERGE_KEY,
            position_of(event),
            "merge keys ('<<') are not allowed in content; write the keys out in full",
            mapping,
        )
        return False
    return True


def implicit_key(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    tag = _implicit_tag(event)
    if tag not in (None, STR):
        key = str(getattr(event, "value", ""))
        location = (*mapping, key)
        reading.report(
            IMPLICIT_TYPE,
            position_of(event),
            f"YAML reads the key {key or '(nothing)'} as {KINDS.get(tag, tag)}, "
            f'but keys must be text; put it in quotes: "{key}"',
            location,
        )
        reading.source_map.reported.add(location)
    return True


def duplicate_key(
    reading: Reading, event: NodeEvent, mapping: JsonPath, seen: Mapping[str, int]
) -> bool:
    key = str(getattr(event, "value", ""))
    first_line = seen.get(key)
    if first_line is not None:
        position = position_of(event)
        reading.report(
            DUPLICATE_KEY,
            position,
            f"the key '{key}' appears twice in this mapping, on line {first_line} and on "
            f"line {position.line}; remove one of them",
            (*mapping, key),
        )
        return False
    return True


def _implicit_tag(event: NodeEvent) -> str | None:
    """The tag YAML gives an unquoted scalar key, or None for a tagged or quoted one."""
    if not isinstance(event, ScalarEvent) or event.tag is not None or not event.implicit[0]:
        return None
    return resolve(event.value)


def anchor(reading: Reading, event: NodeEvent, location: JsonPath) -> None:
    if event.anchor is not None:
        reading.report(
            ANCHOR,
            position_of(event),
            f"anchors ('&{brief(event.anchor)}') are not allowed in content; "
            "remove it and write each value out in full",
            location,
        )


def tag(reading: Reading, event: NodeEvent, location: JsonPath) -> None:
    written = getattr(event, "tag", None)
    if written is not None:
        shown = "!!" + written[len(CORE) :] if written.startswith(CORE) else written
        reading.report(
            TAG,
            position_of(event),
            f"tags ('{brief(shown)}') are not allowed in content; remove the tag and "
            "write the plain value",
            location,
        )
        reading.source_map.reported.add(location)


def alias_value(reading: Reading, event: AliasEvent, location: JsonPath) -> None:
    """Report an alias where a value belongs; the value is read as empty."""
    reading.report(
        ALIAS,
        position_of(event),
        f"aliases ('*{brief(event.anchor or '')}') are not allowed in content; "
        "write the value out in full here",
        location,
    )
    reading.source_map.reported.add(location)


def long_text(reading: Reading, event: ScalarEvent, location: JsonPath) -> None:
    if len(event.value) > MAX_TEXT_CHARS:
        reading.report(
            TEXT_TOO_LONG,
            position_of(event),
            f"this text is {len(event.value):,} characters long; text in a record may be "
            f"at most {MAX_TEXT_CHARS:,} characters: shorten it",
            location,
        )
        reading.source_map.reported.add(location)


def comment_after(reading: Reading, event: ScalarEvent, location: JsonPath) -> None:
    """An unquoted value ends at ' #': the rest of its line is a comment, lost to the value."""
    found = lost_comment(reading.text, event)
    if found is not None:
        rest, comment = found
        end = event.end_mark
        assert end is not None  # a comment is found only after a value that ends
        reading.report(
            INLINE_COMMENT,
            Position(end.line + 1, end.column + comment.end()),
            f"{field_name(location)} ends before ' #', which starts a YAML comment, so "
            f"{quoted(rest[comment.end() - 1 :].rstrip(), 40)} is not part of it; if that text "
            "belongs to the value, put the whole value in quotes",
            location,
        )


def lost_comment(text: str, event: ScalarEvent) -> tuple[str, re.Match[str]] | None:
    """The rest of the line after the unquoted value of ``event`` in ``text``, and the match of
    the comment it starts with, when the line goes on with a comment; else None."""
    end = event.end_mark
    if event.style or end is None:  # quoted or a block: its text is whole
        return None
    line_end = text.find("\n", end.index)
    rest = text[end.index : line_end if line_end >= 0 else len(text)]
    comment = _COMMENT_AFTER.match(rest)
    return None if comment is None else (rest, comment)


KEY_CHECKS: tuple[KeyCheck, ...] = (
    alias_key,
    complex_key,
    long_key,
    key_anchor_and_tag,
    merge_key,
    implicit_key,
    duplicate_key,
)
NODE_CHECKS: tuple[Callable[[Reading, NodeEvent, JsonPath], None], ...] = (anchor, tag)
SCALAR_CHECKS: tuple[Callable[[Reading, ScalarEvent, JsonPath], None], ...] = (
    long_text,
    comment_after,
)
