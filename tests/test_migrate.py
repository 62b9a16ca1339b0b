"""``advising-content migrate``: 1.x records rewritten in place to the current schema, keeping
everything the migration does not change."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from conftest import EXAMPLES

OLD_RECORD = EXAMPLES / "migrate" / "med-peds.yaml"


def _copy(tmp_path: Path, name: str = "med-peds.yaml", text: str | None = None) -> Path:
    target = tmp_path / name
    if text is None:
        shutil.copyfile(OLD_RECORD, target)
    else:
        target.write_text(text, "utf-8")
    return target


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_1x_record_is_migrated_in_place_changing_only_what_must(cli, tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = path.read_text("utf-8")
    outcome = cli("migrate", "--institution", "feinberg", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output == (
        "med-peds.yaml: migrated from schema 1.0.0 to 2.0.0: institution.id is 'feinberg'; "
        "the role of advisor 'cheryl-lee' is now its titles; schema_version is now '2.0.0'; "
        "its first line points editors to schemas/advising-record.schema.json\n"
        "For editors, wrote schemas/advising-record.schema.json, .vscode/settings.json and "
        ".vscode/extensions.json (see the README: Editing with VS Code).\n"
        "1 file migrated, 0 up to date, 0 not migrated.\n"
    )
    assert _changed_lines(before, path.read_text("utf-8")) == [
        "+# yaml-language-server: $schema=schemas/advising-record.schema.json",
        '-schema_version: "1.0.0"',
        '+schema_version: "2.0.0"',
        "+  id: feinberg",
        "-    role: Specialty Career Advisor",
        "+    titles:",
        "+      - Specialty Career Advisor",
    ]
    validated = cli("validate", "--strict", "med-peds.yaml", cwd=tmp_path)
    assert validated.output == "Checked 1 file: no problems.\n"


def test_migrating_again_changes_nothing(cli, tmp_path: Path) -> None:
    path = _copy(tmp_path)
    cli("migrate", "med-peds.yaml", cwd=tmp_path)
    once = path.read_bytes()
    again = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert again.exit_code == 0
    assert again.output == (
        "med-peds.yaml: up to date (schema 2.0.0)\n"
        "0 files migrated, 1 up to date, 0 not migrated.\n"
    )
    assert path.read_bytes() == once


def test_the_institution_id_is_made_of_its_name_unless_given(cli, tmp_path: Path) -> None:
    path = _copy(tmp_path)
    cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert "  id: northwestern-university-feinberg-school-of-medicine\n" in path.read_text("utf-8")


def test_check_reports_without_writing(cli, tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = path.read_bytes()
    outcome = cli("migrate", "--check", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "med-peds.yaml: written for schema 1.0.0; migrating to 2.0.0 is due (run: "
        "advising-content migrate med-peds.yaml)\n1 file due, 0 up to date, 0 not migrated.\n"
    )
    assert path.read_bytes() == before
    cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert cli("migrate", "--check", "med-peds.yaml", cwd=tmp_path).exit_code == 0


def test_comments_quoting_and_block_styles_are_kept(cli, tmp_path: Path) -> None:
    text = OLD_RECORD.read_text("utf-8")
    text = text.replace("  name: Northwestern", "  # the school's full name\n  name: 'Northwestern")
    text = text.replace("School of Medicine\n", "School of Medicine'\n", 1)
    text = text.replace("answer: Not needed.\n", "answer: |-\n          Not needed.\n", 1)
    path = _copy(tmp_path, text=text)
    cli("migrate", "--institution", "feinberg", "med-peds.yaml", cwd=tmp_path)
    after = path.read_text("utf-8")
    assert "  # the school's full name\n  id: feinberg\n  name: 'Northwestern University" in after
    assert "answer: |-\n          Not needed.\n" in after
    assert "    pages: {first: 81, last: 82}\n" in after
    assert len(_changed_lines(text, after)) == 7


def test_a_record_with_errors_after_migrating_is_refused_and_left_alone(
    cli, tmp_path: Path
) -> None:
    text = OLD_RECORD.read_text("utf-8").replace("stance: not-needed", "stance: optional", 1)
    path = _copy(tmp_path, text=text)
    outcome = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "med-peds.yaml: not migrated; fix these errors first, then run migrate again:\n"
        "med-peds.yaml:62:17: error: 'optional' is not a stance the question "
        "'research-importance' takes; use one of: required, recommended, not-needed, or leave "
        "'stance' out (stance-not-taken)\n"
        "0 files migrated, 0 up to date, 1 not migrated.\n"
    )
    assert path.read_text("utf-8") == text


def test_a_file_that_does_not_parse_is_refused_at_its_error(cli, tmp_path: Path) -> None:
    text = OLD_RECORD.read_text("utf-8").replace("  name: Cheryl Lee", "  name: [Cheryl Lee")
    path = _copy(tmp_path, text=text)
    outcome = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.problem_lines[0].startswith("med-peds.yaml:")
    assert outcome.problem_lines[0].endswith("error (syntax)")
    assert path.read_text("utf-8") == text


def test_a_record_for_a_newer_schema_is_refused(cli, tmp_path: Path) -> None:
    text = OLD_RECORD.read_text("utf-8").replace('"1.0.0"', '"3.0.0"')
    _copy(tmp_path, text=text)
    outcome = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert "which is newer than the schema version 2.0.0" in outcome.output


def test_the_file_keeps_its_permissions(cli, tmp_path: Path) -> None:
    path = _copy(tmp_path)
    path.chmod(0o640)
    cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [
        ".vscode",
        "med-peds.yaml",
        "schemas",
    ]


def test_validate_tells_a_1x_record_to_migrate(cli, tmp_path: Path) -> None:
    _copy(tmp_path)
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output.splitlines()[0] == (
        "med-peds.yaml:5:17: error: the record is written for schema version 1.0.0, which "
        "schema version 2.0.0 does not accept; update it with: advising-content migrate "
        "med-peds.yaml (schema-version)"
    )


def test_a_directory_is_migrated_file_by_file(cli, tmp_path: Path) -> None:
    _copy(tmp_path)
    (tmp_path / "sub").mkdir()
    _copy(tmp_path / "sub")
    outcome = cli("migrate", "--institution", "feinberg", ".", cwd=tmp_path)
    assert outcome.output.endswith("2 files migrated, 0 up to date, 0 not migrated.\n")
    top, sub = (
        (folder / "med-peds.yaml").read_text("utf-8").split("\n", 1)
        for folder in (tmp_path, tmp_path / "sub")
    )
    assert top[0] == "# yaml-language-server: $schema=schemas/advising-record.schema.json"
    assert sub[0] == "# yaml-language-server: $schema=../schemas/advising-record.schema.json"
    assert top[1] == sub[1]


def test_a_modeline_that_leads_elsewhere_is_fixed_and_put_first(cli, tmp_path: Path) -> None:
    stale = "# yaml-language-server: $schema=advising-record.schema.json"
    text = OLD_RECORD.read_text("utf-8").replace("\n", f"\n{stale}\n", 1)
    path = _copy(tmp_path, text=text)
    outcome = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert "; its first line points editors to schemas/advising-record.schema.json\n" in (
        outcome.output
    )
    after = path.read_text("utf-8")
    assert after.startswith(
        "# yaml-language-server: $schema=schemas/advising-record.schema.json\n"
        "# Internal Medicine-Pediatrics (med-peds) specialty advising page,\n"
    )
    assert after.count("yaml-language-server") == 1


def test_a_modeline_that_leads_to_the_schema_is_kept(cli, tmp_path: Path) -> None:
    (tmp_path / "editor").mkdir()
    schema = cli("schema").output
    (tmp_path / "editor" / "record.schema.json").write_text(schema, "utf-8")
    kept = "# yaml-language-server: $schema=editor/record.schema.json"
    path = _copy(tmp_path, text=f"{kept}\n{OLD_RECORD.read_text('utf-8')}")
    outcome = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert "its first line" not in outcome.output
    assert path.read_text("utf-8").startswith(f"{kept}\n# Internal Medicine-Pediatrics")


def test_a_modeline_further_down_the_header_is_moved_first(cli, tmp_path: Path) -> None:
    (tmp_path / "editor").mkdir()
    (tmp_path / "editor" / "record.schema.json").write_text(cli("schema").output, "utf-8")
    text = OLD_RECORD.read_text("utf-8").replace(
        "\n", "\n# $schema: editor/record.schema.json\n", 1
    )
    path = _copy(tmp_path, text=text)
    outcome = cli("migrate", "med-peds.yaml", cwd=tmp_path)
    assert "; its first line points editors to editor/record.schema.json\n" in outcome.output
    assert path.read_text("utf-8").startswith(
        "# $schema: editor/record.schema.json\n# Internal Medicine-Pediatrics (med-peds)"
    )
