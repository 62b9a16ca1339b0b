"""From the validator's problems to the mends of each scalar they are about: the validator
says which values need quotes (where the schema wants text) and which texts have special or
surrounding spaces; the mends follow from where each scalar is written."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from advising_content.mending import MENDABLE_RULES
from advising_content.mending.changes import Change, Mend, ScalarMend
from advising_content.mending.edits import Edit
from advising_content.mending.scalars import Parsed, Scalar
from advising_content.mending.spaces import space_changes
from advising_content.problems import JsonPath, Problem
from advising_content.reading.implicit import IMPLICIT_TYPE


@dataclass
class _Wanted:
    scalar: Scalar
    location: JsonPath
    rules: set[str] = field(default_factory=set)


def planned(text: str, parsed: Parsed, problems: Iterable[Problem]) -> list[ScalarMend]:
    """The mends of the scalars that ``problems`` of a mendable rule are about, in order."""
    by_position = {(scalar.line, scalar.column): scalar for scalar in parsed.scalars}
    wanted: dict[int, _Wanted] = {}
    for problem in problems:
        scalar = by_position.get((problem.line, problem.column))
        if problem.rule not in MENDABLE_RULES or scalar is None:
            continue
        entry = wanted.setdefault(scalar.index, _Wanted(scalar, problem.location))
        entry.rules.add(problem.rule)
    mends = []
    for index in sorted(wanted):
        entry = wanted[index]
        changes = _changes(text, entry)
        if changes:
            location = None if entry.scalar.is_key else entry.location
            mends.append(ScalarMend(entry.scalar, location, tuple(changes)))
    return mends


def _changes(text: str, entry: _Wanted) -> list[Change]:
    if IMPLICIT_TYPE.name in entry.rules:
        quoting = quoting_change(text, entry.scalar)
        return [] if quoting is None else [quoting]
    return space_changes(text, entry.scalar)


def quoting_change(text: str, scalar: Scalar) -> Change | None:
    """Put double quotes around an unquoted value written on one line, as it is written."""
    if scalar.style or not scalar.value or text[scalar.start : scalar.end] != scalar.value:
        return None
    escaped = scalar.value.replace("\\", "\\\\").replace('"', '\\"')
    return Change(Mend.QUOTE, (Edit(scalar.start, scalar.end, f'"{escaped}"'),))
