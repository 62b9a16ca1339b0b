"""A record's page as blocks of plain text parts, in the page's order, for the HTML templates.

The parts hold text only; the templates escape every piece of it. Addresses become links only
when they are web (http, https) or e-mail addresses; anything else is shown as text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from advising_content.export.markdown_pages import COLLAPSED, CUT, NO_ANSWER, NO_TEXT
from advising_content.page_layout import Block, page_blocks
from advising_content.prose import prose_blocks
from advising_content.rendering import (
    advisor_by_id,
    citation_text,
    city_line,
    name_with_degrees,
    profile_links,
    session_heading,
)

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Piece:
    """Text, and the address it links to, if any."""

    text: str
    href: str | None = None


@dataclass(frozen=True)
class Part:
    """A paragraph ("p"), a bulleted list ("ul"), lines of an address or a person ("lines"),
    a note about the page ("note") or a citation ("cite")."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    lines: tuple[tuple[Piece, ...], ...] = ()


@dataclass(frozen=True)
class PageBlock:
    kind: str
    heading: str | None
    level: int
    parts: tuple[Part, ...]
    anchor: str = ""


def web_href(url: str) -> str | None:
    """``url`` when it is a web address a page may link to; None for any other scheme."""
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def mail_href(email: str) -> str:
    return "mailto:" + quote(email, safe="@!$'*+")


def prose_parts(value: str | list[Any]) -> tuple[Part, ...]:
    return tuple(
        Part("p", text=block) if isinstance(block, str) else Part("ul", items=block)
        for block in prose_blocks(value)
    )


def lines(*rows: tuple[Piece, ...] | str) -> Part:
    """One "lines" part of the rows given, leaving out empty ones."""
    kept = tuple((Piece(row),) if isinstance(row, str) else row for row in rows if row)
    return Part("lines", lines=kept)


def labelled(label: str, text: str, href: str | None = None) -> tuple[Piece, ...]:
    return (Piece(f"{label}: "), Piece(text, href))


def link_pieces(item: Mapping[str, Any]) -> tuple[Piece, ...]:
    url = item.get("url")
    return (Piece(item["label"], web_href(url) if url else None),)


def page(record: Record) -> list[PageBlock]:
    """The record's blocks in the order of its page."""
    blocks: list[PageBlock] = []
    seen: Counter[str] = Counter()
    for block in page_blocks(record):
        for view in _views(record, block):
            anchor = ""
            if view.kind == block.kind:
                anchor = f"{block.kind}-{block.id}"
                seen[anchor] += 1
                anchor += f"-{seen[anchor]}" if seen[anchor] > 1 else ""
            blocks.append(PageBlock(view.kind, view.heading, view.level, view.parts, anchor))
    return blocks


def _views(record: Record, block: Block) -> Iterator[PageBlock]:
    yield _RENDERERS[block.kind](record, block)
    inside = [
        item
        for item in record.get("links") or []
        if block.kind in ("question", "section") and item.get("within") == block.id
    ]
    if any(item.get("url") for item in inside):
        rows = [link_pieces(item) for item in inside if item.get("url")]
        yield PageBlock("links", None, 0, (Part("lines", lines=tuple(rows)),))


def _quote(record: Record, block: Block) -> PageBlock:
    cite = Part("cite", text=citation_text(block.data["citation"]))
    return PageBlock("quote", None, 0, (*prose_parts(block.data["text"]), cite))


def _description(record: Record, block: Block) -> PageBlock:
    parts = prose_parts(block.data["text"])
    if "citation" in block.data:
        parts += (Part("cite", text=citation_text(block.data["citation"])),)
    return PageBlock("description", None, 0, parts)


def _group(record: Record, block: Block) -> PageBlock:
    notes = (Part("note", text=COLLAPSED),) if block.data.get("collapsed") else ()
    return PageBlock("group", block.data.get("heading"), 2, notes)


def _question(record: Record, block: Block) -> PageBlock:
    entry = block.data
    level = 3 if block.group is not None and block.group.get("heading") else 2
    parts = prose_parts(entry["answer"]) if "answer" in entry else ()
    if entry.get("no_answer"):
        parts += (Part("note", text=NO_ANSWER),)
    if entry.get("cut"):
        parts += (Part("note", text=CUT),)
    return PageBlock("question", entry["question"], level, parts)


def _section(record: Record, block: Block) -> PageBlock:
    parts = prose_parts(block.data["text"]) if "text" in block.data else ()
    if block.data.get("no_text"):
        parts += (Part("note", text=NO_TEXT),)
    if block.data.get("cut"):
        parts += (Part("note", text=CUT),)
    return PageBlock("section", block.data.get("heading"), 2, parts)


def _session(record: Record, block: Block) -> PageBlock:
    session = block.data
    time = " to ".join(session[key] for key in ("start_time", "end_time") if session.get(key))
    people = [advisor_by_id(record, id_) for id_ in session.get("advisors") or []]
    names = ", ".join(name_with_degrees(x["name"], x.get("degrees") or []) for x in people)
    details = lines(
        f"For: {', '.join(session['audiences'])}" if session.get("audiences") else "",
        f"Date: {session['date']}" if session.get("date") else "",
        f"Time: {time}" if time else "",
        f"Location: {session['location']}" if session.get("location") else "",
        f"With: {names}" if names else "",
    )
    parts = ((details,) if details.lines else ()) + prose_parts(session["description"])
    return PageBlock("session", session_heading(session), 2, parts)


def _link(record: Record, block: Block) -> PageBlock:
    return PageBlock("link", None, 0, (lines(link_pieces(block.data)),))


def _advisor_group(record: Record, block: Block) -> PageBlock:
    people = [advisor_by_id(record, id_) for id_ in block.data["advisors"]]
    parts = tuple(_person(record, person) for person in people)
    return PageBlock("advisor_group", block.data.get("label"), 2, parts)


def _lone_advisor(record: Record, block: Block) -> PageBlock:
    return PageBlock("advisor", None, 0, (_person(record, block.data),))


def _contact(record: Record, block: Block) -> PageBlock:
    contact = block.data
    person = advisor_by_id(record, contact["advisor"]) if contact.get("advisor") else None
    who = contact if contact.get("name") else person
    name = name_with_degrees(who["name"], who.get("degrees") or []) if who else ""
    keys = ("department", "organization", "room", "street_address")
    email, phone = contact.get("email"), contact.get("phone")
    address = lines(
        name,
        *(contact[key] for key in keys if key in contact),
        city_line(contact),
        labelled("Email", email, mail_href(email)) if email else "",
        labelled("Phone", phone) if phone else "",
    )
    return PageBlock("contact", contact.get("heading") or "Contact", 2, (address,))


def _person(record: Record, advisor: Mapping[str, Any]) -> Part:
    profiles = profile_links(record, advisor)
    rows: list[tuple[Piece, ...] | str] = [link_pieces(item) for item in profiles]
    profile_url = advisor.get("profile_url")
    if profile_url and not any(item.get("url") for item in profiles):
        rows.append((Piece("Profile", web_href(profile_url)),))
    email = advisor.get("email")
    return lines(
        name_with_degrees(advisor["name"], advisor.get("degrees") or []),
        *(advisor.get("titles") or []),
        advisor.get("department") or "",
        labelled("Email", email, mail_href(email)) if email else "",
        *rows,
    )


_RENDERERS: dict[str, Callable[[Record, Block], PageBlock]] = {
    "quote": _quote,
    "description": _description,
    "group": _group,
    "question": _question,
    "section": _section,
    "session": _session,
    "link": _link,
    "advisor_group": _advisor_group,
    "advisor": _lone_advisor,
    "contact": _contact,
}
