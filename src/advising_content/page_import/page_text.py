"""A page's text as a browser copies it (or as a saved HTML page reads), line by line, with each
line's number in the file, and the capture note ``source: URL`` that may open it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from advising_content.page_import.html_text import html_lines

_SOURCE_NOTE = re.compile(r"source:\s*(\S+)\s*", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# How a .docx (a zip), an old .doc and a PDF begin.
_BINARY = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")


@dataclass(frozen=True, slots=True)
class PageLine:
    number: int  # counted from 1, in the file as given
    text: str  # with its spacing made plain: no surrounding spaces, single spaces inside
    site: bool = False  # of the site around the page (a saved page's header, nav or footer)


@dataclass(frozen=True, slots=True)
class PageText:
    path: Path
    lines: tuple[PageLine, ...]  # blank lines included, as ''
    source_url: str | None
    source_line: int | None
    addresses: dict[tuple[int, str], str]  # (line, text): the address of a link it holds


class PageReadError(Exception):
    """A page that cannot be read as text."""


def read_page(path: Path) -> PageText:
    """The lines of the page at ``path``: a text file, or a page saved as HTML."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PageReadError(f"{path}: cannot read it: {error.strerror or error}") from None
    text = _decoded(path, raw)
    if path.suffix.lower() in _HTML_SUFFIXES:
        found = html_lines(text)
        page = _page(path, found.lines, found.canonical, found.site_lines)
        page = _with_addresses(page, found.lines, found.addresses)
    else:
        page = _page(path, list(enumerate(_LINE_END.split(text), start=1)), None, set())
    if not any(line.text for line in page.lines):
        raise PageReadError(f"{path}: the page has no text; paste the page's text into it")
    return page


def _decoded(path: Path, raw: bytes) -> str:
    if raw.startswith(_BINARY):
        raise PageReadError(
            f"{path}: a Word document or other binary file, not text; open the page in a "
            "browser, select all, copy, and paste into a .txt file"
        )
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise PageReadError(
            f"{path}: not UTF-8 text (byte {error.start + 1}); save it again choosing the "
            "UTF-8 encoding"
        ) from None


def plain(text: str) -> str:
    """A line with non-breaking and other odd spaces made plain and runs of spaces made one."""
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


def _page(
    path: Path, numbered: list[tuple[int, str]], canonical: str | None, site: set[int]
) -> PageText:
    lines = [
        PageLine(number, plain(text), index in site)
        for index, (number, text) in enumerate(numbered)
    ]
    source_url, source_line = canonical, None
    first = next((line for line in lines if line.text), None)
    if first is not None and (note := _SOURCE_NOTE.fullmatch(first.text)):
        source_url, source_line = note.group(1), first.number
        lines = [line for line in lines if line is not first]
    return PageText(path, tuple(lines), source_url, source_line, {})


def _with_addresses(
    page: PageText, numbered: list[tuple[int, str]], addresses: dict[int, str]
) -> PageText:
    """The page with the address of each link it shows, made absolute from its own address."""
    found = {}
    for index, href in addresses.items():
        number, text = numbered[index]
        url = urljoin(page.source_url or "", href.strip())
        if urlsplit(url).scheme in ("http", "https"):
            found[(number, plain(text))] = url
    return replace(page, addresses=found)
