"""The problems of one file: collected up to a limit, then reported with the first ones shown
and the rest counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from advising_content.problems import Problem, Severity
from advising_content.rules import rule
from advising_content.source_map import Position

# A file with more problems than this shows only the first ones, then a count of the rest.
SHOWN_PER_FILE = 100
# Checking a file stops once it has this many problems: the rest could only repeat them, and a
# hostile file can hold hundreds of thousands.
CHECKED_PER_FILE = 10_000
# The longest message a problem may carry; values echoed in messages are shortened long before.
MAX_MESSAGE_CHARS = 1000

TOO_MANY_PROBLEMS = rule(
    "too-many-problems",
    Severity.NOTE,
    f"a file's problems beyond its first {SHOWN_PER_FILE}, counted by rule; checking a file "
    f"stops at {CHECKED_PER_FILE:,}",
)


class TooManyProblems(Exception):
    """A file has reached ``CHECKED_PER_FILE`` problems: checking it further serves no one."""


class FileProblems:
    """The problems found in one file so far; adding the last one allowed stops the check."""

    def __init__(self, limit: int | None = CHECKED_PER_FILE) -> None:
        self.found: list[Problem] = []
        self.limit = limit

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else self.limit - len(self.found)

    def add(self, problem: Problem) -> None:
        if len(problem.message) > MAX_MESSAGE_CHARS:
            problem = replace(problem, message=problem.message[: MAX_MESSAGE_CHARS - 1] + "…")
        self.found.append(problem)
        if self.limit is not None and len(self.found) >= self.limit:
            raise TooManyProblems

    def extend(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.add(problem)


class ShownProblems(NamedTuple):
    """A file's problems as reported: the first ``SHOWN_PER_FILE``, then one line counting the
    rest by rule; and the counts of all of them."""

    problems: list[Problem]
    errors: int
    warnings: int


def shown_problems(path: str, found: list[Problem], stopped: bool) -> ShownProblems:
    """Sort ``found``, keep the first ones, and sum up the rest in one problem."""
    ordered = sorted(found)
    errors = sum(problem.severity is Severity.ERROR for problem in ordered)
    warnings = sum(problem.severity is Severity.WARNING for problem in ordered)
    shown, omitted = ordered[:SHOWN_PER_FILE], ordered[SHOWN_PER_FILE:]
    if omitted:
        shown.append(_more_problems(path, omitted, stopped))
    return ShownProblems(shown, errors, warnings)


def _more_problems(path: str, omitted: list[Problem], stopped: bool) -> Problem:
    by_rule = sorted(Counter(problem.rule for problem in omitted).items(), key=_most_first)
    details = ", ".join(f"{number:,} {name}" for name, number in by_rule)
    message = f"{len(omitted):,} more problems in this file are not shown ({details})"
    if stopped:
        message += f", and it was not checked past its first {CHECKED_PER_FILE:,} problems"
    message += "; fix the problems above, then validate again"
    first = omitted[0]
    return TOO_MANY_PROBLEMS.at(path, Position(first.line, first.column), message)


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
