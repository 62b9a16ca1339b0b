"""Text with paragraphs and lists, as a record writes it and as exports read it.

A record writes such text as one string or as a list of blocks (see ``$defs/prose`` in the
schema). In a string, each line break starts a new paragraph, so a blank line between paragraphs
gives one whether YAML folds the block (``>-``) or keeps its lines (``|-``). A block is a
paragraph or a bulleted list (``{list: [...]}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

Paragraph = str
BulletList = tuple[str, ...]
Block = Paragraph | BulletList

_LINE_END = re.compile(r"\r\n|\r|\n|\u0085|\u2028|\u2029")


def prose_blocks(value: str | Sequence[Any]) -> list[Block]:
    """The paragraphs (text) and bulleted lists (tuples of items) of a prose value, in order."""
    items = [value] if isinstance(value, str) else list(value)
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, str):
            blocks += [line.strip() for line in _LINE_END.split(item) if line.strip()]
        else:
            blocks.append(tuple(_one_line(entry) for entry in item["list"]))
    return blocks


def _one_line(item: str) -> str:
    # A list item is one line: its line breaks join its lines as a paragraph's words are joined.
    return " ".join(line.strip() for line in _LINE_END.split(item) if line.strip())


def normalized(value: str | Sequence[Any]) -> list[str | dict[str, list[str]]]:
    """A prose value as a list of blocks, each text exactly one paragraph: the form the JSON
    export writes, which the schema accepts as it is."""
    return [
        block if isinstance(block, str) else {"list": list(block)} for block in prose_blocks(value)
    ]


def plain_text(value: str | Sequence[Any]) -> str:
    """A prose value as plain text: paragraphs separated by a blank line, and each item of a
    list on a line of its own, after '- '."""
    return "\n\n".join(
        block if isinstance(block, str) else "\n".join(f"- {item}" for item in block)
        for block in prose_blocks(value)
    )
