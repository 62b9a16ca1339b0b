"""The schema's reference documentation (docs/schema.md), generated from its titles and
descriptions, with the question bank."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from advising_content.question_bank import load_question_bank
from advising_content.resources import SCHEMA_FILE, load_schema, referenced, schema_version
from advising_content.schema_words import NOT_BLANK

Node = dict[str, Any]

_FORMATS = {
    "date": "a date, YYYY-MM-DD",
    "uri": "a web address",
    "email": "an email address",
}


def _anchor(title: str) -> str:
    """The anchor a Markdown renderer gives a heading with this title."""
    return re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")


def _link(title: str) -> str:
    return f"[{title}](#{_anchor(title)})"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _codes(values: list[Any]) -> str:
    return ", ".join(
        f"`{json.dumps(value) if isinstance(value, bool) else value}`" for value in values
    )


class _Reference:
    def __init__(self, schema: Node) -> None:
        self.schema = schema
        self.definitions: dict[str, Node] = schema["$defs"]

    def target(self, node: Node) -> Node:
        return referenced(node, self.schema)

    def type_text(self, node: Node) -> str:
        if "$ref" in node:
            return _link(self.target(node)["title"])
        kind = node.get("type")
        if isinstance(kind, list):
            return ", or ".join(self._one_type(node, each) for each in kind)
        if kind == "object" and "title" in node:
            return _link(node["title"])
        if kind == "array":
            text = "list of " + self.type_text(node["items"])
            limits = []
            if node.get("minItems"):
                limits.append(f"at least {node['minItems']}")
            if node.get("maxItems") is not None:
                limits.append(f"at most {node['maxItems']}")
            if node.get("uniqueItems"):
                limits.append("each once")
            return text + (f" ({', '.join(limits)})" if limits else "")
        if "enum" in node:
            return "one of " + _codes(node["enum"])
        if kind == "string":
            if "format" in node:
                return _FORMATS.get(node["format"], str(node["format"]))
            if "pattern" in node and node["pattern"] != NOT_BLANK:
                return f"text matching `{node['pattern']}`"
            return "text"
        if kind == "integer":
            bounds = []
            if "minimum" in node:
                bounds.append(f"at least {node['minimum']}")
            if "maximum" in node:
                bounds.append(f"at most {node['maximum']}")
            return "whole number" + (f" ({', '.join(bounds)})" if bounds else "")
        if kind == "boolean":
            return "`true` or `false`"
        return str(kind)

    def _one_type(self, node: Node, kind: str) -> str:
        if kind == "object":
            return "a mapping of " + _codes(list(node.get("properties", {})))
        return self.type_text({**node, "type": kind})

    def value_type_text(self, node: Node) -> str:
        kind = node.get("type")
        if kind == "string" and "format" in node and "pattern" in node:
            return f"{_FORMATS[node['format']]}, matching `{node['pattern']}`"
        return self.type_text(node)

    def entities(self) -> Iterator[Node]:
        yield self.schema
        for prop in self.schema["properties"].values():
            if prop.get("type") == "object" and "title" in prop:
                yield prop
        for definition in self.definitions.values():
            if definition.get("type") == "object":
                yield definition

    def entity(self, node: Node) -> Iterator[str]:
        yield f"## {node['title']}"
        yield _cell(node["description"])
        required = set(node.get("required", []))
        rows = [
            "| Field | Type | Required | Description |",
            "|-------|------|----------|-------------|",
        ]
        for name, prop in node["properties"].items():
            rows.append(
                f"| `{name}` | {_cell(self.type_text(prop))} | "
                f"{'yes' if name in required else 'no'} | {_cell(prop['description'])} |"
            )
        yield "\n".join(rows)
        notes = []
        if "anyOf" in node:
            options = " or ".join(_codes(option["required"]) for option in node["anyOf"])
            notes.append(f"Either {options} must be given.")
        if "then" in node:
            notes.append(_cell(node["then"]["description"]))
        if notes:
            yield " ".join(notes)

    def value_types(self) -> Iterator[str]:
        yield "## Value types"
        for definition in self.definitions.values():
            if definition.get("type") == "object":
                continue
            yield f"### {definition['title']}"
            yield f"{_cell(definition['description'])} Type: {self.value_type_text(definition)}."


def schema_reference() -> str:
    """The Markdown reference of the published schema and the question bank."""
    schema = load_schema()
    reference = _Reference(schema)
    entities = list(reference.entities())
    blocks = [
        f"# Schema reference: {schema['title']}",
        "<!-- Generated by `advising-content schema --format markdown`; do not edit by hand. -->",
        f"The schema `schemas/{SCHEMA_FILE}` (JSON Schema draft 2020-12), `$id` "
        f"`{schema['$id']}`, schema version {schema_version()}. Every object accepts only the "
        "fields listed for it.",
        "Entities: " + ", ".join(_link(entity["title"]) for entity in entities) + ".",
    ]
    for entity in entities:
        blocks += list(reference.entity(entity))
    blocks += list(reference.value_types())
    blocks += list(_question_bank())
    return "\n\n".join(blocks) + "\n"


def _question_bank() -> Iterator[str]:
    yield "## Question bank"
    yield (
        "The standard questions, by key. A record answers a question under a group of its "
        "audience, with `key` set to the question's key; a question that is not in the bank is "
        "marked `custom: true` and has a key of its own."
    )
    rows = [
        "| Key | Audience | Question | Other schools ask | Stances | Facts |",
        "|-----|----------|----------|-------------------|---------|-------|",
    ]
    for question in load_question_bank().questions:
        also = "<br>".join(_cell(wording) for wording in question.alternates)
        rows.append(
            f"| `{question.key}` | {', '.join(question.audiences)} | {_cell(question.question)} "
            f"| {also} | {_codes(list(question.stances))} | {_codes(list(question.facts))} |"
        )
    yield "\n".join(rows)
    yield (
        "A question of the bank matches a page's wording when it is the bank's wording or one "
        "of the others, give or take case, punctuation and a small difference "
        "(`advising-content questions --match TEXT`). A stance or fact the question does not "
        "list is an error (`stance-not-taken`, `fact-not-taken`). Questions not marked core "
        "(`class-rank`, `letters-timing`, `competitiveness`) are asked by some schools only; "
        "`new` lists them in a comment."
    )
