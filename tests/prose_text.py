"""Text with paragraphs as the exports should write it, worked out from the schema's description
alone, to compare the exports with: each line break starts a paragraph, and a block of a list
is a paragraph or a bulleted list ``{"list": [...]}``."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

Record = dict[str, Any]


def blocks(prose: str | list[Any]) -> list[Any]:
    """Each line of a text a paragraph of its own, without its surrounding spaces."""
    written = [prose] if isinstance(prose, str) else prose
    found: list[Any] = []
    for block in written:
        if isinstance(block, str):
            found += [line.strip() for line in block.splitlines() if line.strip()]
        else:
            found.append(block)
    return found


def plain(prose: str | list[Any]) -> str:
    """Paragraphs separated by a blank line, each item of a list on a line after '- '."""
    return "\n\n".join(
        block if isinstance(block, str) else "\n".join(f"- {item}" for item in block["list"])
        for block in blocks(prose)
    )


def _holders(record: Record) -> Iterator[tuple[Record, str]]:
    """Each mapping holding text with paragraphs, with the key that holds it."""
    for name in ("quote", "description"):
        if name in record:
            yield record[name], "text"
    for group in record.get("question_groups", []):
        for question in group.get("questions", []):
            yield question, "answer"
    for section in record.get("sections", []):
        yield section, "text"
    for session in record.get("sessions", []):
        yield session, "description"


def with_prose(record: Record, write: Callable[[str | list[Any]], Any]) -> Record:
    """A copy of ``record`` whose every text with paragraphs is as ``write`` writes it."""
    converted = copy.deepcopy(record)
    for holder, key in _holders(converted):
        if key in holder:
            holder[key] = write(holder[key])
    return converted
