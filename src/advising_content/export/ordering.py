"""Put a record's keys in the order the schema declares them, whatever order the file used."""

from __future__ import annotations

from typing import Any

from advising_content.prose import normalized
from advising_content.resources import referenced

PROSE = "#/$defs/prose"


def in_schema_order(value: Any, schema: dict[str, Any]) -> Any:
    """A copy of ``value`` whose mappings list their keys in the schema's property order.

    Lists keep their order (the order of the page). Keys the schema does not declare, which a
    valid record does not have, would follow in alphabetical order. Text with paragraphs is
    written as a list of blocks, one paragraph per text (see ``prose``).
    """
    return _ordered(value, schema, schema)


def _ordered(value: Any, node: dict[str, Any], root: dict[str, Any]) -> Any:
    if node.get("$ref") == PROSE:
        return normalized(value)
    node = referenced(node, root)
    if isinstance(value, dict):
        properties: dict[str, Any] = node.get("properties", {})
        declared = [key for key in properties if key in value]
        others = sorted(key for key in value if key not in properties)
        return {
            key: _ordered(value[key], properties.get(key, {}), root) for key in [*declared, *others]
        }
    if isinstance(value, list):
        items: dict[str, Any] = node.get("items", {})
        return [_ordered(item, items, root) for item in value]
    return value
