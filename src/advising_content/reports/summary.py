"""The line that ends every report: how many files were checked and what was found."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from advising_content.wording import plural

if TYPE_CHECKING:
    from advising_content.problems import Problem
    from advising_content.validation import ValidationReport


def lines_then_summary(
    report: ValidationReport, strict: bool, line: Callable[[Problem], str]
) -> str:
    """A report of one line per problem, then the summary."""
    return "\n".join([*(line(problem) for problem in report.problems), summary(report, strict)])


def summary(report: ValidationReport, strict: bool) -> str:
    """'Checked 3 files: 2 errors and 1 warning in 2 files.'"""
    checked = f"Checked {plural(len(report.files), 'file')}"
    if not report.error_count and not report.warning_count:
        return f"{checked}: no problems."
    failing = sum(1 for entry in report.files if entry.errors or entry.warnings)
    found = []
    if report.error_count:
        found.append(plural(report.error_count, "error"))
    if report.warning_count:
        found.append(plural(report.warning_count, "warning"))
    line = f"{checked}: {' and '.join(found)} in {plural(failing, 'file')}."
    if report.stopped_count:
        line += (
            f" Checking stopped early in {plural(report.stopped_count, 'file')} with too many "
            "problems."
        )
    if report.warning_count and not report.error_count:
        line += " Warnings fail the check with --strict." if not strict else " --strict: failed."
    return line
