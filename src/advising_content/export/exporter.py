"""Export valid records: every chosen format, written together into one output directory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advising_content import __version__
from advising_content.export.csv_files import CsvOptions, write_table
from advising_content.export.csv_tables import TABLES
from advising_content.export.datapackage import datapackage
from advising_content.export.json_documents import dumps, index_document, record_document
from advising_content.export.layout import DATAPACKAGE_FILE, FORMATS, INDEX_FILE, ExportLayout
from advising_content.export.manifest import MANIFEST_FILE, WrittenFiles
from advising_content.export.markdown_pages import record_page
from advising_content.export.output_dir import replace_dir
from advising_content.identifiers import is_slug

Record = Mapping[str, Any]


@dataclass
class ExportResult:
    """What an export wrote: paths relative to the output directory, in writing order."""

    files: list[str] = field(default_factory=list)
    records: int = 0
    table_rows: dict[str, int] = field(default_factory=dict)


def export_records(
    records: Sequence[Record],
    target: Path,
    formats: Sequence[str] = FORMATS,
    csv_options: CsvOptions | None = None,
    *,
    force: bool = False,
) -> ExportResult:
    """Replace ``target`` with an export of ``records`` (already validated) in ``formats``.

    Raises UnusableOutputDir when ``target`` holds files that no export wrote, or exported
    files changed since, unless ``force``.
    """
    _require_slug_ids(records)
    chosen = tuple(name for name in FORMATS if name in formats)
    layout = ExportLayout(chosen)
    ordered = sorted(records, key=lambda record: str(record["id"]))
    result = ExportResult(records=len(ordered))

    def write(staging: Path) -> None:
        files = WrittenFiles(staging)
        for record in ordered:
            if "json" in chosen:
                files.write_text(layout.record_json(record["id"]), record_document(record))
            if "markdown" in chosen:
                files.write_text(layout.record_markdown(record["id"]), record_page(record))
        if "csv" in chosen:
            options = csv_options or CsvOptions()
            for table in TABLES:
                with files.open_text(layout.table_csv(table.name)) as stream:
                    result.table_rows[table.name] = write_table(stream, table, ordered, options)
            files.write_text(DATAPACKAGE_FILE, dumps(datapackage(options)))
        files.write_text(INDEX_FILE, index_document(ordered, layout))
        files.write_manifest(__version__)
        result.files = [*files.entries, MANIFEST_FILE]

    replace_dir(target, write, force=force)
    return result


def _require_slug_ids(records: Sequence[Record]) -> None:
    # File names come from record ids; validation has made them slugs, and nothing else may
    # name a file.
    for record in records:
        if not is_slug(record.get("id")):
            raise ValueError(f"not a valid record id: {record.get('id')!r}")
