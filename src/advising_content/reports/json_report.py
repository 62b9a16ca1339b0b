"""The JSON format: one document for other programs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from advising_content.display import shown
from advising_content.reports import Reporter

if TYPE_CHECKING:
    from advising_content.validation import ValidationReport


def _render(report: ValidationReport, strict: bool) -> str:
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


REPORTER = Reporter(
    name="json",
    order=2,
    prints="one JSON document: validity, counts, and each problem with its JSON pointer",
    render=_render,
)
