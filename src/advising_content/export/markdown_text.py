"""Write record text into Markdown so that it renders as exactly that text, never as markup.

The page must read the same in CommonMark (markdown-it), GitHub (cmark-gfm), Python-Markdown
with its "extra" extensions (MkDocs) and mistune. So a character is escaped with a backslash only
if all of them honour that escape; any other character that could start markup is written as a
character reference, which the CommonMark renderers decode and Python-Markdown passes on to the
browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from advising_content.prose import prose_blocks

# A hard line break that all four renderers understand (Python-Markdown ignores backslash-newline).
LINE_BREAK = "  \n"

# Anywhere in a line: emphasis, code, links, images, attribute lists ({: ...}), headings, raw
# HTML, entities, tables, strikethrough and fences; and the '.' of 'www.' and the ':' of '://',
# which GitHub turns into links on sight (and would put our backslashes into the address).
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]{}#!&<>|~]|(?<=www)\.|:(?=//)", re.IGNORECASE)
# What most text lacks, found faster: where none of it is, _INLINE_SPECIAL finds nothing.
_SPECIAL = re.compile(r"[\\`*_\[\]{}#!&<>|~]")
# At the start of a line: a list item, a numbered list item, a setext heading underline and a
# definition (Python-Markdown's def_list).
_LINE_START = re.compile(r"^(?:[-+=:]|[0-9]+[.)])")
# Python-Markdown does not honour a backslash before these.
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", ":": "&#58;"}
# In a link's label, brackets too: Python-Markdown reads a line that starts '[label\]: ' as a
# reference definition, escaped or not.
_LABEL_REFERENCES = {**_REFERENCES, "[": "&#91;", "]": "&#93;"}
_BLANK_LINE = re.compile(r"\n\s*\n")
# Besides letters, digits and '-._~', what an e-mail address may hold that a mailto: URI keeps as
# it is (RFC 6068); any other character, such as '`', '{', '|', '&' or '?', is percent-encoded.
_MAILTO_SAFE = "@!$'*+"


def _line_start_escape(match: re.Match[str]) -> str:
    mark = match[0]
    if mark in "=:":
        return f"&#{ord(mark)};"
    return mark[:-1] + "\\" + mark[-1]


def _line(text: str, references: Mapping[str, str] = _REFERENCES) -> str:
    # Renderers disagree on which leading and trailing whitespace they keep, and leading spaces
    # would start a code block, so none is written.
    text = text.strip()
    if _SPECIAL.search(text) or "://" in text or "www." in text.lower():
        text = _INLINE_SPECIAL.sub(lambda match: references.get(match[0], "\\" + match[0]), text)
    return _LINE_START.sub(_line_start_escape, text) if _LINE_START.match(text) else text


def _unify_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _one_line(text: str) -> str:
    return " ".join(_unify_line_ends(text).split("\n"))


def inline(text: str) -> str:
    """Text on one line, such as a heading or a list item: line breaks become spaces."""
    return _line(_one_line(text))


def paragraphs(text: str) -> list[str]:
    """Text as Markdown paragraphs: a blank line (or one of only whitespace) starts a paragraph,
    and a line break is kept as a hard line break."""
    result = []
    for block in _BLANK_LINE.split(_unify_line_ends(text)):
        lines = [_line(line) for line in block.split("\n") if line.strip()]
        if lines:
            result.append(LINE_BREAK.join(lines))
    return result


def prose(value: str | Sequence[Any]) -> list[str]:
    """Text with paragraphs and lists (see ``advising_content.prose``) as Markdown blocks: a
    paragraph per paragraph, and a bulleted list per list."""
    # Each paragraph and each item of prose_blocks is already one line.
    return [
        _line(block) if isinstance(block, str) else "\n".join(f"- {_line(item)}" for item in block)
        for block in prose_blocks(value)
    ]


def separated(blocks: Iterable[str]) -> Iterator[str]:
    """Markdown blocks in order, with an empty comment between two lists that follow each other:
    without one, every renderer reads them as one list."""
    previous = ""
    for block in blocks:
        if previous.startswith("- ") and block.startswith("- "):
            yield "<!-- -->"
        yield block
        previous = block


def _label(text: str) -> str:
    label = _line(_one_line(text), _LABEL_REFERENCES)
    # mistune reads '[^' as the start of a footnote reference.
    return "&#94;" + label[1:] if label.startswith("^") else label


def link(label: str, url: str) -> str:
    """A link to a URL that the record gives.

    A valid URL holds no spaces, angle brackets, backslashes, backticks or line breaks; only its
    '&' could be read as the start of a character reference.
    """
    return f"[{_label(label)}](<{url.replace('&', '&amp;')}>)"


def email_link(address: str) -> str:
    """A link to an e-mail address that the record gives, showing the address."""
    return link(address, "mailto:" + quote(address, safe=_MAILTO_SAFE))
