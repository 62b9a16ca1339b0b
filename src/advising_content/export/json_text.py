"""A record as JSON, its keys in the schema's order, in one pass: the text that
``json.dumps(in_schema_order(value, schema), indent=2, ensure_ascii=False)`` gives, written
several times faster than the two do it (the json module writes indented JSON in pure Python).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from advising_content.export.ordering import PROSE
from advising_content.prose import normalized
from advising_content.resources import referenced

_STEP = "  "
_NOTHING: dict[str, Any] = {}
_quoted = json.encoder.encode_basestring


class Unwritable(TypeError):
    """A value that this writer leaves to the json module (which may refuse it too)."""


def ordered_json(value: Any, schema: dict[str, Any] | None) -> str:
    """``value`` as indented JSON, its mappings' keys in the order ``schema`` declares them (in
    their own order, without a schema).

    Raises Unwritable for what valid records never hold (keys that are not text, values that
    are not JSON's).
    """
    out: list[str] = []
    _Writer(schema, out).value(value, _NOTHING if schema is None else schema, "\n")
    return "".join(out)


class _Writer:
    """Writes JSON into ``out``, the keys of mappings in the order ``schema`` declares them (in
    their own order without one)."""

    def __init__(self, schema: dict[str, Any] | None, out: list[str]) -> None:
        self.schema = schema
        self.out = out
        self.nodes: dict[int, dict[str, Any]] = {}
        self.labels: dict[Any, str] = {}

    def value(self, value: Any, node: dict[str, Any], indent: str) -> None:
        if node.get("$ref") == PROSE:
            value, node = normalized(value), _NOTHING
        if isinstance(value, str):
            self.out.append(_quoted(value))
        elif isinstance(value, dict):
            self.mapping(value, self.resolved(node), indent)
        elif isinstance(value, list):
            self.sequence(value, self.resolved(node).get("items", _NOTHING), indent)
        else:
            self.out.append(_scalar(value))

    def mapping(self, value: dict[Any, Any], node: dict[str, Any], indent: str) -> None:
        if not value:
            self.out.append("{}")
            return
        properties: dict[str, Any] = node.get("properties", _NOTHING)
        if self.schema is None:
            keys = list(value)
        else:
            keys = [key for key in properties if key in value]
            if len(keys) < len(value):
                keys += sorted(key for key in value if key not in properties)
        inner = indent + _STEP
        separator = "{" + inner
        out, labels = self.out, self.labels
        for key in keys:
            label = labels.get(key)
            if label is None:
                if not isinstance(key, str):
                    raise Unwritable(key)
                label = labels[key] = _quoted(key) + ": "
            item, node_of_item = value[key], properties.get(key, _NOTHING)
            if item.__class__ is str and node_of_item.get("$ref") != PROSE:
                out.append(separator + label + _quoted(item))
            else:
                out.append(separator + label)
                self.value(item, node_of_item, inner)
            separator = "," + inner
        out.append(indent + "}")

    def sequence(self, value: list[Any], items: dict[str, Any], indent: str) -> None:
        if not value:
            self.out.append("[]")
            return
        inner = indent + _STEP
        separator = "[" + inner
        for item in value:
            self.out.append(separator)
            self.value(item, items, inner)
            separator = "," + inner
        self.out.append(indent + "]")

    def resolved(self, node: dict[str, Any]) -> dict[str, Any]:
        if self.schema is None:
            return node
        found = self.nodes.get(id(node))
        if found is None:
            found = self.nodes[id(node)] = referenced(node, self.schema)
        return found


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)
    raise Unwritable(value)


def streamed(
    document: dict[str, Any], key: str, items: Iterable[Any], *, mapping: bool = False
) -> Iterator[str]:
    """``document`` as the export writes JSON, in pieces, with the list at ``key`` (a top-level
    key, whose value in ``document`` is ignored) given one item at a time by ``items``; with
    ``mapping``, the items are (name, value) pairs of a mapping instead."""
    marker = "\0streamed\0"
    text = json.dumps({**document, key: marker}, indent=2, ensure_ascii=False) + "\n"
    before, after = text.split(json.dumps(marker), 1)
    yield before
    inner = "\n" + _STEP * 2
    separator = ("{" if mapping else "[") + inner
    empty = True
    writer = _Writer(None, [])
    for item in items:
        name, value = item if mapping else (None, item)
        writer.out = [separator] if name is None else [separator, _quoted(name), ": "]
        writer.value(value, _NOTHING, inner)
        yield "".join(writer.out)
        separator, empty = "," + inner, False
    closing = "\n" + _STEP + ("}" if mapping else "]")
    yield ("{}" if mapping else "[]") + after if empty else closing + after
