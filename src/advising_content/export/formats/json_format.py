"""JSON: one document per record, valid against the schema, its keys in the schema's order."""

from __future__ import annotations

from collections.abc import Callable

from advising_content.export.records import Record
from advising_content.export.registry import ExportOptions, file_per_record


def _renderer(options: ExportOptions) -> Callable[[Record], str]:
    from advising_content.export.json_documents import record_document

    return record_document


FORMAT = file_per_record(
    name="json",
    order=1,
    writes="json/<institution-id>/<record-id>.json: one document per record, valid against the "
    "schema",
    folder="json",
    suffix=".json",
    noun="JSON document",
    renderer=_renderer,
)
