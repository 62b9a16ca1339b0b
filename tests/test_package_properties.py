"""What validates exports to a data package that passes its own descriptor: any record that
has no errors gives CSV tables that frictionless accepts, in both CSV modes."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from advising_content import validate_paths
from advising_content.export.csv_options import CsvOptions
from advising_content.export.exporter import export_records
from advising_content.export.registry import ExportOptions
from advising_content.resources import load_schema, referenced
from strategies import records

SCHEMA = load_schema()
Location = tuple[str | int, ...]
# Spaces around a text: a warning, which does not stop an export.
SPACED = st.sampled_from([" a", "a ", "\ta\n", " \n a", "\u00a0a"])
BLANKS = st.sampled_from(["", " ", "\t", " \n ", "\u00a0"])


def _texts(value: Any, node: dict[str, Any] = SCHEMA, path: Location = ()) -> list[Location]:
    """The location of every text of ``value`` that the schema needs to hold a character."""
    node = referenced(node, SCHEMA)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        return [
            found
            for key, item in value.items()
            for found in _texts(item, properties.get(key, {}), (*path, key))
        ]
    if isinstance(value, list):
        items = node.get("items", {})
        return [
            found
            for index, item in enumerate(value)
            for found in _texts(item, items, (*path, index))
        ]
    return [path] if isinstance(value, str) and "minLength" in node else []


def _set(record: dict[str, Any], path: Location, value: str) -> None:
    target: Any = record
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


@st.composite
def checked_records(draw: st.DrawFn) -> dict[str, Any]:
    """A record, some of whose texts have spaces around them (a warning)."""
    record = draw(records())
    places = _texts(record)
    for place in draw(st.lists(st.sampled_from(places), max_size=3)):
        _set(record, place, draw(SPACED))
    return record


def _frictionless_errors(package: Path) -> list[str]:
    from frictionless import validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # frictionless's own deprecation notices
        report = validate(str(package))
    return [error.message for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=checked_records(), raw=st.booleans())
def test_a_record_without_errors_exports_to_a_valid_data_package(
    record: dict[str, Any], raw: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{record['id']}.yaml"
        source.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
        report = validate_paths([source], keep_data=True)
        assume(report.error_count == 0)
        data = [entry.data for entry in report.files if entry.data is not None]
        export_records(data, Path(folder) / "out", ["csv"], ExportOptions(CsvOptions(raw=raw)))
        assert _frictionless_errors(Path(folder) / "out" / "csv" / "datapackage.json") == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), data=st.data())
def test_an_empty_or_blank_text_anywhere_is_an_error(
    record: dict[str, Any], data: st.DataObject
) -> None:
    _set(record, data.draw(st.sampled_from(_texts(record))), data.draw(BLANKS))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{record['id']}.yaml"
        source.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
        report = validate_paths([source])
    assert "empty-text" in {
        problem.rule for problem in report.problems if problem.severity == "error"
    }
