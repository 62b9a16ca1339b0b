"""Checks of where a record's blocks sit: ``page_order``, the texts that links sit in, and the
one place where a partial capture of the page stops."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from advising_content.entry_names import entry_name
from advising_content.page_layout import Block, blocks_by_id, page_blocks
from advising_content.problems import JsonPath, Severity
from advising_content.record_checks import Record, items, record_rule
from advising_content.wording import choices, few, quoted


@record_rule("unknown-block", Severity.ERROR, "page_order or a link's 'within' names no block")
def unknown_block(record: Record) -> Iterator[tuple[JsonPath, str]]:
    named = blocks_by_id(record.data)
    for index, name in _order(record):
        if name not in named:
            hint = choices(name, list(named), "the record's blocks")
            yield ("page_order", index), f"{quoted(name)} is not a block of this record; {hint}"
        elif len({block.kind for block in named[name]}) > 1:
            kinds = " and a ".join(sorted({b.kind.replace("_", " ") for b in named[name]}))
            yield (
                ("page_order", index),
                f"{quoted(name)} names both a {kinds}; give one of them another id",
            )
    texts = {b.id for blocks in named.values() for b in blocks if b.kind in ("question", "section")}
    for index, link in items(record.data.get("links")):
        within = link.get("within")
        if isinstance(within, str) and within not in texts:
            yield (
                ("links", index, "within"),
                f"there is no section or question {quoted(within)} in this record; "
                + choices(within, sorted(texts), "its sections and questions"),
            )


@record_rule("page-order", Severity.ERROR, "page_order leaves out a block, or splits a group")
def page_order(record: Record) -> Iterator[tuple[JsonPath, str]]:
    listed = {name: index for index, name in _order(record)}
    if "page_order" not in record.data or not listed:
        return
    named = blocks_by_id(record.data)
    left_out = [
        block.id
        for block in page_blocks(record.data)
        if block.kind != "question" and block.id not in listed
    ]
    if left_out:
        yield (
            ("page_order",),
            f"page_order does not list {few(left_out)}; list every block where the page shows it",
        )
    for name, index in listed.items():
        for block in named.get(name, []):
            if block.kind == "group":
                yield from _split_group(block, listed)
            if block.kind == "question" and block.group is not None:
                group_at = listed.get(str(block.group.get("id")))
                if group_at is not None and group_at > index:
                    yield (
                        ("page_order", index),
                        f"the question {quoted(name)} comes before its group "
                        f"{quoted(str(block.group.get('id')))}; list the group first",
                    )


@record_rule("cut-capture", Severity.ERROR, "a cut that is not the end of a partial capture")
def cut_capture(record: Record) -> Iterator[tuple[JsonPath, str]]:
    cuts = list(_cuts(record))
    if not cuts:
        return
    source = record.data.get("source")
    complete = source.get("complete") if isinstance(source, dict) else None
    blocks = page_blocks(record.data)
    for number, (location, node) in enumerate(cuts):
        if complete is not False:
            yield (
                location,
                "'cut: true' says the capture of the page stops here, but the record does not "
                "say the capture is partial; add 'source:' with 'complete: false'",
            )
        elif number > 0:
            yield location, "the capture stops once: only its last question or section is cut"
        elif blocks and blocks[-1].data is not node:
            yield (
                location,
                f"the capture stops inside {entry_name(location[:-1], record.data)}, so nothing "
                f"can follow it on the page, but {_named(blocks[-1])} does; put it last",
            )


def _split_group(group: Block, listed: dict[str, int]) -> Iterator[tuple[JsonPath, str]]:
    keys = [b.id for b in _group_questions(group)]
    shown = [key for key in keys if key in listed]
    missing = [key for key in keys if key not in listed]
    if shown and missing:
        yield (
            ("page_order", listed[shown[0]]),
            f"page_order lists some questions of the group {quoted(group.id)} but not "
            f"{few(missing)}; list every question of the group, or none",
        )


def _group_questions(group: Block) -> Iterator[Block]:
    for _, question in items(group.data.get("questions")):
        if isinstance(question.get("key"), str):
            yield Block("question", question["key"], question, group.data)


def _cuts(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    for group_index, group in items(record.data.get("question_groups")):
        for index, question in items(group.get("questions")):
            if question.get("cut") is True:
                yield ("question_groups", group_index, "questions", index, "cut"), question
    for index, section in items(record.data.get("sections")):
        if section.get("cut") is True:
            yield ("sections", index, "cut"), section


def _named(block: Block) -> str:
    return f"the {block.kind.replace('_', ' ')} {quoted(block.id)}"


def _order(record: Record) -> Iterator[tuple[int, str]]:
    order = record.data.get("page_order")
    if isinstance(order, list):
        for index, name in enumerate(order):
            if isinstance(name, str):
                yield index, name
