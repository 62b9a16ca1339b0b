"""The schema tells an editor what the validator knows, where JSON Schema can say it: a title on
every field, an example in every description, the question bank's keys to complete, and
placeholders flagged with a message that says what to do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from advising_content.question_bank import load_question_bank
from advising_content.resources import load_schema, referenced
from advising_content.schema_words import NOT_BLANK
from advising_content.text_checks import PLACEHOLDER
from conftest import REPO


def _properties(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every declared property of the schema, with where it is; not the conditions of an if."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict) and not where.endswith("/if"):
            for name, prop in node["properties"].items():
                yield f"{where}/properties/{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}/{index}")


def test_the_examples_of_a_question_key_are_the_keys_of_the_bank() -> None:
    key = load_schema()["$defs"]["question"]["properties"]["key"]
    assert key["examples"] == [question.key for question in load_question_bank().questions]


def test_every_property_has_a_title_of_its_own() -> None:
    untitled = [where for where, prop in _properties(load_schema()) if not prop.get("title")]
    assert untitled == []


def test_every_property_gives_an_example() -> None:
    schema = load_schema()
    without = [
        where
        for where, prop in _properties(schema)
        if "such as" not in prop["description"]
        and "examples" not in prop
        and "enum" not in referenced(prop, schema)
    ]
    assert without == []


def test_every_example_is_valid_where_it_is_given() -> None:
    schema = load_schema()
    for where, prop in _properties(schema):
        validator = Draft202012Validator({**prop, "$defs": schema["$defs"]})
        for example in prop.get("examples", []):
            assert validator.is_valid(example), (where, example)


@pytest.mark.parametrize("name", ["text", "prose", "block"])
def test_a_text_with_a_placeholder_fails_the_schema_with_a_message_for_editors(name) -> None:
    schema = load_schema()
    validator = Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
    assert validator.is_valid("Filled in.")
    assert not validator.is_valid(f"{PLACEHOLDER}: the answer as the page gives it.")
    assert not validator.is_valid(f"First line.\nThen a {PLACEHOLDER} on the second.")
    assert not validator.is_valid(" \n ")
    assert schema["$defs"][name]["pattern"] == NOT_BLANK
    assert schema["$defs"][name]["patternErrorMessage"] == (
        "Write the text the page gives here: this still holds the placeholder 'TODO', or "
        "nothing but spaces."
    )


@pytest.mark.parametrize(
    "text", ["TODO", "x TODO", "a\nb\nTODO c", "todo", "TO DO", "Done.", " ", "\n\t", " a "]
)
def test_the_text_pattern_fails_a_placeholder_as_the_placeholder_rule_does(text) -> None:
    passes = re.search(NOT_BLANK, text) is not None
    assert passes == (PLACEHOLDER not in text and bool(text.strip()))


def test_validate_reports_a_placeholder_once_in_its_own_words(cli, tmp_path) -> None:
    record = (REPO / "tests" / "example-files" / "negative" / "placeholders.yaml").read_text()
    (tmp_path / "placeholders.yaml").write_text(record.replace("answer: TODO", "answer: ' '"))
    outcome = cli("validate", "placeholders.yaml", cwd=tmp_path)
    assert outcome.problem_lines == [
        "placeholders.yaml:15:17: error (empty-text)",
        "placeholders.yaml:18:17: error (placeholder)",
    ]
