"""The Markdown export: a page per record that reads like the school's advising page.

Every page has the same structure, whatever the specialty: the specialty as title, the
institution, the quote, a section per audience group with each question and its answer, the
page's free sections, then Sessions, Links, Advisors and the contacts. Parts a record lacks are
left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from advising_content.export.markdown_text import LINE_BREAK, email_link, inline, link, paragraphs
from advising_content.rendering import citation_text, city_line, name_with_degrees, session_heading


def record_page(record: Mapping[str, Any]) -> str:
    """The Markdown page of a record, ending with one newline."""
    blocks = list(_blocks(record))
    return "\n\n".join(blocks) + "\n"


def _lines(*lines: str) -> str:
    """Lines of one paragraph, each on a line of its own (hard line breaks)."""
    return LINE_BREAK.join(line for line in lines if line)


def _blocks(record: Mapping[str, Any]) -> Iterator[str]:
    specialty = record["specialty"]
    yield f"# {inline(specialty['name'])}"
    names = ", ".join(name for name in map(inline, specialty.get("short_names") or []) if name)
    yield _lines(inline(record["institution"]["name"]), f"Also called: {names}" if names else "")
    if "quote" in record:
        yield from _quote(record["quote"])
    for group in record["question_groups"]:
        yield f"## {inline(group['heading'])}"
        for entry in group["questions"]:
            yield f"### {inline(entry['question'])}"
            yield from paragraphs(entry["answer"])
    for section in record.get("sections") or []:
        yield f"## {inline(section['heading'])}"
        yield from paragraphs(section["text"])
    advisors = {advisor["id"]: advisor for advisor in record.get("advisors") or []}
    if record.get("sessions"):
        yield "## Sessions"
        for session in record["sessions"]:
            yield from _session(session, advisors)
    links = [x for x in record.get("links") or [] if x["kind"] != "advisor-profile"]
    # An empty item ('- ' alone) would underline the item before it as a heading in Python-Markdown.
    items = [text for text in map(_link_text, links) if text]
    if items:
        yield "## Links"
        yield "\n".join(f"- {text}" for text in items)
    if advisors:
        yield "## Advisors"
        profiles = [x for x in record.get("links") or [] if x["kind"] == "advisor-profile"]
        for advisor in advisors.values():
            yield _advisor(advisor, [x for x in profiles if x["advisor"] == advisor["id"]])
    for contact in record.get("contacts") or []:
        yield f"## {inline(contact.get('heading') or 'Contact')}"
        yield _contact(contact, advisors)


def _quote(quote: Mapping[str, Any]) -> Iterator[str]:
    lines = [*paragraphs(quote["text"]), "— " + inline(citation_text(quote["citation"]))]
    quoted = "\n>\n".join("\n".join(f"> {line}" for line in block.split("\n")) for block in lines)
    yield quoted


def _session(session: Mapping[str, Any], advisors: Mapping[str, Any]) -> Iterator[str]:
    yield f"### {inline(session_heading(session))}"
    time = " to ".join(session[key] for key in ("start_time", "end_time") if session.get(key))
    people = [advisors[id_] for id_ in session.get("advisors") or []]
    names = ", ".join(
        filter(None, (inline(name_with_degrees(x["name"], x.get("degrees") or [])) for x in people))
    )
    details = _lines(
        f"For: {', '.join(session['audiences'])}" if session.get("audiences") else "",
        f"Date: {session['date']}" if session.get("date") else "",
        f"Time: {time}" if time else "",
        f"Location: {inline(session['location'])}" if session.get("location") else "",
        f"With: {names}" if names else "",
    )
    if details:
        yield details
    yield from paragraphs(session["description"])


def _link_text(item: Mapping[str, Any]) -> str:
    return link(item["label"], item["url"]) if item.get("url") else inline(item["label"])


def _advisor(advisor: Mapping[str, Any], profiles: list[Mapping[str, Any]]) -> str:
    profile_links = [_link_text(item) for item in profiles]
    if advisor.get("profile_url") and not any(item.get("url") for item in profiles):
        profile_links.append(link("Profile", advisor["profile_url"]))
    return _lines(
        inline(name_with_degrees(advisor["name"], advisor.get("degrees") or [])),
        inline(advisor.get("role") or ""),
        inline(advisor.get("department") or ""),
        f"Email: {email_link(advisor['email'])}" if advisor.get("email") else "",
        *profile_links,
    )


def _contact(contact: Mapping[str, Any], advisors: Mapping[str, Any]) -> str:
    person = advisors.get(contact.get("advisor") or "")
    name = ""
    if contact.get("name"):
        name = name_with_degrees(contact["name"], contact.get("degrees") or [])
    elif person is not None:
        name = name_with_degrees(person["name"], person.get("degrees") or [])
    return _lines(
        inline(name),
        *(
            inline(contact[key])
            for key in ("organization", "room", "street_address")
            if key in contact
        ),
        inline(city_line(contact)),
        f"Email: {email_link(contact['email'])}" if contact.get("email") else "",
        f"Phone: {inline(contact['phone'])}" if contact.get("phone") else "",
    )
