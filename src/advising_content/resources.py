"""Data files shipped inside the package, read with importlib.resources."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "advising-record.schema.json"
QUESTION_BANK_FILE = "question-bank.json"


def read_text(name: str) -> str:
    """The text of a packaged resource file."""
    return resources.files("advising_content").joinpath("resources", name).read_text("utf-8")


@cache
def load_schema() -> dict[str, Any]:
    """The published JSON Schema of an advising record."""
    schema: dict[str, Any] = json.loads(read_text(SCHEMA_FILE))
    return schema


def schema_version() -> str:
    """The version of the published schema (semantic versioning)."""
    return str(load_schema()["x-schema-version"])


def referenced(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """``node``, or the part of the schema ``root`` that its ``$ref`` points to, in turn."""
    while "$ref" in node and str(node["$ref"]).startswith("#/"):
        target: Any = root
        for part in str(node["$ref"])[2:].split("/"):
            target = target[part]
        node = target
    return node
