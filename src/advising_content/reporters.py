"""Ways of printing a validation report: plain text, JSON, GitHub workflow annotations.

Every format shows paths and messages through ``display.shown``, so a control, bidirectional,
invisible or undecodable character in a file name or a value is printed as an escape.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from advising_content.display import shown, shown_path
from advising_content.problems import Problem, Severity
from advising_content.validation import ValidationReport
from advising_content.wording import plural

Reporter = Callable[[ValidationReport, bool], str]


def summary(report: ValidationReport, strict: bool) -> str:
    """One line: how many files were checked and what was found."""
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


def text_line(problem: Problem) -> str:
    return (
        f"{shown_path(problem.path)}:{problem.line}:{problem.column}: {problem.severity}: "
        f"{shown(problem.message)} ({problem.rule})"
    )


def format_text(report: ValidationReport, strict: bool) -> str:
    lines = [text_line(problem) for problem in report.problems]
    lines.append(summary(report, strict))
    return "\n".join(lines)


def format_json(report: ValidationReport, strict: bool) -> str:
    document = {
        "valid": report.passed(strict=strict),
        "strict": strict,
        "files": [shown(entry.path) for entry in report.files],
        "counts": {
            "files": len(report.files),
            "errors": report.error_count,
            "warnings": report.warning_count,
        },
        "problems": [
            {
                "path": shown(problem.path),
                "line": problem.line,
                "column": problem.column,
                "severity": str(problem.severity),
                "rule": problem.rule,
                "pointer": shown(problem.pointer),
                "message": shown(problem.message),
            }
            for problem in report.problems
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    # ``shown`` has already written line breaks as escapes: only '%' is left to encode.
    return shown(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# GitHub's workflow commands for each severity.
_ANNOTATIONS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def format_github(report: ValidationReport, strict: bool) -> str:
    lines = [
        f"::{_ANNOTATIONS[problem.severity]} file={_escape_property(problem.path)},"
        f"line={problem.line},col={problem.column},"
        f"title={_escape_property('advising-content ' + problem.rule)}"
        f"::{_escape_data(problem.message)}"
        for problem in report.problems
    ]
    lines.append(summary(report, strict))
    return "\n".join(lines)


REPORTERS: dict[str, Reporter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
