"""What the checks of one file share while it is read."""

from __future__ import annotations

from dataclasses import dataclass

from yaml.events import Event

from advising_content.file_problems import FileProblems
from advising_content.problems import JsonPath
from advising_content.rules import Rule
from advising_content.source_map import START, Position, SourceMap


class Abandon(Exception):
    """The file goes past a limit: reading it further would serve no one."""


@dataclass
class Reading:
    """What the checks of one file share while it is read."""

    path: str
    text: str
    problems: FileProblems
    source_map: SourceMap

    def report(self, found: Rule, position: Position, message: str, location: JsonPath) -> None:
        self.problems.add(found.at(self.path, position, message, location))


def position_of(event: Event) -> Position:
    mark = event.start_mark
    return START if mark is None else Position(mark.line + 1, mark.column + 1)
