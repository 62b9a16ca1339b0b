"""The text format: one line per problem, 'path:line:col: severity: message (rule)'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advising_content.display import shown, shown_path
from advising_content.reports import Reporter
from advising_content.reports.summary import lines_then_summary

if TYPE_CHECKING:
    from advising_content.problems import Problem
    from advising_content.validation import ValidationReport


def text_line(problem: Problem) -> str:
    return (
        f"{shown_path(problem.path)}:{problem.line}:{problem.column}: {problem.severity}: "
        f"{shown(problem.message)} ({problem.rule})"
    )


def _render(report: ValidationReport, strict: bool) -> str:
    return lines_then_summary(report, strict, text_line)


REPORTER = Reporter(
    name="text",
    order=1,
    prints="a line per problem, path:line:col: severity: message (rule), then a summary",
    render=_render,
)
