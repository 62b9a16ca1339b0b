"""Data files shipped inside the package, read from the package's folder: importlib.resources
would take longer to load than the files take to read."""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

SCHEMA_FILE = "advising-record.schema.json"
QUESTION_BANK_FILE = "question-bank.json"
_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "resources")


def read_text(name: str) -> str:
    """The text of a packaged resource file."""
    with open(os.path.join(_FOLDER, name), encoding="utf-8") as stream:
        return stream.read()


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
