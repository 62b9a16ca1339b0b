"""The Markdown export: a page per record that reads like the school's advising page.

The page has the specialty (or the page's title) as its title and the institution, then the
record's blocks in the order the page shows them (``page_layout``): the quote or description,
each audience group with its questions and answers, free sections, sessions, links, advisors
under their labels and the contacts; last, where the record came from. Parts a record lacks are
left out; what the page shows without content is said in words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from advising_content.export.markdown_text import (
    LINE_BREAK,
    email_link,
    inline,
    link,
    prose,
    separated,
)
from advising_content.page_layout import Block, page_blocks
from advising_content.rendering import (
    advisor_by_id,
    citation_text,
    city_line,
    name_with_degrees,
    profile_links,
    session_heading,
)

NO_ANSWER = "(The page shows no answer to this question.)"
NO_TEXT = "(The page shows nothing under this heading.)"
COLLAPSED = "(The page shows the questions of this group collapsed.)"
CUT = "(The capture of the page stops here.)"
Record = Mapping[str, Any]


def record_page(record: Record) -> str:
    """The Markdown page of a record, ending with one newline."""
    return "\n\n".join(separated(_page(record))) + "\n"


def _lines(*lines: str) -> str:
    """Lines of one paragraph, each on a line of its own (hard line breaks)."""
    return LINE_BREAK.join(line for line in lines if line)


def _page(record: Record) -> Iterator[str]:
    specialty = record["specialty"]
    yield f"# {inline(record.get('title') or specialty['name'])}"
    names = ", ".join(name for name in map(inline, specialty.get("short_names") or []) if name)
    yield _lines(
        inline(record["institution"]["name"]),
        f"Specialty: {inline(specialty['name'])}"
        if record.get("title") not in (None, specialty["name"])
        else "",
        f"Also called: {names}" if names else "",
    )
    for block in page_blocks(record):
        yield from _RENDERERS[block.kind](record, block)
        yield from _links_within(record, block)
    yield from _source(record.get("source"))


def _quote(record: Record, block: Block) -> Iterator[str]:
    lines = [*prose(block.data["text"]), "— " + inline(citation_text(block.data["citation"]))]
    lines = list(separated(lines))
    yield "\n>\n".join("\n".join(f"> {line}" for line in part.split("\n")) for part in lines)


def _description(record: Record, block: Block) -> Iterator[str]:
    yield from prose(block.data["text"])
    if "citation" in block.data:
        yield inline(citation_text(block.data["citation"]))


def _group(record: Record, block: Block) -> Iterator[str]:
    if block.data.get("heading"):
        yield f"## {inline(block.data['heading'])}"
    if block.data.get("collapsed"):
        yield COLLAPSED


def _question(record: Record, block: Block) -> Iterator[str]:
    entry = block.data
    level = "###" if block.group is not None and block.group.get("heading") else "##"
    yield f"{level} {inline(entry['question'])}"
    if "answer" in entry:
        yield from prose(entry["answer"])
    elif entry.get("no_answer"):
        yield NO_ANSWER
    if entry.get("cut"):
        yield CUT


def _section(record: Record, block: Block) -> Iterator[str]:
    if block.data.get("heading"):
        yield f"## {inline(block.data['heading'])}"
    if "text" in block.data:
        yield from prose(block.data["text"])
    elif block.data.get("no_text"):
        yield NO_TEXT
    if block.data.get("cut"):
        yield CUT


def _session(record: Record, block: Block) -> Iterator[str]:
    session = block.data
    yield f"## {inline(session_heading(session))}"
    time = " to ".join(session[key] for key in ("start_time", "end_time") if session.get(key))
    people = [advisor_by_id(record, id_) for id_ in session.get("advisors") or []]
    names = ", ".join(inline(name_with_degrees(x["name"], x.get("degrees") or [])) for x in people)
    details = _lines(
        f"For: {', '.join(session['audiences'])}" if session.get("audiences") else "",
        f"Date: {session['date']}" if session.get("date") else "",
        f"Time: {time}" if time else "",
        f"Location: {inline(session['location'])}" if session.get("location") else "",
        f"With: {names}" if names else "",
    )
    if details:
        yield details
    yield from prose(session["description"])


def _link(record: Record, block: Block) -> Iterator[str]:
    yield _link_text(block.data)


def _advisor_group(record: Record, block: Block) -> Iterator[str]:
    if block.data.get("label"):
        yield f"## {inline(block.data['label'])}"
    for advisor_id in block.data["advisors"]:
        yield _advisor(record, advisor_by_id(record, advisor_id))


def _lone_advisor(record: Record, block: Block) -> Iterator[str]:
    yield _advisor(record, block.data)


def _contact(record: Record, block: Block) -> Iterator[str]:
    contact = block.data
    person = advisor_by_id(record, contact["advisor"]) if contact.get("advisor") else None
    name = ""
    if contact.get("name"):
        name = name_with_degrees(contact["name"], contact.get("degrees") or [])
    elif person is not None:
        name = name_with_degrees(person["name"], person.get("degrees") or [])
    yield f"## {inline(contact.get('heading') or 'Contact')}"
    keys = ("department", "organization", "room", "street_address")
    yield _lines(
        inline(name),
        *(inline(contact[key]) for key in keys if key in contact),
        inline(city_line(contact)),
        f"Email: {email_link(contact['email'])}" if contact.get("email") else "",
        f"Phone: {inline(contact['phone'])}" if contact.get("phone") else "",
    )


def _links_within(record: Record, block: Block) -> Iterator[str]:
    """The addresses of links that the block's text shows, when the record gives them."""
    if block.kind not in ("question", "section"):
        return
    inside = [
        item
        for item in record.get("links") or []
        if item.get("within") == block.id and item.get("url")
    ]
    if inside:
        yield "\n".join(f"- {_link_text(item)}" for item in inside)


def _source(source: Mapping[str, Any] | None) -> Iterator[str]:
    if not source:
        return
    captured = f", captured {source['captured']}" if source.get("captured") else ""
    whole = "the whole page" if source["complete"] else "part of the page"
    yield "---"
    if source.get("url"):
        yield f"Source: {link(source['url'], source['url'])} ({whole}{captured})"
    else:
        yield f"Source: {whole}{captured}"


def _link_text(item: Mapping[str, Any]) -> str:
    return link(item["label"], item["url"]) if item.get("url") else inline(item["label"])


def _advisor(record: Record, advisor: Mapping[str, Any]) -> str:
    profiles = profile_links(record, advisor)
    shown_links = [_link_text(item) for item in profiles]
    if advisor.get("profile_url") and not any(item.get("url") for item in profiles):
        shown_links.append(link("Profile", advisor["profile_url"]))
    return _lines(
        inline(name_with_degrees(advisor["name"], advisor.get("degrees") or [])),
        *(inline(title) for title in advisor.get("titles") or []),
        inline(advisor.get("department") or ""),
        f"Email: {email_link(advisor['email'])}" if advisor.get("email") else "",
        *shown_links,
    )


_RENDERERS: dict[str, Callable[[Record, Block], Iterator[str]]] = {
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
