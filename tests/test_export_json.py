"""The JSON export: the records as loaded, keyed by institution, in the schema's key order, their
text with paragraphs as a list of blocks, valid against the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from advising_content.resources import load_schema
from advising_content.string_formats import format_checker
from conftest import ALL_FIELDS, EXPORT_EXAMPLES, MED_PEDS
from prose_text import blocks, with_prose

SOURCES = [MED_PEDS, ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]


def _export(out: Path, *paths: Path) -> None:
    from click.testing import CliRunner

    from advising_content.cli import main

    arguments = ["export", *map(str, paths), "--out", str(out), "--format", "json"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    _export(out, *SOURCES)
    return out


def _loaded(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


def _document(exported: Path, record_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (exported / "json" / "feinberg" / f"{record_id}.json").read_text("utf-8")
    )
    return data


@pytest.mark.parametrize("source", SOURCES, ids=[path.stem for path in SOURCES])
def test_each_record_is_exported_as_loaded(exported: Path, source: Path) -> None:
    assert _document(exported, source.stem) == with_prose(_loaded(source), blocks)


@pytest.mark.parametrize("source", SOURCES, ids=[path.stem for path in SOURCES])
def test_each_document_is_valid_against_the_published_schema(exported: Path, source: Path) -> None:
    validator = Draft202012Validator(load_schema(), format_checker=format_checker())
    errors = validator.iter_errors(_document(exported, source.stem))
    assert [error.message for error in errors] == []


def test_text_with_paragraphs_is_a_list_of_one_paragraph_strings(exported: Path) -> None:
    document = _document(exported, "all-fields")
    assert document["quote"]["text"] == ['A quote, with "quotes" inside. ...And an ellipsis.']
    assert document["description"]["text"] == [
        "The specialty in the school's own words.",
        {"list": ["One item", "Another item"]},
    ]
    first = document["question_groups"][0]["questions"]
    assert first[0]["answer"] == ["Two paragraphs of advice.", "The second one."]
    assert "answer" not in first[2]
    assert [section.get("text") for section in document["sections"]] == [
        ["It may be."], None, ["A line the page shows without a heading."]
    ]  # fmt: skip
    assert document["sessions"][0]["description"] == ["Students meet the advisors."]
    hostile = _document(exported, "hostile-text")["question_groups"][0]["questions"][1]
    assert hostile["answer"] == ['+1; "-1"; a', "b; x", "y"]


def test_folded_and_literal_paragraphs_export_alike(tmp_path: Path) -> None:
    text = ALL_FIELDS.read_text("utf-8")
    folded = text.replace("        answer: |-\n", "        answer: >-\n", 1)
    assert folded != text
    (tmp_path / "folded").mkdir()
    (tmp_path / "folded" / "all-fields.yaml").write_text(folded, "utf-8")
    _export(tmp_path / "a", tmp_path / "folded" / "all-fields.yaml")
    _export(tmp_path / "b", ALL_FIELDS)
    a, b = ((tmp_path / out / "json" / "feinberg" / "all-fields.json").read_bytes() for out in "ab")
    assert a == b


def test_keys_follow_the_schema_order_not_the_file_order(tmp_path: Path) -> None:
    shuffled = tmp_path / "all-fields.yaml"
    shuffled.write_text(yaml.safe_dump(_loaded(ALL_FIELDS), sort_keys=True), "utf-8")
    _export(tmp_path / "a", shuffled)
    _export(tmp_path / "b", ALL_FIELDS)
    a, b = ((tmp_path / out / "json" / "feinberg" / "all-fields.json").read_bytes() for out in "ab")
    assert a == b
    document = json.loads(a)
    assert list(document) == [
        "id", "schema_version", "source", "institution", "specialty", "title", "quote",
        "description", "question_groups", "sections", "advisor_groups", "advisors", "sessions",
        "contacts", "links", "page_order",
    ]  # fmt: skip
    assert list(document["advisors"][0]) == [
        "id", "name", "degrees", "titles", "department", "profile_url", "email"
    ]  # fmt: skip
    assert list(document["question_groups"][2]["questions"][0]) == [
        "key", "question", "answer", "months", "period"
    ]  # fmt: skip


def test_format_two_space_indent_utf8_and_final_newline(exported: Path) -> None:
    text = (exported / "json" / "feinberg" / "hostile-text.json").read_text("utf-8")
    assert text.startswith('{\n  "id": "hostile-text",\n  "schema_version": "2.0.0",\n')
    assert "Ünïcödé 医学" in text
    assert "\\u" not in text
    assert text.endswith("}\n")


def test_records_of_two_institutions_may_share_an_id(tmp_path: Path) -> None:
    other = tmp_path / "other" / "example-surgery.yaml"
    other.parent.mkdir()
    source = (EXPORT_EXAMPLES / "example-surgery.yaml").read_text("utf-8")
    other.write_text(source.replace("  id: feinberg\n", "  id: other-school\n"), "utf-8")
    _export(tmp_path / "out", other, EXPORT_EXAMPLES / "example-surgery.yaml")
    index = json.loads((tmp_path / "out" / "index.json").read_text("utf-8"))
    assert [(r["key"], r["files"]["json"]) for r in index["records"]] == [
        ("feinberg/example-surgery", "json/feinberg/example-surgery.json"),
        ("other-school/example-surgery", "json/other-school/example-surgery.json"),
    ]
    for name in ("feinberg", "other-school"):
        document = tmp_path / "out" / "json" / name / "example-surgery.json"
        assert json.loads(document.read_text("utf-8"))["institution"]["id"] == name


def test_the_index_lists_every_record_and_the_schema_version(exported: Path) -> None:
    index = json.loads((exported / "index.json").read_text("utf-8"))
    assert index["schema"] == {"id": load_schema()["$id"], "version": "2.0.0"}
    assert index["formats"] == ["json"]
    assert index["tables"] == {}
    assert index["records"][0] == {
        "key": "feinberg/all-fields",
        "institution_id": "feinberg",
        "id": "all-fields",
        "name": "Example Specialty",
        "institution": "Example School of Medicine",
        "files": {"json": "json/feinberg/all-fields.json"},
    }
    assert [record["id"] for record in index["records"]] == sorted(p.stem for p in SOURCES)
    for record in index["records"]:
        source = _loaded(next(path for path in SOURCES if path.stem == record["id"]))
        assert record["key"] == f"{source['institution']['id']}/{source['id']}"
        assert record["institution_id"] == source["institution"]["id"]
        assert record["name"] == source["specialty"]["name"]
        assert record["institution"] == source["institution"]["name"]
        assert record["files"] == {"json": f"json/{record['key']}.json"}
        assert (exported / record["files"]["json"]).is_file()
