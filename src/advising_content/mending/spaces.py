"""Mending the special spaces of a text, and the spaces at its start and end, inside the
scalar's own style: each character is changed where it is written, as itself or as an escape."""

from __future__ import annotations

from advising_content.mending import blocks
from advising_content.mending.changes import Change, Mend
from advising_content.mending.characters import (
    BECOMES_SPACE,
    SPECIAL,
    edges,
    removable,
    special_indexes,
)
from advising_content.mending.edits import Edit
from advising_content.mending.scalars import Scalar
from advising_content.mending.tokens import Token, block_tokens, flow_tokens

BLOCK_STYLES = ("|", ">")


def space_changes(text: str, scalar: Scalar) -> list[Change]:
    """The changes that mend the special spaces of ``scalar`` and trim its value; those that
    cannot be made safely in its style are left out."""
    value = scalar.value
    lead, trail = edges(value)
    block = scalar.style in BLOCK_STYLES
    tokens = block_tokens(text, scalar) if block else flow_tokens(text, scalar)
    if tokens is None:
        return []
    changes: list[Change | None] = []
    if lead:
        changes.append(
            blocks.leading_change(text, scalar, lead) if block else _leading(tokens, value, lead)
        )
    if trail:
        changes.append(
            blocks.trailing_change(text, scalar, trail)
            if block
            else _trailing(tokens, value, trail)
        )
    changes += _inner(tokens, value, lead, len(value) - trail)
    return [change for change in changes if change is not None]


def _leading(tokens: list[Token], value: str, lead: int) -> Change | None:
    """Remove the first ``lead`` characters, when each is written by a token of its own."""
    taken = tokens[:lead]
    if [token.char for token in taken] != list(value[:lead]):
        return None
    return Change(Mend.TRIM, (Edit(taken[0].start, taken[-1].end, ""),), Edit(0, lead, ""))


def _trailing(tokens: list[Token], value: str, trail: int) -> Change | None:
    taken = tokens[len(tokens) - trail :] if trail <= len(tokens) else []
    if [token.char for token in taken] != list(value[len(value) - trail :]):
        return None
    edit = Edit(taken[0].start, taken[-1].end, "")
    return Change(Mend.TRIM, (edit,), Edit(len(value) - trail, len(value), ""))


def _inner(tokens: list[Token], value: str, low: int, high: int) -> list[Change]:
    """Replace or remove each special space between ``low`` and ``high``: the n-th special
    character written is the n-th of the value (YAML neither makes nor drops one)."""
    written = [token for token in tokens if token.char is not None and token.char in SPECIAL]
    indexes = special_indexes(value)
    if [token.char for token in written] != [value[index] for index in indexes]:
        return []
    changes = []
    for token, index in zip(written, indexes, strict=True):
        if not low <= index < high:
            continue
        if value[index] in BECOMES_SPACE:
            edit = Edit(token.start, token.end, " ")
            changes.append(Change(Mend.SPACE, (edit,), Edit(index, index + 1, " ")))
        elif removable(value, index):
            edit = Edit(token.start, token.end, "")
            changes.append(Change(Mend.ZERO_WIDTH, (edit,), Edit(index, index + 1, "")))
    return changes
