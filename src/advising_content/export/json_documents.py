"""The JSON export: a document per record, and an index of them all."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from advising_content import __version__
from advising_content.export.ordering import in_schema_order
from advising_content.export.records import record_key
from advising_content.export.registry import ExportFormat
from advising_content.resources import load_schema, schema_version

GENERATOR = "advising-content"


def dumps(document: Any) -> str:
    """JSON as the export writes it: 2-space indent, UTF-8 characters kept, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def record_document(record: Mapping[str, Any]) -> str:
    """The record as JSON, its keys in the order the schema declares them."""
    return dumps(in_schema_order(record, load_schema()))


def index_document(records: Sequence[Mapping[str, Any]], formats: Sequence[ExportFormat]) -> str:
    """What an importer starts from: the schema, the formats, and every record with its files."""
    tables: dict[str, str] = {}
    for form in formats:
        if form.tables is not None:
            tables.update(form.tables())
    return dumps(
        {
            "generator": GENERATOR,
            "generator_version": __version__,
            "schema": {"id": load_schema()["$id"], "version": schema_version()},
            "formats": [form.name for form in formats],
            "records": [
                {
                    "key": record_key(record),
                    "institution_id": record["institution"]["id"],
                    "id": record["id"],
                    "name": record["specialty"]["name"],
                    "institution": record["institution"]["name"],
                    "files": {
                        form.name: form.record_file(record_key(record))
                        for form in formats
                        if form.record_file is not None
                    },
                }
                for record in records
            ],
            "tables": tables,
        }
    )
