"""JSON: one document per record, valid against the schema, its keys in the schema's order."""

from __future__ import annotations

from advising_content.export.registry import Export, ExportFormat
from advising_content.wording import plural


def _file(record_id: str) -> str:
    return f"json/{record_id}.json"


def _write(export: Export) -> str:
    from advising_content.export.json_documents import record_document

    for record in export.records:
        export.files.write_text(_file(record["id"]), record_document(record))
    return f"{plural(len(export.records), 'JSON document')} in json/"


FORMAT = ExportFormat(
    name="json",
    order=1,
    writes="json/<record-id>.json: one document per record, valid against the schema",
    write=_write,
    record_file=_file,
)
