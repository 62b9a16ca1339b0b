"""Where each value of a loaded YAML file was written, so that problems point at the exact spot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from advising_content.problems import JsonPath


class Position(NamedTuple):
    """A 1-based line and column, ordered as they are in a file."""

    line: int
    column: int


START = Position(1, 1)


class ImplicitScalar(NamedTuple):
    """An unquoted value that YAML read as something other than text: what was written, and
    what YAML took it for, in an editor's words."""

    text: str
    kind: str


class Positions(Protocol):
    """Where the values of a loaded file are written, and what its reading already reported."""

    def value_at(self, location: JsonPath) -> Position:
        """Where the value at ``location`` starts, or where its nearest written ancestor does."""

    def key_at(self, location: JsonPath) -> Position:
        """Where the key of the mapping entry at ``location`` is written."""

    def implicit_at(self, location: JsonPath) -> ImplicitScalar | None:
        """The unquoted value at ``location`` that YAML read as something other than text."""

    def was_reported(self, location: JsonPath) -> bool:
        """Whether a problem of YAML itself is already reported at ``location``."""


@dataclass
class SourceMap:
    """The positions of a file read in full, recorded as it is read."""

    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    implicit: dict[JsonPath, ImplicitScalar] = field(default_factory=dict)
    # Locations whose YAML problem is already reported; schema problems there would only repeat it.
    reported: set[JsonPath] = field(default_factory=set)

    def value_at(self, location: JsonPath) -> Position:
        """Where the value at ``location`` starts, or where its nearest written ancestor does."""
        while location:
            position = self.values.get(location)
            if position is not None:
                return position
            location = location[:-1]
        return self.values.get((), START)

    def key_at(self, location: JsonPath) -> Position:
        """Where the key of the mapping entry at ``location`` is written."""
        return self.keys.get(location) or self.value_at(location)

    def implicit_at(self, location: JsonPath) -> ImplicitScalar | None:
        return self.implicit.get(location)

    def was_reported(self, location: JsonPath) -> bool:
        return location in self.reported
