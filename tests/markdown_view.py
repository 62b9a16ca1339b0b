"""How a Markdown page reads once rendered, and the page a record must read as.

Each renderer's HTML is read as a browser shows it (entities decoded, ``<br>`` a line break);
``check_page`` compares that, block by block and line by line, with a model of the record's text,
and fails on any other element, any attribute but ``href`` on ``<a>``, and any link the record
does not give. Shared by the Markdown tests and the property tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

import cmarkgfm
import markdown
import mistune
from markdown_it import MarkdownIt

from advising_content.rendering import citation_text, city_line, name_with_degrees, session_heading

RENDERERS: dict[str, Callable[[str], str]] = {
    "markdown-it": MarkdownIt("commonmark").render,
    "cmark-gfm": cmarkgfm.github_flavored_markdown_to_html,
    "python-markdown": lambda text: markdown.markdown(text, extensions=["extra"]),
    "mistune": lambda text: str(mistune.html(text)),
}
# The elements a page is made of; any other element is content read as markup.
STRUCTURE = {"h1", "h2", "h3", "p", "ul", "li", "blockquote"}
ALLOWED_TAGS = STRUCTURE | {"a", "br"}
BLOCKS = {"h1", "h2", "h3", "p", "li"}
VOID = {"br", "hr", "img", "input", "wbr", "col", "source", "meta", "link"}
# Stands for <br> in a block's text: a record's text holds no control characters.
BREAK = "\x00"

Block = tuple[str, tuple[str, ...]]


def norm(text: str) -> str:
    return " ".join(text.split())


def _clean(blocks: list[Block]) -> list[Block]:
    """Blocks without lines that are only whitespace, and without blocks left with no lines."""
    cleaned = [(where, tuple(line for line in lines if line)) for where, lines in blocks]
    return [(where, lines) for where, lines in cleaned if lines]


@dataclass
class View:
    """A rendered page as a reader sees it."""

    blocks: list[Block] = field(default_factory=list)
    markup: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.view = View()
        self.open: list[str] = []
        self.texts: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.view.markup.append(f"<{tag}>")
        for name, value in attrs:
            if (tag, name) == ("a", "href"):
                self.view.hrefs.append(value or "")
            else:
                self.view.markup.append(f"<{tag} {name}>")
        if tag == "br" and self.texts:
            self.texts[-1].append(BREAK)
        if tag in VOID:
            return
        self.open.append(tag)
        if tag in BLOCKS:
            self.texts.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.open[-1:] == [tag], f"</{tag}> closes {self.open}"
        if tag in BLOCKS:
            where = "/".join(t for t in self.open if t in STRUCTURE)
            lines = "".join(self.texts.pop()).split(BREAK)
            self.view.blocks.append((where, tuple(norm(line) for line in lines)))
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.texts:
            self.texts[-1].append(data)
        elif data.strip():
            self.view.markup.append(f"text outside a block: {data!r}")

    def _other_markup(self, data: str) -> None:
        self.view.markup.append(f"<!{data}>")

    handle_comment = handle_decl = handle_pi = unknown_decl = _other_markup


def rendered(page: str, renderer: str) -> View:
    """How a renderer shows a Markdown page."""
    reader = _Reader()
    reader.feed(RENDERERS[renderer](page))
    reader.close()
    assert reader.open == []
    reader.view.blocks = _clean(reader.view.blocks)
    return reader.view


def _one_line(text: str) -> tuple[str, ...]:
    return (norm(text),)


def _lines(*texts: str) -> tuple[str, ...]:
    return tuple(norm(text) for text in texts if text)


def _paragraphs(where: str, text: str) -> Iterator[Block]:
    lines: list[str] = []
    for line in [*text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), ""]:
        if line.strip():
            lines.append(norm(line))
        elif lines:
            yield where, tuple(lines)
            lines = []


def _named(person: Mapping[str, Any]) -> str:
    return norm(name_with_degrees(person["name"], person.get("degrees") or []))


def _labelled(label: str, part: Mapping[str, Any], key: str) -> str:
    return f"{label}: {part[key]}" if part.get(key) else ""


def _head(record: Mapping[str, Any]) -> Iterator[Block]:
    yield "h1", _one_line(record["specialty"]["name"])
    names = ", ".join(filter(None, map(norm, record["specialty"].get("short_names") or [])))
    yield "p", _lines(record["institution"]["name"], f"Also called: {names}" if names else "")
    if "quote" in record:
        yield from _paragraphs("blockquote/p", record["quote"]["text"])
        yield "blockquote/p", _one_line("— " + citation_text(record["quote"]["citation"]))
    for group in record["question_groups"]:
        yield "h2", _one_line(group["heading"])
        for entry in group["questions"]:
            yield "h3", _one_line(entry["question"])
            yield from _paragraphs("p", entry["answer"])
    for section in record.get("sections") or []:
        yield "h2", _one_line(section["heading"])
        yield from _paragraphs("p", section["text"])


def _sessions(record: Mapping[str, Any], advisors: Mapping[str, Any]) -> Iterator[Block]:
    if record.get("sessions"):
        yield "h2", ("Sessions",)
    for session in record.get("sessions") or []:
        yield "h3", _one_line(session_heading(session))
        time = " to ".join(session[key] for key in ("start_time", "end_time") if key in session)
        names = ", ".join(
            filter(None, (_named(advisors[x]) for x in session.get("advisors") or []))
        )
        audiences = ", ".join(session.get("audiences") or [])
        yield "p", _lines(
            f"For: {audiences}" if audiences else "",
            _labelled("Date", session, "date"),
            f"Time: {time}" if time else "",
            _labelled("Location", session, "location"),
            f"With: {names}" if names else "",
        )  # fmt: skip
        yield from _paragraphs("p", session["description"])


def _people(record: Mapping[str, Any], advisors: Mapping[str, Any]) -> Iterator[Block]:
    links = record.get("links") or []
    others = [x for x in links if x["kind"] != "advisor-profile"]
    listed = [x["label"] for x in others if norm(x["label"]) or x.get("url")]
    if listed:
        yield "h2", ("Links",)
    yield from (("ul/li", _one_line(label)) for label in listed)
    if advisors:
        yield "h2", ("Advisors",)
    for advisor in advisors.values():
        profiles = [x for x in links if x not in others and x["advisor"] == advisor["id"]]
        labels = [item["label"] for item in profiles]
        if advisor.get("profile_url") and not any(item.get("url") for item in profiles):
            labels.append("Profile")
        details = [advisor.get("role") or "", advisor.get("department") or ""]
        yield "p", _lines(_named(advisor), *details, _labelled("Email", advisor, "email"), *labels)
    for contact in record.get("contacts") or []:
        yield "h2", _one_line(contact.get("heading") or "Contact")
        person = contact if contact.get("name") else advisors.get(contact.get("advisor") or "")
        address = [contact.get(key) or "" for key in ("organization", "room", "street_address")]
        yield "p", _lines(
            _named(person) if person else "", *address, city_line(contact),
            _labelled("Email", contact, "email"), _labelled("Phone", contact, "phone"),
        )  # fmt: skip


def expected(record: Mapping[str, Any]) -> list[Block]:
    """The text a page shows, block by block and line by line: the record's text, laid out."""
    advisors = {advisor["id"]: advisor for advisor in record.get("advisors") or []}
    page = [*_head(record), *_sessions(record, advisors), *_people(record, advisors)]
    return _clean(page)


def given_links(record: Mapping[str, Any]) -> set[str]:
    """Where the record's links and e-mail addresses lead, each of which the page links to.

    Renderers may percent-encode characters of a URL, so a URL compares decoded; an e-mail address
    is not percent-encoded, so its link compares decoded with the address as it is.
    """
    links = {unquote(item["url"]) for item in record.get("links") or [] if item.get("url")}
    people = [*(record.get("advisors") or []), *(record.get("contacts") or [])]
    return links | {"mailto:" + person["email"] for person in people if person.get("email")}


def unexpected_links(view: View, renderer: str, record: Mapping[str, Any]) -> list[str]:
    """The links on a rendered page that the record does not give.

    GitHub links an e-mail address written in text (to 'mailto:' and the address, or to the text
    itself when it says 'mailto:' or 'xmpp:'), and nothing but markup would stop it; such a link
    is allowed when it leads exactly where the text says. A web address never is ('//').
    """
    profiles = [a["profile_url"] for a in record.get("advisors") or [] if a.get("profile_url")]
    allowed = given_links(record) | set(map(unquote, profiles))
    shown = "\n".join(line for _, lines in expected(record) for line in lines)

    def autolinked(href: str) -> bool:
        address = href.removeprefix("mailto:")
        return renderer == "cmark-gfm" and "@" in address and "//" not in href and address in shown

    return [
        href for href in map(unquote, view.hrefs) if href not in allowed and not autolinked(href)
    ]


def check_page(page: str, renderer: str, record: Mapping[str, Any]) -> None:
    """A page renders as exactly the record's text, with no markup and no links of its own."""
    view = rendered(page, renderer)
    assert view.markup == []
    assert unexpected_links(view, renderer, record) == []
    assert view.blocks == expected(record)
