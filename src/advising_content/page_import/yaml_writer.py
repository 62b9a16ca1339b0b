"""A record written as an editor writes one: keys in the schema's order, long text folded
(``>-``) at a readable width, short lists on one line, a blank line between top-level parts and
between questions, and comments above the values an editor should check."""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

import yaml

from advising_content.resources import referenced

_WIDTH = 96
_SPACED_LISTS = frozenset({"questions"})
Comments = dict[tuple[int, str], str]


class YamlWriteError(Exception):
    """The written text does not read back as the record: a fault of this program."""


def record_yaml(record: dict[str, Any], schema: dict[str, Any], comments: Comments) -> str:
    """The YAML text of ``record``, which reads back as exactly ``record``."""
    writer = _Writer(schema, comments)
    lines: list[str] = []
    for key in writer.ordered(record, schema):
        written = writer.entry(key, record[key], writer.child(schema, key), 0, record)
        if len(written) > 1 and lines and lines[-1]:
            lines.append("")
        lines += written
        if len(written) > 1:
            lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    if yaml.safe_load(text) != record:
        raise YamlWriteError("the record does not read back as written")
    return text


class _Writer:
    def __init__(self, schema: dict[str, Any], comments: Comments) -> None:
        self.schema, self.comments = schema, comments

    def child(self, node: dict[str, Any], key: str | None) -> dict[str, Any]:
        node = referenced(node, self.schema)
        if key is None:
            for option in node.get("anyOf", []) + node.get("oneOf", []):
                if "items" in referenced(option, self.schema):
                    return self.child(option, None)
            return referenced(node.get("items", {}), self.schema)
        properties: dict[str, Any] = node.get("properties", {})
        return referenced(properties.get(key, {}), self.schema)

    def ordered(self, value: dict[str, Any], node: dict[str, Any]) -> list[str]:
        declared = list(referenced(node, self.schema).get("properties", {}))
        return sorted(value, key=lambda k: (declared.index(k) if k in declared else 999, k))

    def entry(
        self, key: str, value: Any, node: dict[str, Any], indent: int, owner: dict[str, Any]
    ) -> list[str]:
        pad = " " * indent
        comment = self.comments.get((id(owner), key))
        lines = [f"{pad}# {comment}"] if comment else []
        if isinstance(value, dict):
            flow = _flow(value)
            if flow and len(pad + key + flow) < _WIDTH:
                return [*lines, f"{pad}{key}: {flow}"]
            return [*lines, f"{pad}{key}:", *self.mapping(value, node, indent + 2)]
        if isinstance(value, list):
            flow = _flow(value)
            if flow and len(pad + key + flow) < _WIDTH:
                return [*lines, f"{pad}{key}: {flow}"]
            return [*lines, f"{pad}{key}:", *self.sequence(key, value, node, indent + 2)]
        return [*lines, f"{pad}{key}: {_scalar(value, indent + 2)}"]

    def mapping(self, value: dict[str, Any], node: dict[str, Any], indent: int) -> list[str]:
        lines: list[str] = []
        for key in self.ordered(value, node):
            lines += self.entry(key, value[key], self.child(node, key), indent, value)
        return lines

    def sequence(self, name: str, items: list[Any], node: dict[str, Any], indent: int) -> list[str]:
        pad, lines = " " * indent, []
        item_node = self.child(node, None)
        for position, item in enumerate(items):
            if position and name in _SPACED_LISTS:
                lines.append("")
            if isinstance(item, dict):
                inner = self.mapping(item, item_node, indent + 2)
                first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
                inner[first] = pad + "- " + inner[first][indent + 2 :]
                lines += inner
            elif isinstance(item, list):
                lines += [pad + "- " + (_flow(item) or json.dumps(item, ensure_ascii=False))]
            else:
                lines.append(f"{pad}- {_scalar(item, indent + 2)}")
        return lines


def _flow(value: dict[str, Any] | list[Any]) -> str | None:
    """A small mapping or list of plain words on one line, such as ``[M1, M2]``."""
    if isinstance(value, dict):
        words = [_flow(v) if isinstance(v, dict) else _word(v) for v in value.values()]
        if None in words:
            return None
        return "{" + ", ".join(f"{k}: {w}" for k, w in zip(value, words, strict=True)) + "}"
    words = [_plain(item) for item in value]
    return None if None in words else "[" + ", ".join(map(str, words)) + "]"


def _word(value: Any) -> str | None:
    """A number or an enumerated word (``october``, ``late``), as a flow mapping holds them."""
    if isinstance(value, str) and not re.fullmatch(r"[a-z][a-z0-9-]*", value):
        return None
    return _plain(value)


def _plain(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str) or any(c in value for c in ",[]{}#&*!|>'\"%@`:"):
        return None
    return value if value and yaml.safe_load(f"[{value}]") == [value] else None


def _scalar(value: Any, indent: int) -> str:
    if not isinstance(value, str):
        return _plain(value) or json.dumps(value)
    if re.fullmatch(r"[\d.]+", value):  # a version, such as "2.0.0", reads as text
        return json.dumps(value)
    if "\n" not in value and len(value) + indent < _WIDTH - 10:
        loaded = _loads(f"k: {value}")
        return value if loaded == {"k": value} else json.dumps(value, ensure_ascii=False)
    folded = _folded(value, indent)
    return folded if _loads(f"k: {folded}") == {"k": value} else json.dumps(value)


def _folded(text: str, indent: int) -> str:
    pad = " " * indent
    paragraphs = [
        "\n".join(
            pad + line for line in textwrap.wrap(part, _WIDTH - indent, break_on_hyphens=False)
        )
        for part in text.split("\n")
    ]
    return ">-\n" + "\n\n".join(paragraphs)


def _loads(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None
