"""A page's text as a browser copies it (or as a saved HTML page reads), line by line, with each
line's number in the file, and the capture note ``source: URL`` that may open it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from advising_content.page_import.html_text import html_lines

_SOURCE_NOTE = re.compile(r"source:\s*(\S+)\s*", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class PageLine:
    number: int  # counted from 1, in the file as given
    text: str  # with its spacing made plain: no surrounding spaces, single spaces inside


@dataclass(frozen=True, slots=True)
class PageText:
    path: Path
    lines: tuple[PageLine, ...]  # blank lines included, as ''
    source_url: str | None
    source_line: int | None


class PageReadError(Exception):
    """A page that cannot be read as text."""


def read_page(path: Path) -> PageText:
    """The lines of the page at ``path``: a text file, or a page saved as HTML."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PageReadError(f"{path}: cannot read it: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = f"byte {error.start + 1}"
        raise PageReadError(f"{path}: not UTF-8 text ({where}); save the page as UTF-8") from None
    if path.suffix.lower() in _HTML_SUFFIXES:
        found, canonical = html_lines(text)
        return _page(path, found, canonical)
    return _page(path, _LINE_END.split(text), None)


def plain(text: str) -> str:
    """A line with non-breaking and other odd spaces made plain and runs of spaces made one."""
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


def _page(path: Path, raw_lines: list[str], canonical: str | None) -> PageText:
    lines = [PageLine(number, plain(text)) for number, text in enumerate(raw_lines, start=1)]
    source_url, source_line = canonical, None
    first = next((line for line in lines if line.text), None)
    if first is not None and (note := _SOURCE_NOTE.fullmatch(first.text)):
        source_url, source_line = note.group(1), first.number
        lines = [line for line in lines if line is not first]
    return PageText(path, tuple(lines), source_url, source_line)
