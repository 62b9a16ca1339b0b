"""Ways of printing a validation report: plain text, JSON, GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Callable

from advising_content.problems import Problem
from advising_content.validation import ValidationReport

Reporter = Callable[[ValidationReport, bool], str]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(report: ValidationReport, strict: bool) -> str:
    """One line: how many files were checked and what was found."""
    checked = f"Checked {plural(len(report.files), 'file')}"
    if not report.error_count and not report.warning_count:
        return f"{checked}: no problems."
    failing = sum(1 for entry in report.files if entry.problems)
    found = []
    if report.error_count:
        found.append(plural(report.error_count, "error"))
    if report.warning_count:
        found.append(plural(report.warning_count, "warning"))
    line = f"{checked}: {' and '.join(found)} in {plural(failing, 'file')}."
    if report.warning_count and not report.error_count:
        line += " Warnings fail the check with --strict." if not strict else " --strict: failed."
    return line


def one_line(text: str) -> str:
    """``text`` without line breaks or other control characters, which would split its line."""
    return "".join(
        character if character.isprintable() else ascii(character)[1:-1] for character in text
    )


def text_line(problem: Problem) -> str:
    return (
        f"{one_line(problem.path)}:{problem.line}:{problem.column}: {problem.severity}: "
        f"{one_line(problem.message)} ({problem.rule})"
    )


def format_text(report: ValidationReport, strict: bool) -> str:
    lines = [text_line(problem) for problem in report.problems]
    lines.append(summary(report, strict))
    return "\n".join(lines)


def format_json(report: ValidationReport, strict: bool) -> str:
    document = {
        "valid": report.passed(strict=strict),
        "strict": strict,
        "files": [entry.path for entry in report.files],
        "counts": {
            "files": len(report.files),
            "errors": report.error_count,
            "warnings": report.warning_count,
        },
        "problems": [
            {
                "path": problem.path,
                "line": problem.line,
                "column": problem.column,
                "severity": str(problem.severity),
                "rule": problem.rule,
                "pointer": problem.pointer,
                "message": problem.message,
            }
            for problem in report.problems
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: ValidationReport, strict: bool) -> str:
    lines = [
        f"::{problem.severity} file={_escape_property(problem.path)},line={problem.line},"
        f"col={problem.column},title={_escape_property('advising-content ' + problem.rule)}"
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
