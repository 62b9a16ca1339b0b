"""A record written back as the lines of its page, in page order, and a page capture read as
the same kind of lines: the two are compared word for word."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from advising_content.page_layout import page_blocks
from advising_content.prose import prose_blocks
from advising_content.rendering import citation_text, city_line, name_with_degrees, session_heading

# Lines of a site's header and navigation that a copy of the page picks up.
NAVIGATION = {
    "Skip to main content",
    "Show All Answers",
    "MD Education",
    "Career Advising",
    "Northwestern University Feinberg School of Medicine",
}
# How each template dresses text that the record holds bare: quotation marks around a quote, a
# dash before its citation, 'Q: ' before a question, a bullet before a list item.
_PREFIXES = ("— ", "Q: ", "• ")
_OPENING, _CLOSING = '"“', '"”'
# What a capture glued to the text it stands beside: an image's text before a description.
_CAPTURE_GLUE = {"surgeryGeneral surgery": "General surgery"}


def page_lines(path: Path, *, mended: bool = True) -> list[str]:
    """The lines of a capture that hold page text: no capture note, navigation or blank line;
    ``mended``, without what the capture glued to the text."""
    lines = []
    for raw in path.read_text("utf-8").splitlines():
        line = " ".join(raw.split())
        if not line or line.startswith("source: ") or line in NAVIGATION:
            continue
        for glued, meant in _CAPTURE_GLUE.items() if mended else ():
            line = line.replace(glued, meant)
        for prefix in _PREFIXES:
            line = line.removeprefix(prefix)
        if line[:1] in _OPENING and len(line) > 1:
            line = line[1:]
            line = line[:-1].rstrip() if line[-1:] in _CLOSING else line
        lines.append(line)
    return lines


def record_lines(record: Mapping[str, Any]) -> list[str]:
    """Every text of the record, as the page shows it, in page order."""
    lines = [record["title"]] if "title" in record else []
    for block in page_blocks(record):
        lines += list(_BLOCK_LINES[block.kind](record, block.data))
    return [" ".join(line.split()) for line in lines]


def _prose(value: Any) -> Iterator[str]:
    for block in prose_blocks(value):
        yield from [block] if isinstance(block, str) else block


def _cited(record: Mapping[str, Any], part: Mapping[str, Any]) -> Iterator[str]:
    yield from _prose(part["text"])
    if "citation" in part:
        yield citation_text(part["citation"])


def _group(record: Mapping[str, Any], group: Mapping[str, Any]) -> Iterator[str]:
    yield from [group["heading"]] if "heading" in group else []


def _question(record: Mapping[str, Any], entry: Mapping[str, Any]) -> Iterator[str]:
    yield entry["question"]
    yield from _prose(entry["answer"]) if "answer" in entry else []


def _section(record: Mapping[str, Any], section: Mapping[str, Any]) -> Iterator[str]:
    yield from [section["heading"]] if "heading" in section else []
    yield from _prose(section["text"]) if "text" in section else []


def _session(record: Mapping[str, Any], session: Mapping[str, Any]) -> Iterator[str]:
    yield session_heading(session)
    yield from _prose(session["description"])


def _advisor_group(record: Mapping[str, Any], group: Mapping[str, Any]) -> Iterator[str]:
    yield from [group["label"]] if "label" in group else []
    for advisor_id in group["advisors"]:
        yield from _advisor(record, _advisor_of(record, advisor_id))


def _advisor(record: Mapping[str, Any], advisor: Mapping[str, Any]) -> Iterator[str]:
    yield name_with_degrees(advisor["name"], advisor.get("degrees") or [])
    yield from advisor.get("titles") or []
    yield from [advisor[key] for key in ("department", "email") if key in advisor]
    for link in record.get("links") or []:
        if link["kind"] == "advisor-profile" and link.get("advisor") == advisor["id"]:
            yield link["label"]


def _contact(record: Mapping[str, Any], contact: Mapping[str, Any]) -> Iterator[str]:
    yield from [contact["heading"]] if "heading" in contact else []
    if "advisor" in contact:
        person = _advisor_of(record, contact["advisor"])
        yield name_with_degrees(person["name"], person.get("degrees") or [])
    keys = ("name", "department", "organization", "room", "street_address")
    yield from [contact[key] for key in keys if key in contact]
    yield city_line(contact)


def _advisor_of(record: Mapping[str, Any], advisor_id: str) -> Mapping[str, Any]:
    return next(a for a in record["advisors"] if a["id"] == advisor_id)


_BLOCK_LINES = {
    "quote": _cited,
    "description": _cited,
    "group": _group,
    "question": _question,
    "section": _section,
    "session": _session,
    "link": lambda record, link: iter([link["label"]]),
    "advisor_group": _advisor_group,
    "advisor": _advisor,
    "contact": _contact,
}
