"""Validate specialty career-advising records and export them for other school systems.

The public API: ``validate_paths(paths)`` returns a ``ValidationReport`` whose ``problems`` are
``Problem`` values; nothing here prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.9.0"

__all__ = ["Problem", "Severity", "ValidationReport", "__version__", "validate_paths"]

if TYPE_CHECKING:
    from advising_content.problems import Problem, Severity
    from advising_content.validation import ValidationReport, validate_paths


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `--version` and `--help` start without loading jsonschema.
    if name in ("Problem", "Severity"):
        from advising_content import problems

        return getattr(problems, name)
    if name in ("ValidationReport", "validate_paths"):
        from advising_content import validation

        return getattr(validation, name)
    raise AttributeError(f"module 'advising_content' has no attribute {name!r}")
