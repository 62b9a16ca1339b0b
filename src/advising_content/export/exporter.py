"""Export valid records: every chosen format, written together into one output directory."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advising_content import __version__
from advising_content.export.json_documents import index_document
from advising_content.export.manifest import WrittenFiles
from advising_content.export.output_dir import replace_dir
from advising_content.export.records import Record, record_key
from advising_content.export.registry import Export, ExportOptions, export_formats
from advising_content.identifiers import is_slug

INDEX_FILE = "index.json"


@dataclass
class ExportResult:
    """What an export wrote: how many records, and what each format wrote, in words."""

    records: int = 0
    written: list[str] = field(default_factory=list)


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
    _require_slug_ids(records)
    chosen = [form for name, form in export_formats().items() if formats is None or name in formats]
    ordered = sorted(records, key=record_key)
    result = ExportResult(records=len(ordered))

    def write(staging: Path) -> None:
        files = WrittenFiles(staging)
        export = Export(ordered, files, options or ExportOptions())
        result.written = [form.write(export) for form in chosen]
        files.write_text(INDEX_FILE, index_document(ordered, chosen))
        files.write_manifest(__version__)

    replace_dir(target, write, force=force)
    return result


def _require_slug_ids(records: Sequence[Record]) -> None:
    # File names come from record and institution ids; validation has made them slugs, and
    # nothing else may name a file.
    for record in records:
        institution = record.get("institution")
        institution_id = institution.get("id") if isinstance(institution, dict) else None
        if not is_slug(record.get("id")) or not is_slug(institution_id):
            raise ValueError(f"not a valid record key: {record.get('id')!r} of {institution_id!r}")
