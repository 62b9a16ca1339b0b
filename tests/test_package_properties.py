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
from strategies import records

BLANKS = st.sampled_from(["", " ", "\t", " \n ", "\u00a0"])


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The location of every text of ``value`` but ids, keys and fixed codes."""
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            if key not in ("id", "key", "schema_version", "kind", "stance", "term", "url")
            for found in _texts(item, (*path, key))
        ]
    if isinstance(value, list) and path[-1:] not in (("audiences",), ("months",), ("advisors",)):
        return [found for index, item in enumerate(value) for found in _texts(item, (*path, index))]
    return [path] if isinstance(value, str) else []


def _set(record: dict[str, Any], path: tuple[Any, ...], value: str) -> None:
    target: Any = record
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


@st.composite
def checked_records(draw: st.DrawFn) -> dict[str, Any]:
    """A record, some of whose texts are empty (an error) or only spaces (a warning)."""
    record = draw(records())
    places = _texts(record)
    for place in draw(st.lists(st.sampled_from(places), max_size=3)):
        _set(record, place, draw(BLANKS))
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
def test_an_empty_text_anywhere_is_an_error(record: dict[str, Any], data: st.DataObject) -> None:
    _set(record, data.draw(st.sampled_from(_texts(record))), "")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{record['id']}.yaml"
        source.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
        report = validate_paths([source])
    assert "empty-text" in {
        problem.rule for problem in report.problems if problem.severity == "error"
    }
