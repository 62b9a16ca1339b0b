"""The blocks of a record in the order its page shows them: ``page_order`` when the record
gives it, else the order of the schema (quote, description, question groups, sections,
sessions, links, advisors, contacts).

A question group is a block followed by its questions; when ``page_order`` lists some of a
group's questions by key, those questions sit where it lists them instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

# The kinds of block, by the record's collections, in the order of the schema.
COLLECTIONS = (
    ("question_groups", "group"),
    ("sections", "section"),
    ("sessions", "session"),
    ("links", "link"),
    ("advisor_groups", "advisor_group"),
    ("advisors", "advisor"),
    ("contacts", "contact"),
)
SINGLE_BLOCKS = ("quote", "description")


class Block(NamedTuple):
    """One block of a page: its kind, its id (a question's key), and its data."""

    kind: str
    id: str
    data: Mapping[str, Any]
    group: Mapping[str, Any] | None = None  # a question's group


def blocks_by_id(record: Mapping[str, Any]) -> dict[str, list[Block]]:
    """Every block ``page_order`` can name, by the id that names it: each id names one block,
    but for a record whose ids clash, and a question key may name the two parts of a question."""
    found: dict[str, list[Block]] = {}
    for kind in SINGLE_BLOCKS:
        if isinstance(record.get(kind), Mapping):
            found.setdefault(kind, []).append(Block(kind, kind, record[kind]))
    grouped = _grouped_advisors(record)
    for collection, kind in COLLECTIONS:
        for entry in _mappings(record.get(collection)):
            if not isinstance(entry.get("id"), str) or not _stands_alone(kind, entry, grouped):
                continue
            found.setdefault(entry["id"], []).append(Block(kind, entry["id"], entry))
            if kind == "group":
                for question in _mappings(entry.get("questions")):
                    if isinstance(question.get("key"), str):
                        block = Block("question", question["key"], question, entry)
                        found.setdefault(question["key"], []).append(block)
    return found


def page_blocks(record: Mapping[str, Any]) -> list[Block]:
    """The record's blocks in page order; blocks ``page_order`` leaves out follow at the end."""
    order = record.get("page_order")
    default = list(_default_order(record))
    if not isinstance(order, list):
        return default
    named = blocks_by_id(record)
    placed = {key for key in order if isinstance(key, str)}
    sequence: list[Block] = []
    for key in order:
        for block in named.get(key, []) if isinstance(key, str) else []:
            sequence.append(block)
            if block.kind == "group":
                sequence += [b for b in _questions(block.data) if b.id not in placed]
    shown = {id(block.data) for block in sequence}
    return sequence + [block for block in default if id(block.data) not in shown]


def _default_order(record: Mapping[str, Any]) -> Iterator[Block]:
    for kind in SINGLE_BLOCKS:
        if isinstance(record.get(kind), Mapping):
            yield Block(kind, kind, record[kind])
    grouped = _grouped_advisors(record)
    for collection, kind in COLLECTIONS:
        for entry in _mappings(record.get(collection)):
            if isinstance(entry.get("id"), str) and _stands_alone(kind, entry, grouped):
                yield Block(kind, entry["id"], entry)
                if kind == "group":
                    yield from _questions(entry)


def _questions(group: Mapping[str, Any]) -> Iterator[Block]:
    for question in _mappings(group.get("questions")):
        if isinstance(question.get("key"), str):
            yield Block("question", question["key"], question, group)


def _stands_alone(kind: str, entry: Mapping[str, Any], grouped: set[str]) -> bool:
    """False for what the page shows as part of another block: a profile link or a link
    inside a text, and an advisor shown in an advisor group."""
    if kind == "link":
        return entry.get("kind") != "advisor-profile" and "within" not in entry
    return not (kind == "advisor" and entry.get("id") in grouped)


def _grouped_advisors(record: Mapping[str, Any]) -> set[str]:
    grouped: set[str] = set()
    for group in _mappings(record.get("advisor_groups")):
        names = group.get("advisors")
        if isinstance(names, list):
            grouped.update(name for name in names if isinstance(name, str))
    return grouped


def _mappings(value: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, Mapping))
