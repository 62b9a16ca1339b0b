"""docs/schema.md is generated from the schema and kept in step with it."""

from __future__ import annotations

from advising_content.question_bank import load_question_bank
from advising_content.resources import load_schema
from advising_content.schema_docs import schema_reference
from conftest import REPO

DOCS = REPO / "docs" / "schema.md"


def test_the_committed_reference_is_what_the_generator_writes_now() -> None:
    assert DOCS.read_text("utf-8") == schema_reference(), (
        "docs/schema.md is out of date: advising-content schema --format markdown > docs/schema.md"
    )


def test_every_entity_and_field_is_documented() -> None:
    text = schema_reference()
    schema = load_schema()
    objects = [schema, *schema["properties"].values(), *schema["$defs"].values()]
    for node in objects:
        if node.get("type") != "object":
            continue
        section = text.split(f"\n## {node['title']}\n", 1)[1].split("\n## ", 1)[0]
        for name, prop in node["properties"].items():
            assert f"| `{name}` |" in section, (node["title"], name)
            assert " ".join(prop["description"].split()) in section.replace("\\|", "|")


def test_allowed_values_and_required_fields_are_shown() -> None:
    text = schema_reference()
    assert "| `stance` | [Stance](#stance) | no |" in text
    assert "Type: one of `yes`, `no`, `required`" in text
    assert (
        "| `question_groups` | list of [Question group](#question-group) (at least 1) | yes |"
        in text
    )
    assert "Either `advisor` or `name` or `organization` or `department` must be given." in text


def test_the_question_bank_is_listed() -> None:
    text = schema_reference()
    for question in load_question_bank().questions:
        assert f"| `{question.key}` | {', '.join(question.audiences)} |" in text
