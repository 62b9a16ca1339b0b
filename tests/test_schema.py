from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from advising_content.resources import load_schema
from advising_content.string_formats import format_checker, is_email, is_uri
from conftest import REPO

PUBLISHED = REPO / "schemas" / "advising-record.schema.json"


def _packaged_bytes() -> bytes:
    path = resources.files("advising_content").joinpath("resources", "advising-record.schema.json")
    return path.read_bytes()


def _subschemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _subschemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _subschemas(value, f"{where}/{index}")


def test_the_published_schema_is_the_packaged_schema() -> None:
    assert PUBLISHED.read_bytes() == _packaged_bytes(), (
        "schemas/advising-record.schema.json differs from the copy inside the package: "
        "copy src/advising_content/resources/advising-record.schema.json over it"
    )


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:advising-content:schema:advising-record:")
    assert schema["title"]
    Draft202012Validator.check_schema(schema)


def test_every_property_has_a_description() -> None:
    # Properties inside an "if" are conditions on values declared elsewhere, not declarations.
    missing = [
        f"{where}/properties/{name}"
        for where, node in _subschemas(load_schema())
        if isinstance(node.get("properties"), dict) and not where.endswith("/if")
        for name, prop in node["properties"].items()
        if not (isinstance(prop, dict) and prop.get("description"))
    ]
    assert missing == []


def test_every_object_forbids_unknown_keys() -> None:
    objects = [
        (where, node) for where, node in _subschemas(load_schema()) if node.get("type") == "object"
    ]
    assert objects, "the schema declares no objects"
    open_objects = [
        where for where, node in objects if node.get("additionalProperties") is not False
    ]
    assert open_objects == []


@pytest.mark.parametrize(
    "value",
    [
        "https://www.feinberg.northwestern.edu/",
        "http://example.edu/path?query=1#part",
        "https://example.edu/caf%C3%A9",
        "mailto:advisor@example.edu",
        "urn:isbn:9780071794855",
    ],
)
def test_is_uri_accepts(value: str) -> None:
    assert is_uri(value)


@pytest.mark.parametrize(
    "value",
    [
        "www.example.edu",
        "not a uri",
        "https://",
        "https://exa mple.edu/",
        "https://-example.edu/",
        "https://example.edu/<script>",
        "1http://example.edu",
        "",
    ],
)
def test_is_uri_rejects(value: str) -> None:
    assert not is_uri(value)


@pytest.mark.parametrize(
    "value", ["cheryl.lee@northwestern.edu", "a+b@example.co.uk", "o'brien@example.edu"]
)
def test_is_email_accepts(value: str) -> None:
    assert is_email(value)


@pytest.mark.parametrize(
    "value",
    [
        "cheryl.lee",
        "cheryl.lee@localhost",
        "@example.edu",
        "two@@example.edu",
        "dot.@example.edu",
        "space in@example.edu",
        "x@example..edu",
        f"{'a' * 65}@example.edu",
    ],
)
def test_is_email_rejects(value: str) -> None:
    assert not is_email(value)


@pytest.mark.parametrize(
    ("schema_format", "good", "bad"),
    [
        ("date", "2027-01-14", "2027-02-30"),
        ("uri", "https://example.edu/", "example.edu"),
        ("email", "advisor@example.edu", "advisor at example.edu"),
    ],
)
def test_formats_are_asserted(schema_format: str, good: str, bad: str) -> None:
    validator = Draft202012Validator(
        {"type": "string", "format": schema_format}, format_checker=format_checker()
    )
    assert validator.is_valid(good)
    assert not validator.is_valid(bad)


def test_the_schema_version_is_semver() -> None:
    version = load_schema()["x-schema-version"]
    major, minor, patch = (int(part) for part in version.split("."))
    assert (major, minor, patch) >= (1, 0, 0)


def test_the_schema_file_is_canonical_json() -> None:
    text = PUBLISHED.read_text("utf-8")
    assert text.endswith("}\n")
    assert json.loads(text) == load_schema()
