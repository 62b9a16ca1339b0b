"""The lines of a text on a page (an answer, a section, a quote) gathered into paragraphs and
bulleted lists, and written as the record writes text with paragraphs."""

from __future__ import annotations

from typing import Any

from advising_content.page_import.line_kinds import bullet

Blocks = list[Any]  # paragraphs (str) and lists ({"list": [...]})


def add_line(blocks: Blocks, text: str) -> None:
    """One more line of a text: a paragraph, or an item of a bulleted list."""
    item = bullet(text)
    if item is None:
        blocks.append(text)
    elif blocks and isinstance(blocks[-1], dict):
        blocks[-1]["list"].append(item)
    else:
        blocks.append({"list": [item]})


def written(blocks: Blocks) -> str | Blocks:
    """Paragraphs as one text, a paragraph per line; with a list, the list of blocks."""
    if all(isinstance(block, str) for block in blocks):
        return "\n".join(blocks)
    return blocks


def without_marks(blocks: Blocks, opening: str, closing: str) -> Blocks:
    """A quote's text without the quotation mark that opens it and the one that closes it."""
    if blocks and isinstance(blocks[0], str) and blocks[0][:1] in opening:
        blocks[0] = blocks[0][1:].lstrip()
    if blocks and isinstance(blocks[-1], str) and blocks[-1][-1:] in closing:
        blocks[-1] = blocks[-1][:-1].rstrip()
    return [block for block in blocks if block]
