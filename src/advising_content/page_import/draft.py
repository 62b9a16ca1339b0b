"""What reading a page gives: the record's parts in page order, and what the report says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Note:
    line: int  # the page's line the note is about
    text: str


@dataclass
class Draft:
    """A record read from a page, before it is given its id and institution."""

    parts: dict[str, Any] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    lines_of: dict[str, int] = field(default_factory=dict)  # block id: its first line
    inferred: list[Note] = field(default_factory=list)
    left_out: list[Note] = field(default_factory=list)
    unplaced: list[Note] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    custom: list[Note] = field(default_factory=list)  # questions the bank lacks
    cut: Note | None = None
    comments: dict[tuple[int, str], str] = field(default_factory=dict)  # (id(mapping), key)

    def collection(self, name: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.parts.setdefault(name, [])
        return found

    def place(self, block_id: str, line: int) -> None:
        """Put a block on the page, after those before it."""
        if block_id not in self.order:
            self.order.append(block_id)
            self.lines_of[block_id] = line

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``…, whichever no block has yet."""
        taken = set(self.order) | {
            entry.get("id") for name in ("advisors", "links") for entry in self.parts.get(name, [])
        }
        candidate, number = wanted, 2
        while candidate in taken:
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate
