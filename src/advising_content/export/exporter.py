"""Export valid records: every chosen format, written together into one output directory."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from advising_content.discovery import Discovery
from advising_content.export.durability import flush_ahead
from advising_content.export.output_dir import replace_dir
from advising_content.export.pipeline import (
    ExportCheck,
    ExportedFile,
    ExportPlan,
    ExportResult,
    Renderer,
    close_renderer,
    finish,
    require_slug_ids,
)
from advising_content.export.records import Record, record_key
from advising_content.export.registry import ExportOptions, export_formats
from advising_content.validation import ValidationReport, validate_discovered_with

__all__ = ["ExportResult", "export_content", "export_records"]


def export_records(
    records: Sequence[Record],
    target: Path,
    formats: Sequence[str] | None = None,
    options: ExportOptions | None = None,
    *,
    force: bool = False,
) -> ExportResult:
    """Replace ``target`` with an export of ``records`` (already validated) in ``formats``
    (every format when None).

    Raises UnusableOutputDir when ``target`` holds files that no export wrote, or exported
    files changed since, unless ``force``.
    """
    for record in records:
        require_slug_ids(record)
    ordered = sorted(records, key=record_key)
    results: list[ExportResult] = []

    def write(staging: Path) -> None:
        plan = _plan(staging, formats, options)
        writer = Renderer(plan)
        try:
            rendered = [writer.render(record) for record in ordered]
        finally:
            writer.close()
        results.append(finish(plan, rendered))

    replace_dir(target, write, force=force)
    return results[0]


def export_content(
    found: Discovery,
    target: Path,
    formats: Sequence[str] | None = None,
    options: ExportOptions | None = None,
    *,
    accept: Callable[[ValidationReport], None],
    force: bool = False,
) -> ExportResult:
    """Check the content files ``found`` and replace ``target`` with an export of their records,
    in one pass: each record is written as soon as it is checked, on every core.

    ``accept`` is given the report of the checking before anything is swapped in; it raises to
    stop the export (the new DIR is then discarded, and ``target`` left as it was). Raises
    UnusableOutputDir as ``export_records`` does, and OSError when a record cannot be written.
    """
    results: list[ExportResult] = []

    def write(staging: Path) -> None:
        plan = _plan(staging, formats, options)
        try:
            report = validate_discovered_with(found, ExportCheck(plan, os.getpid()))
        finally:
            close_renderer(plan)
        accept(report)
        exported = [entry for entry in report.files if isinstance(entry, ExportedFile)]
        for entry in exported:
            if entry.failure is not None:
                raise entry.failure
        flush_ahead(staging)
        results.append(finish(plan, [e.rendered for e in exported if e.rendered is not None]))

    replace_dir(target, write, force=force)
    return results[0]


def _plan(
    staging: Path, formats: Sequence[str] | None, options: ExportOptions | None
) -> ExportPlan:
    chosen = tuple(name for name in export_formats() if formats is None or name in formats)
    return ExportPlan(str(staging), chosen, options or ExportOptions())
