"""The JSON export: a document per record, and an index of them all."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from advising_content import __version__
from advising_content.export.layout import ExportLayout
from advising_content.export.ordering import in_schema_order
from advising_content.resources import load_schema, schema_version

GENERATOR = "advising-content"


def dumps(document: Any) -> str:
    """JSON as the export writes it: 2-space indent, UTF-8 characters kept, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def record_document(record: Mapping[str, Any]) -> str:
    """The record as JSON, its keys in the order the schema declares them."""
    return dumps(in_schema_order(record, load_schema()))


def index_document(records: Sequence[Mapping[str, Any]], layout: ExportLayout) -> str:
    """What an importer starts from: the schema, the formats, and every record with its files."""
    return dumps(
        {
            "generator": GENERATOR,
            "generator_version": __version__,
            "schema": {"id": load_schema()["$id"], "version": schema_version()},
            "formats": list(layout.formats),
            "records": [
                {
                    "id": record["id"],
                    "name": record["specialty"]["name"],
                    "institution": record["institution"]["name"],
                    "files": layout.record_files(record["id"]),
                }
                for record in records
            ],
            "tables": layout.table_files(),
        }
    )
