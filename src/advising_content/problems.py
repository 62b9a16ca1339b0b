"""A problem found in a content file: a small, sortable value that the reporters print.

Problems are made only by their rule (``rules.Rule.at``), which gives them its name and severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

JsonPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # about the report itself, such as how many problems are not shown


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place of one file. Lines and columns are 1-based."""

    path: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    rule: str
    message: str
    location: JsonPath = field(default=(), compare=False)

    @property
    def pointer(self) -> str:
        """The JSON pointer (RFC 6901) of the value the problem is about."""
        return json_pointer(self.location)


def json_pointer(location: JsonPath) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in location)
