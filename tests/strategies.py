"""Hypothesis strategies for advising records that the schema and the validator accept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

import strategy_parts as parts
from advising_content.question_bank import BankQuestion, load_question_bank
from advising_content.resources import schema_version
from strategy_parts import (
    CONTROL,
    citations,
    counts,
    dates,
    enum,
    optional,
    periods,
    prose,
    slug,
    text,
    unique,
)

__all__ = ["CONTROL", "records"]

BANK = load_question_bank()
# Ids that name something else in page_order: the single blocks and the bank's question keys.
RESERVED = {"quote", "description", *(question.key for question in BANK.questions)}


def _bank_questions(draw: st.DrawFn, question: BankQuestion) -> list[dict[str, Any]]:
    """A bank question with the stance and facts it takes, asked once or in two parts."""
    numbers = [1, 2] if draw(st.integers(0, 4)) == 0 else [None]
    entries = []
    for part in numbers:
        entry: dict[str, Any] = {"key": question.key, "question": draw(text)}
        if part is not None:
            entry["part"] = part
        if draw(st.integers(0, 5)) == 0:
            entry["no_answer"] = True
            entries.append(entry)
            continue
        entry["answer"] = draw(prose)
        if question.stances:
            optional(draw, entry, "stance", st.sampled_from(question.stances))
        facts = {"months": unique(enum("month"), 3), "period": periods(), "count": counts()}
        for fact in question.facts:
            optional(draw, entry, fact, facts[fact])
        entries.append(entry)
    return entries


def _question_groups(draw: st.DrawFn, ids: Iterator[str]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for bank_group in BANK.groups:
        if groups and not draw(st.booleans()):
            continue
        asked = draw(unique(st.sampled_from(bank_group.questions), 3))
        questions = [entry for question in asked for entry in _bank_questions(draw, question)]
        if draw(st.booleans()):
            custom = {"key": "custom-" + next(ids), "custom": True, "question": draw(text)}
            questions.append({**custom, "answer": draw(prose)})
        group: dict[str, Any] = {"id": next(ids)}
        optional(draw, group, "heading", text)
        optional(draw, group, "audiences", unique(st.sampled_from(bank_group.audiences), 2))
        groups.append({**group, "questions": questions})
    if draw(st.integers(0, 3)) == 0:
        collapsed: dict[str, Any] = {"id": next(ids), "collapsed": True}
        optional(draw, collapsed, "heading", text)
        groups.append(collapsed)
    return groups


def _sections(draw: st.DrawFn, ids: Iterator[str]) -> list[dict[str, Any]]:
    sections = []
    for _ in range(draw(st.integers(0, 2))):
        section: dict[str, Any] = {"id": next(ids)}
        optional(draw, section, "heading", text)
        if draw(st.integers(0, 4)) == 0:
            section["no_text"] = True
        else:
            section["text"] = draw(prose)
        sections.append(section)
    return sections


def _cut(draw: st.DrawFn, groups: list[Any], sections: list[Any]) -> str | None:
    """Where a partial capture stops, if it does: the key of a question asked once, or the id
    of a section; that part is marked cut, and may have lost its text."""
    places = [q for group in groups for q in group.get("questions", []) if "part" not in q]
    places += sections
    if not places or draw(st.integers(0, 3)) != 0:
        return None
    place = draw(st.sampled_from(places))
    place["cut"] = True
    if draw(st.booleans()):
        for key in ("answer", "no_answer", "text", "no_text"):
            place.pop(key, None)
    return str(place.get("key", place.get("id")))


def _blocks(record: dict[str, Any]) -> list[str]:
    """The ids of the blocks page_order lists, in the order of the schema."""
    grouped = {name for group in record.get("advisor_groups", []) for name in group["advisors"]}
    shown = {
        "links": lambda link: link["kind"] != "advisor-profile" and "within" not in link,
        "advisors": lambda advisor: advisor["id"] not in grouped,
    }
    blocks = [name for name in ("quote", "description") if name in record]
    for collection in ("question_groups", "sections", "sessions", "links", "advisor_groups",
                       "advisors", "contacts"):  # fmt: skip
        entries = record.get(collection, [])
        blocks += [x["id"] for x in entries if shown.get(collection, bool)(x)]
    return blocks


def _page_order(draw: st.DrawFn, record: dict[str, Any], cut: str | None) -> list[str]:
    """The blocks in any order, some groups with their questions placed among other blocks,
    and the part the capture stops in last."""
    order = [name for name in draw(st.permutations(_blocks(record))) if name != cut]
    for group in record["question_groups"]:
        keys = list(dict.fromkeys(question["key"] for question in group.get("questions", [])))
        if cut in keys or (keys and draw(st.booleans())):
            start = order.index(group["id"]) + 1
            for key in (key for key in keys if key != cut):
                order.insert(draw(st.integers(start, len(order))), key)
    return order if cut is None else [*order, cut]


def _ids(draw: st.DrawFn) -> Iterator[str]:
    """Ids unique in a record, none of which names something else."""
    used = set(RESERVED)
    while True:
        name = draw(slug.filter(lambda name: name not in used))
        used.add(name)
        yield name


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A record that the schema accepts and the validator's own checks pass."""
    ids = _ids(draw)
    record: dict[str, Any] = {"id": next(ids), "schema_version": schema_version()}
    record["institution"] = {"id": next(ids), "name": draw(text)}
    record["specialty"] = {"name": draw(text)}
    optional(draw, record["specialty"], "short_names", unique(text, 3))
    optional(draw, record, "title", text)
    optional(draw, record, "quote", st.fixed_dictionaries({"text": prose, "citation": citations()}))
    description = st.fixed_dictionaries({"text": prose}, optional={"citation": citations()})
    optional(draw, record, "description", description)
    groups, sections = _question_groups(draw, ids), _sections(draw, ids)
    record["question_groups"] = groups
    advisors = parts.advisors(draw, ids)
    names = [advisor["id"] for advisor in advisors]
    texts = [q["key"] for group in groups for q in group.get("questions", [])]
    extras = {
        "sections": sections,
        "advisor_groups": parts.advisor_groups(draw, ids, names),
        "advisors": advisors,
        "sessions": parts.sessions(draw, ids, names),
        "contacts": parts.contacts(draw, ids, names),
        "links": parts.links(draw, ids, names, texts + [section["id"] for section in sections]),
    }
    record.update({key: value for key, value in extras.items() if value})
    cut = _cut(draw, groups, sections)
    source = st.fixed_dictionaries(
        {"complete": st.just(False) if cut else st.booleans()},
        optional={"url": st.just("https://example.edu/" + next(ids)), "captured": dates},
    )
    if cut is not None or draw(st.booleans()):
        record["source"] = draw(source)
    if cut is not None or draw(st.booleans()):
        record["page_order"] = _page_order(draw, record, cut)
    return record
