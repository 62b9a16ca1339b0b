"""The text a record's Markdown page must show, block by block and line by line.

Blocks follow the page's order (``page_layout.page_blocks``, held to the real pages by
test_page_records); the text of each block is modelled here, apart from the export's code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from advising_content.page_layout import Block as PageBlock
from advising_content.page_layout import page_blocks
from advising_content.rendering import citation_text, city_line, name_with_degrees, session_heading

# Where a block sits ('h2', 'ul/li', 'blockquote/p') and its lines, whitespace runs as one space.
Block = tuple[str, tuple[str, ...]]
Record = Mapping[str, Any]

NO_ANSWER = "(The page shows no answer to this question.)"
NO_TEXT = "(The page shows nothing under this heading.)"
COLLAPSED = "(The page shows the questions of this group collapsed.)"
CUT = "(The capture of the page stops here.)"


def norm(text: str) -> str:
    return " ".join(text.split())


def clean(blocks: list[Block]) -> list[Block]:
    """Blocks without lines that are only whitespace, and without blocks left with no lines
    (but for a rule, which has none)."""
    cleaned = [(where, tuple(line for line in lines if line)) for where, lines in blocks]
    return [(where, lines) for where, lines in cleaned if lines or where == "hr"]


def _one_line(text: str) -> tuple[str, ...]:
    return (norm(text),)


def _lines(*texts: str) -> tuple[str, ...]:
    return tuple(norm(text) for text in texts if text)


def _labelled(label: str, part: Mapping[str, Any], key: str) -> str:
    return f"{label}: {part[key]}" if part.get(key) else ""


def _named(person: Mapping[str, Any]) -> str:
    return norm(name_with_degrees(person["name"], person.get("degrees") or []))


def _advisor_of(record: Record, advisor_id: str) -> Mapping[str, Any]:
    return next(a for a in record["advisors"] if a["id"] == advisor_id)


def _prose(value: str | list[Any], inside: str = "") -> Iterator[Block]:
    """Each line of a text a paragraph of its own; a list's items, each on one line."""
    for part in [value] if isinstance(value, str) else value:
        if isinstance(part, str):
            yield from ((f"{inside}p", _one_line(line)) for line in part.splitlines())
        else:
            yield from ((f"{inside}ul/li", _one_line(item)) for item in part["list"])


def _head(record: Record) -> Iterator[Block]:
    specialty = record["specialty"]
    yield "h1", _one_line(record.get("title") or specialty["name"])
    retitled = record.get("title") not in (None, specialty["name"])
    names = ", ".join(filter(None, map(norm, specialty.get("short_names") or [])))
    yield (
        "p",
        _lines(
            record["institution"]["name"],
            f"Specialty: {specialty['name']}" if retitled else "",
            f"Also called: {names}" if names else "",
        ),
    )


def _quote(record: Record, block: PageBlock) -> Iterator[Block]:
    yield from _prose(block.data["text"], "blockquote/")
    yield "blockquote/p", _one_line("— " + citation_text(block.data["citation"]))


def _description(record: Record, block: PageBlock) -> Iterator[Block]:
    yield from _prose(block.data["text"])
    if "citation" in block.data:
        yield "p", _one_line(citation_text(block.data["citation"]))


def _group(record: Record, block: PageBlock) -> Iterator[Block]:
    yield from [("h2", _one_line(block.data["heading"]))] if "heading" in block.data else []
    yield from [("p", (COLLAPSED,))] if block.data.get("collapsed") else []


def _text_block(record: Record, block: PageBlock, heading: str, text: str) -> Iterator[Block]:
    """A question or a section: its heading, its text or the note that it has none, the note
    that the capture stops in it, and the links its text shows."""
    data = block.data
    if heading in data:
        nested = block.group is not None and "heading" in block.group
        yield "h3" if nested else "h2", _one_line(data[heading])
    if text in data:
        yield from _prose(data[text])
    elif data.get("no_answer"):
        yield "p", (NO_ANSWER,)
    elif data.get("no_text"):
        yield "p", (NO_TEXT,)
    yield from [("p", (CUT,))] if data.get("cut") else []
    for link in record.get("links") or []:
        if link.get("within") == block.id and link.get("url"):
            yield "ul/li", _one_line(link["label"])


def _session(record: Record, block: PageBlock) -> Iterator[Block]:
    session = block.data
    yield "h2", _one_line(session_heading(session))
    time = " to ".join(session[key] for key in ("start_time", "end_time") if key in session)
    names = ", ".join(_named(_advisor_of(record, x)) for x in session.get("advisors") or [])
    audiences = ", ".join(session.get("audiences") or [])
    yield "p", _lines(
        f"For: {audiences}" if audiences else "",
        _labelled("Date", session, "date"),
        f"Time: {time}" if time else "",
        _labelled("Location", session, "location"),
        f"With: {names}" if names else "",
    )  # fmt: skip
    yield from _prose(session["description"])


def _advisor(record: Record, advisor: Mapping[str, Any]) -> Block:
    links = record.get("links") or []
    profiles = [
        x for x in links if x["kind"] == "advisor-profile" and x["advisor"] == advisor["id"]
    ]
    labels = [item["label"] for item in profiles]
    if advisor.get("profile_url") and not any(item.get("url") for item in profiles):
        labels.append("Profile")
    return "p", _lines(
        _named(advisor), *(advisor.get("titles") or []), advisor.get("department") or "",
        _labelled("Email", advisor, "email"), *labels,
    )  # fmt: skip


def _advisor_group(record: Record, block: PageBlock) -> Iterator[Block]:
    yield from [("h2", _one_line(block.data["label"]))] if "label" in block.data else []
    yield from (_advisor(record, _advisor_of(record, x)) for x in block.data["advisors"])


def _contact(record: Record, block: PageBlock) -> Iterator[Block]:
    contact = block.data
    yield "h2", _one_line(contact.get("heading") or "Contact")
    person = contact if "name" in contact else None
    person = person or (_advisor_of(record, contact["advisor"]) if "advisor" in contact else None)
    keys = ("department", "organization", "room", "street_address")
    yield "p", _lines(
        _named(person) if person else "", *(contact.get(key) or "" for key in keys),
        city_line(contact), _labelled("Email", contact, "email"),
        _labelled("Phone", contact, "phone"),
    )  # fmt: skip


def _source(source: Mapping[str, Any]) -> Iterator[Block]:
    whole = "the whole page" if source["complete"] else "part of the page"
    captured = f", captured {source['captured']}" if "captured" in source else ""
    shown = f"{source['url']} ({whole}{captured})" if "url" in source else f"{whole}{captured}"
    yield "hr", ()
    yield "p", _one_line(f"Source: {shown}")


_BLOCKS: dict[str, Callable[[Record, PageBlock], Iterator[Block]]] = {
    "quote": _quote,
    "description": _description,
    "group": _group,
    "question": lambda record, block: _text_block(record, block, "question", "answer"),
    "section": lambda record, block: _text_block(record, block, "heading", "text"),
    "session": _session,
    "link": lambda record, block: iter([("p", _one_line(block.data["label"]))]),
    "advisor_group": _advisor_group,
    "advisor": lambda record, block: iter([_advisor(record, block.data)]),
    "contact": _contact,
}


def expected(record: Record) -> list[Block]:
    """The text a page shows, block by block and line by line: the record's text, laid out."""
    page = list(_head(record))
    for block in page_blocks(record):
        page += _BLOCKS[block.kind](record, block)
    if "source" in record:
        page += _source(record["source"])
    return clean(page)
