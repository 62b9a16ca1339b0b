"""Write record text into CommonMark so that it renders as exactly that text, never as markup."""

from __future__ import annotations

import re

# Characters that start emphasis, code, links, raw HTML, entities, headings, tables or
# strikethrough anywhere in a line; a backslash makes each of them literal.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#!])")
# Characters that start a block (list, quote, heading underline) at the start of a line.
_LINE_START = re.compile(r"^([-+=>])")
# An ordered-list marker: digits, then '.' or ')'.
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _line(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text.strip(" \t"))
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED_MARKER.sub(r"\1\\\2", text)


def _unify_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def inline(text: str) -> str:
    """Text on one line, such as a heading or a list item: line breaks become spaces."""
    return _line(" ".join(_unify_line_ends(text).split("\n")))


def paragraphs(text: str) -> list[str]:
    """Text as Markdown paragraphs: a blank line starts a paragraph, a line break is kept."""
    blocks = _BLANK_LINE.split(_unify_line_ends(text).strip("\n"))
    result = []
    for block in blocks:
        lines = [_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            result.append("\\\n".join(lines))
    return result


def link(label: str, url: str) -> str:
    """A link; a valid record's URL holds no spaces, angle brackets or line breaks."""
    return f"[{inline(label)}](<{url}>)"
