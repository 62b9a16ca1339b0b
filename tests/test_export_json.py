"""The JSON export: the records as loaded, in the schema's key order, valid against the schema."""

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

SOURCES = [MED_PEDS, ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = tmp_path_factory.mktemp("export") / "out"
    result = CliRunner().invoke(
        main, ["export", *map(str, SOURCES), "--out", str(out), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return out


def _loaded(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize("source", SOURCES, ids=[path.stem for path in SOURCES])
def test_each_record_is_exported_as_loaded(exported: Path, source: Path) -> None:
    document = json.loads((exported / "json" / f"{source.stem}.json").read_text("utf-8"))
    assert document == _loaded(source)


@pytest.mark.parametrize("source", SOURCES, ids=[path.stem for path in SOURCES])
def test_each_document_is_valid_against_the_published_schema(exported: Path, source: Path) -> None:
    document = json.loads((exported / "json" / f"{source.stem}.json").read_text("utf-8"))
    validator = Draft202012Validator(load_schema(), format_checker=format_checker())
    assert [error.message for error in validator.iter_errors(document)] == []


def test_keys_follow_the_schema_order_not_the_file_order(cli, tmp_path: Path) -> None:
    shuffled = tmp_path / "all-fields.yaml"
    shuffled.write_text(yaml.safe_dump(_loaded(ALL_FIELDS), sort_keys=True), "utf-8")
    cli("export", str(shuffled), "--out", str(tmp_path / "a"), "--format", "json")
    cli("export", str(ALL_FIELDS), "--out", str(tmp_path / "b"), "--format", "json")
    a, b = ((tmp_path / out / "json" / "all-fields.json").read_bytes() for out in "ab")
    assert a == b
    document = json.loads(a)
    assert list(document)[:4] == ["id", "schema_version", "institution", "specialty"]
    assert list(document["advisors"][0]) == [
        "id", "name", "degrees", "department", "role", "profile_url", "email"
    ]  # fmt: skip


def test_format_two_space_indent_utf8_and_final_newline(exported: Path) -> None:
    text = (exported / "json" / "hostile-text.json").read_text("utf-8")
    assert text.startswith('{\n  "id": "hostile-text",\n')
    assert "Ünïcödé 医学" in text
    assert "\\u" not in text
    assert text.endswith("}\n")


def test_the_index_lists_every_record_and_the_schema_version(exported: Path) -> None:
    index = json.loads((exported / "index.json").read_text("utf-8"))
    assert index["schema"] == {"id": load_schema()["$id"], "version": "1.0.0"}
    assert index["formats"] == ["json"]
    assert index["tables"] == {}
    assert [record["id"] for record in index["records"]] == sorted(p.stem for p in SOURCES)
    for record in index["records"]:
        source = next(path for path in SOURCES if path.stem == record["id"])
        assert record["name"] == _loaded(source)["specialty"]["name"]
        assert record["files"] == {"json": f"json/{record['id']}.json"}
        assert (exported / record["files"]["json"]).is_file()
