"""Holding mends to what they mean: the mended text must read as the same data, every value
and its type, but for the values mended, which read as planned."""

from __future__ import annotations

from collections.abc import Sequence

from advising_content.mending.changes import ScalarMend, edits_of
from advising_content.mending.edits import Overlap, spliced
from advising_content.mending.scalars import Parsed, Signature, SyntaxFailure, parsed

# Past this many mends in a file whose mends fail together, trying each alone costs too much.
TRIED_ALONE = 200


def verified(text: str, before: Parsed, mends: Sequence[ScalarMend]) -> list[ScalarMend]:
    """The mends to make: all of them when together they read as planned; otherwise those that
    do each alone, when together they still do; else none."""
    if not mends or reads_as_planned(text, before, mends):
        return list(mends)
    if len(mends) > TRIED_ALONE:
        return []
    kept = [mend for mend in mends if reads_as_planned(text, before, [mend])]
    return kept if kept and reads_as_planned(text, before, kept) else []


def reads_as_planned(text: str, before: Parsed, mends: Sequence[ScalarMend]) -> bool:
    """Whether ``text`` with ``mends`` made parses into the same events as it did, but for the
    values mended, which read as their mends planned."""
    expected = list(before.signatures)
    for mend in mends:
        expected[mend.scalar.index] = _planned(expected[mend.scalar.index], mend)
    try:
        after = parsed(spliced(text, edits_of(mends)))
    except (SyntaxFailure, Overlap):
        return False
    return after.signatures == expected


def _planned(signature: Signature, mend: ScalarMend) -> Signature:
    kind, anchor, _, _ = signature
    return (kind, anchor, mend.tag, mend.value)
