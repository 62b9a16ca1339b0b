"""A place in a record named as its editor sees it: "the 2nd question under 'M1 and M2 Students'",
"advisor 'cheryl-lee'", "'name' of the 1st contact" — not ``question_groups[0].questions[1]``.

The JSON report keeps the exact place as a JSON pointer; these names are for people.
"""

from __future__ import annotations

from typing import Any

from advising_content.problems import JsonPath
from advising_content.rendering import ordinal

# The entries of these lists, by the key that holds them, and the word for one of them.
_ENTRY_WORDS = {
    "question_groups": "question group",
    "sections": "section",
    "advisor_groups": "advisor group",
    "advisors": "advisor",
    "sessions": "session",
    "contacts": "contact",
    "links": "link",
}
_BY_HEADING = ("question_groups", "sections")


def _at(data: Any, location: JsonPath) -> Any:
    for part in location:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _named(entry: Any, *keys: str) -> str | None:
    if not isinstance(entry, dict):
        return None
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value.strip() and "\n" not in value:
            return f"'{value.strip()}'"
    return None


def _entry(data: Any, location: JsonPath, by_position: bool) -> str | None:
    """The name of the list entry at ``location``, when it is one a record has names for."""
    *parent, index = location
    if not isinstance(index, int):
        return None
    if len(parent) == 1 and parent[0] in _ENTRY_WORDS:
        word = _ENTRY_WORDS[str(parent[0])]
        keys = ("heading", "id") if parent[0] in _BY_HEADING else ("id", "label", "heading")
        found = None if by_position else _named(_at(data, location), *keys)
        return f"{word} {found}" if found else f"the {ordinal(index + 1)} {word}"
    if len(parent) == 3 and parent[0] == "question_groups" and parent[2] == "questions":
        group_index = parent[1]
        if isinstance(group_index, int):
            group = _at(data, ("question_groups", group_index))
            heading = None if by_position else _named(group, "heading")
            group_id = None if by_position else _named(group, "id")
            under = heading or (f"the group {group_id}" if group_id else None)
            under = under or f"the {ordinal(group_index + 1)} question group"
            return f"the {ordinal(index + 1)} question under {under}"
    return None


def entry_name(location: JsonPath, data: Any, *, by_position: bool = False) -> str:
    """The place at ``location`` of the record ``data``, in an editor's words.

    ``by_position`` names list entries by their place only ("the 1st advisor"), for messages
    where the entry's own id is what is in question.
    """
    if not location:
        return "the record"
    keys: list[str] = []
    rest = list(location)
    while rest and isinstance(rest[-1], str):
        keys.insert(0, str(rest.pop()))
    if keys:
        field = "'" + ".".join(keys) + "'"
        return (
            f"{field} of {entry_name(tuple(rest), data, by_position=by_position)}"
            if rest
            else field
        )
    named = _entry(data, location, by_position)
    if named is not None:
        return named
    index = location[-1]
    number = index + 1 if isinstance(index, int) else index
    return f"item {number} of {entry_name(location[:-1], data, by_position=by_position)}"
