"""The github format: workflow commands that GitHub shows on the lines of a pull request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advising_content.display import shown
from advising_content.problems import Problem, Severity
from advising_content.reports import Reporter
from advising_content.reports.summary import lines_then_summary

if TYPE_CHECKING:
    from advising_content.validation import ValidationReport

# GitHub's workflow commands for each severity.
_ANNOTATIONS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def _escape_data(text: str) -> str:
    # ``shown`` has already written line breaks as escapes: only '%' is left to encode.
    return shown(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(problem: Problem, strict: bool) -> str:
    # Under --strict a warning fails the job, so GitHub shows it as the error it then is.
    severity = problem.severity
    if strict and severity is Severity.WARNING:
        severity = Severity.ERROR
    return (
        f"::{_ANNOTATIONS[severity]} file={_escape_property(problem.path)},"
        f"line={problem.line},col={problem.column},"
        f"title={_escape_property('advising-content ' + problem.rule)}"
        f"::{_escape_data(problem.message)}"
    )


def _render(report: ValidationReport, strict: bool) -> str:
    return lines_then_summary(report, strict, lambda problem: _annotation(problem, strict))


REPORTER = Reporter(
    name="github",
    order=3,
    prints="GitHub workflow annotations (::error file=PATH,line=L,col=C::MESSAGE), then a summary",
    render=_render,
)
