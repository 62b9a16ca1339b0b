"""Records point editors to the schema from their first line, and the content repository holds
that schema (and VS Code's settings): ``new``, ``import`` and ``migrate`` write them where they
are missing, ``editor`` refreshes them, and nothing of the editor's own is replaced."""

from __future__ import annotations

import json
from pathlib import Path

from advising_content.modelines import modeline_for, with_modeline
from conftest import CONTENT, REPO

SCHEMA = REPO / "schemas" / "advising-record.schema.json"
FIRST_LINE = "# yaml-language-server: $schema=../schemas/advising-record.schema.json"
WROTE_ALL = (
    "For editors, wrote schemas/advising-record.schema.json, .vscode/settings.json and "
    ".vscode/extensions.json (see the README: Editing with VS Code)."
)
SETTINGS = """\
{
  "yaml.schemas": {
    "./schemas/advising-record.schema.json": [
      "content/**/*.yaml",
      "content/**/*.yml"
    ]
  },
  "yaml.yamlVersion": "1.1"
}
"""
EXTENSIONS = '{\n  "recommendations": [\n    "redhat.vscode-yaml"\n  ]\n}\n'
NEW = ("new", "cardiology", "--name", "Cardiology", "--institution", "feinberg")


def _files(folder: Path) -> list[str]:
    return sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()
    )


def test_new_in_an_empty_folder_sets_up_the_repository_for_editors(cli, tmp_path: Path) -> None:
    outcome = cli(*NEW, cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output.splitlines() == [
        "Wrote content/cardiology.yaml. Replace each TODO, then run: advising-content validate "
        "content/cardiology.yaml",
        WROTE_ALL,
    ]
    assert _files(tmp_path) == [
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "content/cardiology.yaml",
        "schemas/advising-record.schema.json",
    ]
    record = (tmp_path / "content" / "cardiology.yaml").read_text("utf-8")
    assert record.startswith(FIRST_LINE + "\n# The advising record of the Cardiology specialty")
    assert (tmp_path / "schemas" / "advising-record.schema.json").read_bytes() == (
        SCHEMA.read_bytes()
    )
    assert (tmp_path / ".vscode" / "settings.json").read_text("utf-8") == SETTINGS
    assert (tmp_path / ".vscode" / "extensions.json").read_text("utf-8") == EXTENSIONS


def test_the_next_record_finds_the_repository_set_up(cli, tmp_path: Path) -> None:
    cli(*NEW, cwd=tmp_path)
    (tmp_path / ".vscode" / "settings.json").unlink()
    outcome = cli("new", "surgery", "--name", "Surgery", "--institution", "feinberg",
                  "--out", "content/feinberg", cwd=tmp_path)  # fmt: skip
    assert outcome.output.splitlines()[1:] == []
    assert not (tmp_path / ".vscode" / "settings.json").exists()
    record = (tmp_path / "content" / "feinberg" / "surgery.yaml").read_text("utf-8")
    assert record.startswith("# yaml-language-server: $schema=../../schemas/")


def test_the_repository_is_found_from_inside_it(cli, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "content").mkdir()
    outcome = cli(*NEW, "--out", "ecu", cwd=tmp_path / "content")
    assert outcome.output.splitlines()[1] == (
        "For editors, wrote ../schemas/advising-record.schema.json, ../.vscode/settings.json and "
        "../.vscode/extensions.json (see the README: Editing with VS Code)."
    )
    record = (tmp_path / "content" / "ecu" / "cardiology.yaml").read_text("utf-8")
    assert record.startswith("# yaml-language-server: $schema=../../schemas/")
    assert (tmp_path / "schemas" / "advising-record.schema.json").is_file()


def test_settings_of_the_editors_own_are_left_as_they_are(cli, tmp_path: Path) -> None:
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text('{"editor.tabSize": 2}\n', "utf-8")
    (tmp_path / ".vscode" / "extensions.json").write_text('{"recommendations": []}\n', "utf-8")
    outcome = cli(*NEW, cwd=tmp_path)
    assert outcome.output.splitlines()[1:] == [
        "For editors, wrote schemas/advising-record.schema.json (see the README: Editing with VS "
        "Code).",
        ".vscode/settings.json is left as it is; for VS Code to check the records, add to it: "
        '"yaml.schemas": {"./schemas/advising-record.schema.json": ["content/**/*.yaml", '
        '"content/**/*.yml"]}, "yaml.yamlVersion": "1.1"',
        '.vscode/extensions.json is left as it is; add "redhat.vscode-yaml" to its '
        '"recommendations"',
    ]
    assert (tmp_path / ".vscode" / "settings.json").read_text("utf-8") == '{"editor.tabSize": 2}\n'


def test_a_schema_file_of_another_kind_is_never_replaced(cli, tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    mine = tmp_path / "schemas" / "advising-record.schema.json"
    mine.write_text('{"$id": "https://example.edu/mine"}\n', "utf-8")
    outcome = cli(*NEW, cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output.splitlines()[1:] == [
        "schemas/advising-record.schema.json is not advising-content's schema, yet the records' "
        "first lines point editors to it; move it away, then run: advising-content editor"
    ]
    refreshed = cli("editor", cwd=tmp_path)
    assert refreshed.exit_code == 1
    assert refreshed.output == (
        "Error: schemas/advising-record.schema.json is not advising-content's schema; it was "
        "left as it is; move it away, then run this again\n"
    )
    assert mine.read_text("utf-8") == '{"$id": "https://example.edu/mine"}\n'


def test_editor_refreshes_an_older_copy_of_the_schema(cli, tmp_path: Path) -> None:
    cli(*NEW, cwd=tmp_path)
    copy = tmp_path / "schemas" / "advising-record.schema.json"
    older = json.loads(copy.read_text("utf-8")) | {"x-schema-version": "2.0.0-older"}
    copy.write_text(json.dumps(older), "utf-8")
    outcome = cli("new", "surgery", "--name", "Surgery", "--institution", "feinberg",
                  cwd=tmp_path)  # fmt: skip
    assert outcome.output.splitlines()[1:] == [
        "schemas/advising-record.schema.json is another version's schema; refresh it with: "
        "advising-content editor"
    ]
    refreshed = cli("editor", cwd=tmp_path / "content")
    assert refreshed.exit_code == 0
    assert refreshed.output == "Refreshed ../schemas/advising-record.schema.json.\n"
    assert copy.read_bytes() == SCHEMA.read_bytes()
    again = cli("editor", str(tmp_path), cwd=tmp_path / "content")
    assert again.output == "../schemas/advising-record.schema.json is up to date.\n"


def test_editor_in_an_empty_folder_writes_every_file(cli, tmp_path: Path) -> None:
    outcome = cli("editor", cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output == (
        "Wrote schemas/advising-record.schema.json.\n"
        "Wrote .vscode/settings.json.\n"
        "Wrote .vscode/extensions.json.\n"
    )
    assert _files(tmp_path) == [
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "schemas/advising-record.schema.json",
    ]
    assert cli("editor", cwd=tmp_path).output == (
        "schemas/advising-record.schema.json is up to date.\n"
    )


def test_import_to_standard_output_writes_nothing(cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Specialty Choice: Neurology\nDoes class rank matter?\nYes.\n", "utf-8")
    outcome = cli("import", "page.txt", "--institution", "Example School", "--stdout",
                  cwd=tmp_path)  # fmt: skip
    assert outcome.output.startswith(FIRST_LINE + "\n")
    assert _files(tmp_path) == ["page.txt"]


def test_a_first_line_is_put_first_and_said_once() -> None:
    folder = CONTENT
    stale = "# yaml-language-server: $schema=elsewhere.json"
    wanted = modeline_for(folder)
    assert wanted == FIRST_LINE
    assert with_modeline("id: x\n", wanted, folder) == f"{wanted}\nid: x\n"
    assert with_modeline(f"# a comment\n{stale}\n\nid: x\n", wanted, folder) == (
        f"{wanted}\n# a comment\n\nid: x\n"
    )
    assert with_modeline(f"# a\n{wanted}\n# $schema: x.json\nid: x\n", wanted, folder) == (
        f"{wanted}\n# a\nid: x\n"
    )
    # A comment in the record, below the header, is the editor's own.
    assert with_modeline(f"id: x\n{stale}\n", wanted, folder) == f"{wanted}\nid: x\n{stale}\n"


def test_this_repository_points_its_records_and_its_editor_to_the_schema() -> None:
    records = [CONTENT / "med-peds.yaml", *sorted((REPO / "examples").rglob("*.yaml"))]
    for record in records:
        first = record.read_text("utf-8").split("\n", 1)[0]
        assert first == modeline_for(record.parent), record
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    assert settings == {
        "yaml.schemas": {
            "./schemas/advising-record.schema.json": [
                "content/**/*.yaml",
                "content/**/*.yml",
                "examples/**/*.yaml",
            ]
        },
        "yaml.yamlVersion": "1.1",
    }
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text("utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}


def test_a_schema_that_cannot_be_written_is_said_and_the_record_kept(cli, tmp_path: Path) -> None:
    (tmp_path / "schemas").write_text("a file where the folder would be\n", "utf-8")
    outcome = cli(*NEW, cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output.splitlines()[1:] == [
        "cannot write schemas/advising-record.schema.json: File exists"
    ]
    assert (tmp_path / "content" / "cardiology.yaml").is_file()
    refreshed = cli("editor", cwd=tmp_path)
    assert refreshed.exit_code == 1
    assert refreshed.output == (
        "Error: cannot write schemas/advising-record.schema.json: File exists\n"
    )


def test_editor_leaves_a_symbolic_link_as_it_is(cli, tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    link = tmp_path / "schemas" / "advising-record.schema.json"
    link.symlink_to(SCHEMA)
    outcome = cli("editor", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "Error: schemas/advising-record.schema.json is a symbolic link; it was left as it is; "
        "move it away, then run this again\n"
    )
    assert link.is_symlink()
