"""How a Markdown page reads once rendered, and the page a record must read as.

Each renderer's HTML is read as a browser shows it (entities decoded, ``<br>`` a line break);
``check_page`` compares that, block by block and line by line, with a model of the record's text
(``markdown_model``), and fails on any other element, any attribute but ``href`` on ``<a>``, and
any link the record does not give. Shared by the Markdown tests and the property tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

import cmarkgfm
import markdown
import mistune
from markdown_it import MarkdownIt

from markdown_model import Block, clean, expected, norm

RENDERERS: dict[str, Callable[[str], str]] = {
    "markdown-it": MarkdownIt("commonmark").render,
    "cmark-gfm": cmarkgfm.github_flavored_markdown_to_html,
    "python-markdown": lambda text: markdown.markdown(text, extensions=["extra"]),
    "mistune": lambda text: str(mistune.html(text)),
}
# The elements a page is made of; any other element is content read as markup.
STRUCTURE = {"h1", "h2", "h3", "p", "ul", "li", "blockquote"}
ALLOWED_TAGS = STRUCTURE | {"a", "br", "hr"}
BLOCKS = {"h1", "h2", "h3", "p", "li"}
VOID = {"br", "hr", "img", "input", "wbr", "col", "source", "meta", "link"}
# Stands for <br> in a block's text: a record's text holds no control characters.
BREAK = "\x00"

__all__ = ["RENDERERS", "View", "check_page", "expected", "given_links", "norm", "rendered"]


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
        if tag == "hr":
            self.view.blocks.append(("hr", ()))
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

    def handle_comment(self, data: str) -> None:
        # The export's separator between two lists, which cmark-gfm shows as omitted HTML.
        if self.texts or data not in (" ", " raw HTML omitted "):
            self._other_markup(f"--{data}--")

    handle_decl = handle_pi = unknown_decl = _other_markup


def rendered(page: str, renderer: str) -> View:
    """How a renderer shows a Markdown page."""
    reader = _Reader()
    reader.feed(RENDERERS[renderer](page))
    reader.close()
    assert reader.open == []
    reader.view.blocks = clean(reader.view.blocks)
    return reader.view


def given_links(record: Mapping[str, Any]) -> set[str]:
    """Where the record's links, e-mail addresses and source lead, each of which the page
    links to.

    Renderers may percent-encode characters of a URL, so a URL compares decoded; an e-mail address
    is not percent-encoded, so its link compares decoded with the address as it is.
    """
    urls = [item.get("url") for item in [record.get("source") or {}, *record.get("links", [])]]
    links = {unquote(url) for url in urls if url}
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
