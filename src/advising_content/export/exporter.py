"""Export valid records: every chosen format, written together into one output directory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advising_content.content_checks import SLUG
from advising_content.export.csv_files import CsvOptions, write_table
from advising_content.export.csv_tables import TABLES
from advising_content.export.datapackage import datapackage
from advising_content.export.json_documents import dumps, index_document, record_document
from advising_content.export.layout import DATAPACKAGE_FILE, FORMATS, INDEX_FILE, ExportLayout
from advising_content.export.markdown_pages import record_page
from advising_content.export.output_dir import replace_dir

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
) -> ExportResult:
    """Replace ``target`` with an export of ``records`` (already validated) in ``formats``."""
    for record in records:
        # File names come from record ids; validation has made them slugs, and nothing else
        # may name a file.
        if not isinstance(record.get("id"), str) or not SLUG.fullmatch(record["id"]):
            raise ValueError(f"not a valid record id: {record.get('id')!r}")
    chosen = tuple(name for name in FORMATS if name in formats)
    layout = ExportLayout(chosen)
    ordered = sorted(records, key=lambda record: str(record["id"]))
    result = ExportResult(records=len(ordered))

    def write(staging: Path) -> None:
        for record in ordered:
            if "json" in chosen:
                _write_text(staging, layout.record_json(record["id"]), record_document(record))
                result.files.append(layout.record_json(record["id"]))
            if "markdown" in chosen:
                _write_text(staging, layout.record_markdown(record["id"]), record_page(record))
                result.files.append(layout.record_markdown(record["id"]))
        if "csv" in chosen:
            options = csv_options or CsvOptions()
            for table in TABLES:
                path = _prepare(staging, layout.table_csv(table.name))
                with path.open("w", encoding="utf-8", newline="") as stream:
                    result.table_rows[table.name] = write_table(stream, table, ordered, options)
                result.files.append(layout.table_csv(table.name))
            _write_text(staging, DATAPACKAGE_FILE, dumps(datapackage(options)))
            result.files.append(DATAPACKAGE_FILE)
        _write_text(staging, INDEX_FILE, index_document(ordered, layout))
        result.files.append(INDEX_FILE)

    replace_dir(target, write)
    return result


def _prepare(root: Path, relative: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write_text(root: Path, relative: str, text: str) -> None:
    with _prepare(root, relative).open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
