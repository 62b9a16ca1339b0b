"""Exports key records by institution and id, and only those slugs name the files written."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import MED_PEDS, REPO, tree

SCHOOLS = ("ecu", "feinberg")
BAD_SLUGS = ["../escape", "/abs", "a/b", "", None, "Upper"]


@pytest.mark.parametrize(
    ("field", "bad"),
    [*(("record", bad) for bad in BAD_SLUGS), *(("institution", bad) for bad in BAD_SLUGS)],
)
def test_file_names_come_only_from_slugs(tmp_path: Path, field: str, bad: str | None) -> None:
    import yaml

    from advising_content.export.exporter import export_records

    record = yaml.safe_load(MED_PEDS.read_text("utf-8"))
    if field == "record":
        record["id"] = bad
    else:
        record["institution"]["id"] = bad
    message = f"not a valid record key: {record['id']!r} of {record['institution']['id']!r}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        export_records([record], tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_records_are_keyed_by_institution(cli, tmp_path: Path) -> None:
    ecu, feinberg = (REPO / "examples" / school / "internal-medicine.yaml" for school in SCHOOLS)
    outcome = cli("export", str(feinberg), str(ecu), "--out", "out", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output == (
        "Checked 2 files: no problems.\n"
        "Exported to out: 2 records, 2 JSON documents in json/, 2 Markdown pages in markdown/, "
        "17 CSV tables in csv/, 1 workbook of 17 sheets in xlsx/, 20 files of a static site in "
        "html/, index.json and manifest.json.\n"
    )
    written = {
        name for name in tree(tmp_path / "out") if not name.startswith(("csv/", "xlsx/", "html/"))
    }
    assert written == {
        "index.json",
        "manifest.json",
        "json/ecu/internal-medicine.json",
        "json/feinberg/internal-medicine.json",
        "markdown/ecu/internal-medicine.md",
        "markdown/feinberg/internal-medicine.md",
    }
    index = json.loads((tmp_path / "out" / "index.json").read_text("utf-8"))
    assert [entry["key"] for entry in index["records"]] == [
        "ecu/internal-medicine",
        "feinberg/internal-medicine",
    ]


def test_a_record_twice_in_an_institution_writes_nothing(cli, tmp_path: Path) -> None:
    folder = tmp_path / "content"
    (folder / "copy").mkdir(parents=True)
    shutil.copy(MED_PEDS, folder)
    shutil.copy(MED_PEDS, folder / "copy")
    outcome = cli("export", "content", "--out", "out", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "content/med-peds.yaml:5:5: error: the record 'feinberg/med-peds' is already used by "
        "content/copy/med-peds.yaml; each record needs an id of its own within its institution "
        "(duplicate-record)\n"
        "Checked 2 files: 1 error in 1 file.\n"
        "Nothing was exported; out was not created.\n"
    )
    assert not (tmp_path / "out").exists()
