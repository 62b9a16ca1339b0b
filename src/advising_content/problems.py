"""A problem found in a content file: a small, sortable value that the reporters print.

Problems are made only by their rule (``rules.Rule.at``), which gives them its name and severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import total_ordering

JsonPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # about the report itself, such as how many problems are not shown


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One problem at one place of one file. Lines and columns are 1-based. Problems sort by
    file, line, column, rule and message."""

    path: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    rule: str
    message: str
    location: JsonPath = field(default=(), compare=False)

    def __lt__(self, other: object) -> bool:
        # What dataclass(order=True) would write, written once: each generated method costs
        # the start of every command a compilation.
        if not isinstance(other, Problem):
            return NotImplemented
        return _sort_key(self) < _sort_key(other)

    @property
    def pointer(self) -> str:
        """The JSON pointer (RFC 6901) of the value the problem is about."""
        return json_pointer(self.location)


def _sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.path, problem.line, problem.column, problem.rule, problem.message)


def json_pointer(location: JsonPath) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in location)
