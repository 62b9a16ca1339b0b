"""Which characters of a text are mended, and how: what the validator's special-space and
whitespace rules report."""

from __future__ import annotations

# Spaces that do not break a line: each becomes an ordinary space.
BECOMES_SPACE = frozenset("\u00a0\u202f\u2007")
# Zero-width characters: each is removed.
REMOVED = frozenset("\u200b\u200c\u200d\u2060\ufeff")
SPECIAL = BECOMES_SPACE | REMOVED
# A zero-width joiner or non-joiner between two characters beyond ASCII may shape them (an
# emoji sequence, a letter of some scripts): it is left, for the editor to judge.
_JOINERS = frozenset("\u200c\u200d")


def removable(value: str, index: int) -> bool:
    """Whether the character at ``index`` is a zero-width character to remove."""
    character = value[index]
    if character not in REMOVED:
        return False
    if character not in _JOINERS:
        return True
    return not (_shaped(_beside(value, index, -1)) and _shaped(_beside(value, index, 1)))


def _beside(value: str, index: int, step: int) -> str:
    """The nearest character before (step -1) or after (step 1) ``index`` that is not
    zero-width, so that what is kept does not depend on what is removed beside it."""
    index += step
    while 0 <= index < len(value) and value[index] in REMOVED:
        index += step
    return value[index] if 0 <= index < len(value) else ""


def _shaped(character: str) -> bool:
    return bool(character) and not character.isascii() and not character.isspace()


def edges(value: str) -> tuple[int, int]:
    """How many characters at the start and at the end of ``value`` are spaces (of any kind),
    line breaks or zero-width characters to remove; (0, 0) when nothing else would remain."""
    lead = 0
    while lead < len(value) and _edge(value, lead):
        lead += 1
    trail = 0
    while trail < len(value) - lead and _edge(value, len(value) - 1 - trail):
        trail += 1
    if lead + trail >= len(value):
        return 0, 0
    return lead, trail


def _edge(value: str, index: int) -> bool:
    return value[index].isspace() or removable(value, index)


def special_indexes(value: str) -> list[int]:
    return [index for index, character in enumerate(value) if character in SPECIAL]
