"""The ``datapackage.json`` beside the CSV tables: a Frictionless Data Package describing them."""

from __future__ import annotations

from typing import Any

from advising_content.export.csv_columns import LIST_SEPARATOR
from advising_content.export.csv_options import CsvOptions, PackageInfo
from advising_content.export.csv_tables import TABLES, Column, Table
from advising_content.resources import load_schema, schema_version

GUARDED = (
    "A value that begins with =, +, -, @, tab or carriage return has a ' put before it, so "
    "that spreadsheet programs do not run it as a formula; only a text or an email address "
    "can begin so, never a number, date, time, list or web address."
)


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.format:
        field["format"] = column.format
    if column.type == "list":
        # Table Schema constrains a list as a whole, not its items: the codes are described.
        field["description"] += f" Each is one of: {', '.join(column.enum or ())}."
        field.update(delimiter=LIST_SEPARATOR, itemType="string")
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.enum and column.type != "list":
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(table: Table, options: CsvOptions) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if options.excel else "utf-8",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": {
            "fields": [_field(column) for column in table.columns],
            "missingValues": [""],
            "primaryKey": [table.primary_key],
            "foreignKeys": [
                {
                    "fields": [foreign.column],
                    "reference": {"resource": foreign.table, "fields": [foreign.table_column]},
                }
                for foreign in table.foreign_keys
            ],
        },
    }


def _publisher_facts(info: PackageInfo) -> dict[str, Any]:
    """The license, homepage and version the publisher gave, which only a publisher knows."""
    facts: dict[str, Any] = {}
    if info.version is not None:
        facts["version"] = info.version
    if info.homepage is not None:
        facts["homepage"] = info.homepage
    if info.license is not None:
        known_as = "path" if info.license.startswith(("https://", "http://")) else "name"
        facts["licenses"] = [{known_as: info.license}]
    return facts


def datapackage(options: CsvOptions) -> dict[str, Any]:
    """The Data Package descriptor of the CSV export."""
    return {
        "profile": "tabular-data-package",
        "name": "advising-content",
        "title": "Specialty career-advising records",
        "description": (
            "Specialty career-advising records as normalized tables, one row per entity. "
            f"Written from records of schema {load_schema()['$id']} version {schema_version()}. "
            "The text of the records belongs to the institutions whose advising pages they "
            "record. " + ("Values are exactly as in the records." if options.raw else GUARDED)
        ),
        **_publisher_facts(options.package),
        "resources": [_resource(table, options) for table in TABLES],
    }
