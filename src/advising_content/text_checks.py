"""Checks of each text of a record: what a page would not show, or would show wrongly.

Each check is one function of a text and its field's name, returning the message of its problem
or None; ``text_rule`` defines the check's rule beside it and adds it to ``TEXT_CHECKS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from advising_content.problems import Severity
from advising_content.rules import Rule, rule
from advising_content.spreadsheets import FORMULA_STARTS
from advising_content.wording import quoted

PLACEHOLDER = "TODO"
# Tab and carriage return begin a formula too, and are reported as surrounding whitespace.
_FORMULA_STARTS = tuple(start for start in FORMULA_STARTS if not start.isspace())
_QUIET_STARTS = (" ", *_FORMULA_STARTS)
_ALTERNATIVES = ", ".join(f"`{s}`" for s in _FORMULA_STARTS[:-1]) + f" or `{_FORMULA_STARTS[-1]}`"
_SPECIAL_SPACES = {
    "\u00a0": "a non-breaking space (U+00A0)",
    "\u202f": "a narrow non-breaking space (U+202F)",
    "\u2007": "a figure space (U+2007)",
    "\u200b": "a zero-width space (U+200B)",
    "\u200c": "a zero-width non-joiner (U+200C)",
    "\u200d": "a zero-width joiner (U+200D)",
    "\u2060": "a word joiner (U+2060)",
    "\ufeff": "a zero-width no-break space (U+FEFF)",
}
_SPECIAL_SPACE = re.compile("[" + "".join(_SPECIAL_SPACES) + "]")
# Characters no page shows: C0 controls other than tab and line ends, DEL, and C1 controls
# other than the next-line character, which YAML reads as a line end.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")

TextCheck = Callable[[str, str], str | None]
TEXT_CHECKS: list[tuple[Rule, TextCheck]] = []


def text_rule(name: str, severity: Severity, meaning: str) -> Callable[[TextCheck], TextCheck]:
    """Define the rule that the decorated check of a text reports."""
    defined = rule(name, severity, meaning)

    def add(check: TextCheck) -> TextCheck:
        TEXT_CHECKS.append((defined, check))
        return check

    return add


@text_rule("control-character", Severity.ERROR, "an invisible control character inside text")
def control_character(field: str, value: str) -> str | None:
    found = _CONTROL.search(value)
    if found is None:
        return None
    return (
        f"{field} contains the control character U+{ord(found.group()):04X}"
        f"{_where_in(value, found.start())}, which no page shows; remove it"
    )


@text_rule("placeholder", Severity.ERROR, "text still containing `TODO`")
def placeholder(field: str, value: str) -> str | None:
    if PLACEHOLDER not in value:
        return None
    return f"{field} still holds the placeholder '{PLACEHOLDER}'; replace it with the real text"


@text_rule("whitespace", Severity.WARNING, "text with spaces at its start or end")
def whitespace(field: str, value: str) -> str | None:
    if value == value.strip() or not value.strip():  # only spaces: an empty text
        return None
    where = "begins" if value[0].isspace() else "ends"
    if value[0].isspace() and value[-1].isspace():
        where = "begins and ends"
    hint = "remove it"
    if value.endswith("\n"):
        hint = "for a block of text, write '>-' or '|-' after the colon, not '>' or '|'"
    return f"{field} {where} with a space or line break; {hint}"


@text_rule(
    "formula-like",
    Severity.WARNING,
    f"text beginning with {_ALTERNATIVES}, which spreadsheets read as a formula",
)
def formula_like(field: str, value: str) -> str | None:
    if not value.startswith(_FORMULA_STARTS):
        return None
    return (
        f"{field} begins with '{value[0]}', which spreadsheet programs may read as the start "
        "of a formula; if you can, reword it to begin with a letter or a digit (the CSV export "
        "for spreadsheets puts a ' before it)"
    )


@text_rule("special-space", Severity.WARNING, "a non-breaking or zero-width space inside text")
def special_space(field: str, value: str) -> str | None:
    found = _SPECIAL_SPACE.search(value)
    if found is None:
        return None
    return (
        f"{field} contains {_SPECIAL_SPACES[found.group()]}{_where_in(value, found.start())}; "
        "replace it with an ordinary space, or remove it"
    )


def unremarkable(value: str) -> bool:
    """True when no check of a text can find a problem in ``value``, as most texts: it is
    printable (so it holds no control character and no special space, and its only blank is the
    space), holds no placeholder, and neither begins with a space or a formula character nor
    ends with a space."""
    return (
        value.isprintable()
        and PLACEHOLDER not in value
        and not value.startswith(_QUIET_STARTS)
        and not value.endswith(" ")
    )


def all_unremarkable(values: list[str]) -> bool:
    """Whether ``unremarkable`` holds for each of ``values``, told for all of them at once: the
    texts joined by '|' are printable if each is, hold the placeholder only if one does, and
    have '|' before a space or a formula character, or a space before '|', if one text begins
    or ends with it (or if a text holds such a pair, when False says only: look at each)."""
    joined = "|".join(values)
    return (
        unremarkable(joined)
        and " |" not in joined
        and not any(f"|{start}" in joined for start in _QUIET_STARTS)
    )


def _where_in(value: str, index: int) -> str:
    """Where a character is in a text: " after 'word'", or " at its start"."""
    before = value[max(0, index - 20) : index].split()
    return f" after {quoted(before[-1], 20)}" if before else " at its start"
