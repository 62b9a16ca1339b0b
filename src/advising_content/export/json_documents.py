"""The JSON export: a document per record, and an index of them all."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from advising_content import __version__
from advising_content.export.json_text import Unwritable, ordered_json, streamed
from advising_content.export.ordering import in_schema_order
from advising_content.export.records import record_key
from advising_content.export.registry import ExportFormat
from advising_content.resources import load_schema, schema_version

GENERATOR = "advising-content"


def dumps(document: Any) -> str:
    """JSON as the export writes it: 2-space indent, UTF-8 characters kept, a final newline."""
    try:
        return ordered_json(document, None) + "\n"
    except Unwritable:  # such as a key that is not text: the json module's own way
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def record_document(record: Mapping[str, Any]) -> str:
    """The record as JSON, its keys in the order the schema declares them."""
    try:
        return ordered_json(record, load_schema()) + "\n"
    except Unwritable:  # nothing a valid record holds: the json module says what is wrong
        return dumps(in_schema_order(record, load_schema()))


class IndexEntry(NamedTuple):
    """What index.json says of a record, besides its files."""

    key: str
    institution_id: str
    id: str
    name: str
    institution: str


def index_entry(record: Mapping[str, Any]) -> IndexEntry:
    return IndexEntry(
        record_key(record),
        record["institution"]["id"],
        record["id"],
        record["specialty"]["name"],
        record["institution"]["name"],
    )


def index_document(entries: Iterable[IndexEntry], formats: Sequence[ExportFormat]) -> Iterator[str]:
    """What an importer starts from: the schema, the formats, and every record with its files;
    in pieces, a record at a time."""
    tables: dict[str, str] = {}
    for form in formats:
        if form.tables is not None:
            tables.update(form.tables())
    head = {
        "generator": GENERATOR,
        "generator_version": __version__,
        "schema": {"id": load_schema()["$id"], "version": schema_version()},
        "formats": [form.name for form in formats],
        "records": [],
        "tables": tables,
    }
    records = (
        {
            "key": entry.key,
            "institution_id": entry.institution_id,
            "id": entry.id,
            "name": entry.name,
            "institution": entry.institution,
            "files": {
                form.name: form.record_file(entry.key)
                for form in formats
                if form.record_file is not None
            },
        }
        for entry in entries
    )
    return streamed(head, "records", records)
