"""``validate --ids-from DIR``: the files checked are compared with the ids of every other
record under DIR, which are read for their ids alone (as the pre-commit hook needs, since it
is given only the files a commit changes)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from advising_content.other_records import record_ids_under, record_key_in
from conftest import EXAMPLES, REPO

MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_text("utf-8")
DUPLICATE = (
    "content/ecu/minimal.yaml:3:5: error: the record 'feinberg/minimal' is already used by "
    "content/minimal.yaml; each record needs an id of its own within its institution "
    "(duplicate-record)"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """content/minimal.yaml, and content/ecu/minimal.yaml, which has the same record key."""
    (tmp_path / "content" / "ecu").mkdir(parents=True)
    (tmp_path / "content" / "minimal.yaml").write_text(MINIMAL)
    (tmp_path / "content" / "ecu" / "minimal.yaml").write_text(MINIMAL)
    return tmp_path


def test_a_checked_record_with_the_id_of_one_not_checked_is_reported(cli, repo) -> None:
    alone = cli("validate", "content/ecu/minimal.yaml", cwd=repo)
    assert (alone.exit_code, alone.problem_lines) == (0, [])

    outcome = cli("validate", "--ids-from", "content", "content/ecu/minimal.yaml", cwd=repo)
    assert outcome.exit_code == 1
    assert outcome.output.splitlines() == [DUPLICATE, "Checked 1 file: 1 error in 1 file."]


def test_the_record_is_reported_on_the_checked_file_whatever_its_name(cli, repo) -> None:
    outcome = cli("validate", "--ids-from", "content", "content/minimal.yaml", cwd=repo)
    assert outcome.output.splitlines()[0] == (
        "content/minimal.yaml:3:5: error: the record 'feinberg/minimal' is already used by "
        "content/ecu/minimal.yaml; each record needs an id of its own within its institution "
        "(duplicate-record)"
    )


def test_a_checked_file_under_dir_is_not_compared_with_itself(cli, repo) -> None:
    (repo / "content" / "ecu" / "minimal.yaml").write_text(
        MINIMAL.replace("  id: feinberg\n", "  id: ecu\n")
    )
    os.symlink("minimal.yaml", repo / "content" / "link.yml")
    for checked in ("content/minimal.yaml", "./content//minimal.yaml", str(repo / "content")):
        outcome = cli("validate", "--ids-from", "content", checked, cwd=repo)
        assert (outcome.exit_code, outcome.problem_lines) == (0, []), checked
    every = cli("validate", "--ids-from", "content", "--ids-from", ".", cwd=repo)
    assert (every.exit_code, every.output) == (0, "Checked 2 files: no problems.\n")


def test_the_other_records_are_neither_checked_nor_counted(cli, repo) -> None:
    other = repo / "content" / "ecu" / "minimal.yaml"
    other.write_text(MINIMAL.replace("schema_version", "schema_versoin") + "  extra: [\n")
    (repo / "content" / "broken.yaml").write_text("id: [\n")
    (repo / "content" / "list.yaml").write_text("- id: minimal\n")
    (repo / "content" / "too-large.yaml").write_bytes(b"# " + b"x" * (1 << 20) + b"\n")
    os.mkfifo(repo / "content" / "pipe.yaml")  # read, it would wait for a writer for ever
    outcome = cli(
        "validate", "--format", "json", "--ids-from", "content", "content/minimal.yaml", cwd=repo
    )
    document = json.loads(outcome.output)
    assert document["counts"] == {"files": 1, "errors": 0, "warnings": 0}
    assert document["problems"] == []


def test_an_other_record_with_problems_still_gives_its_id(cli, repo) -> None:
    other = repo / "content" / "ecu" / "minimal.yaml"
    other.write_text(MINIMAL.replace("schema_version", "schema_versoin"))
    outcome = cli("validate", "--ids-from", "content", "content/minimal.yaml", cwd=repo)
    assert outcome.messages == [
        "the record 'feinberg/minimal' is already used by content/ecu/minimal.yaml; each record "
        "needs an id of its own within its institution"
    ]


def test_a_record_met_twice_among_the_checked_is_reported_once(cli, repo) -> None:
    (repo / "other").mkdir()
    (repo / "other" / "minimal.yaml").write_text(MINIMAL)
    outcome = cli("validate", "--ids-from", "other", "content", cwd=repo)
    assert outcome.problem_lines == [
        "content/ecu/minimal.yaml:3:5: error (duplicate-record)",
        "content/minimal.yaml:3:5: error (duplicate-record)",
    ]
    assert [message.split(";")[0] for message in outcome.messages] == [
        "the record 'feinberg/minimal' is already used by other/minimal.yaml",
        "the record 'feinberg/minimal' is already used by content/ecu/minimal.yaml",
    ]


def test_ids_from_may_be_repeated(cli, repo) -> None:
    shutil.move(repo / "content" / "minimal.yaml", repo / "minimal.yaml")
    (repo / "elsewhere").mkdir()
    (repo / "elsewhere" / "minimal.yaml").write_text(MINIMAL)
    checked = "content/ecu/minimal.yaml"
    assert cli("validate", "--ids-from", "content", checked, cwd=repo).exit_code == 0
    outcome = cli("validate", "--ids-from", "content", "--ids-from", "elsewhere", checked, cwd=repo)
    assert outcome.exit_code == 1
    assert "already used by elsewhere/minimal.yaml;" in outcome.output


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("nowhere", "Error: Invalid value for '--ids-from': 'nowhere' does not exist\n"),
        (
            "content/minimal.yaml",
            "Error: Invalid value for '--ids-from': 'content/minimal.yaml' is not a folder; "
            "name the folder that holds the other records, such as content\n",
        ),
    ],
)
def test_ids_from_takes_a_folder(cli, repo, folder, message) -> None:
    outcome = cli("validate", "--ids-from", folder, "content/minimal.yaml", cwd=repo)
    assert outcome.exit_code == 2
    assert outcome.output.endswith(message)


def test_record_ids_are_read_without_checking(repo) -> None:
    content = repo / "content"
    assert record_key_in(str(content / "minimal.yaml")) == "feinberg/minimal"
    (content / "bare.yaml").write_text("id: bare\n")
    assert record_key_in(str(content / "bare.yaml")) == "bare"
    (content / "number.yaml").write_text("id: 12\n")
    assert record_key_in(str(content / "number.yaml")) is None
    assert record_key_in(str(content / "absent.yaml")) is None
    besides = {os.path.realpath(content / "minimal.yaml")}
    assert record_ids_under([str(content), str(repo / "gone")], besides=besides) == {
        "bare": str(content / "bare.yaml"),
        "feinberg/minimal": str(content / "ecu" / "minimal.yaml"),
    }
    many = record_ids_under([str(content)], besides=set(), workers=2)
    assert many["feinberg/minimal"] == str(content / "ecu" / "minimal.yaml")


def test_the_readme_documents_every_option_of_validate() -> None:
    from advising_content.cli.validate import validate

    section = (REPO / "README.md").read_text("utf-8").split("## Validating content", 1)[1]
    section = section.split("\n## ", 1)[0]
    options = [name for param in validate.params for name in param.opts if name.startswith("--")]
    assert "--ids-from" in options
    assert [name for name in options if f"`{name}" not in section] == []
