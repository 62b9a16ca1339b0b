"""The command line: options, exit codes, output formats, and the installed entry points."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version

import click
import pytest

from advising_content import __version__
from advising_content.cli import main
from conftest import EXAMPLES, MED_PEDS, console_script

NEGATIVE = EXAMPLES / "negative"


def test_version_matches_the_installed_distribution(cli) -> None:
    outcome = cli("--version")
    assert outcome.exit_code == 0
    assert outcome.output == f"advising-content, version {__version__}\n"
    assert version("advising-content") == __version__


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    return sorted(group.commands.items())


def test_every_command_has_help_text(cli) -> None:
    assert main.help
    assert _commands(main), "no commands registered"
    for name, command in _commands(main):
        assert command.help, f"'{name}' has no help text"
        assert command.help.strip(), f"'{name}' has blank help text"
        outcome = cli(name, "--help")
        assert outcome.exit_code == 0
        assert command.help.split("\n")[0].strip()[:40] in " ".join(outcome.output.split())
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                assert parameter.help, f"option {parameter.name} of '{name}' has no help text"


def test_validate_defaults_to_content_directory(cli, tmp_path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "med-peds.yaml").write_bytes(MED_PEDS.read_bytes())
    (tmp_path / "minimal.yaml").write_text("not checked: [\n")
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output == "Checked 1 file: no problems.\n"


def test_no_path_and_no_content_directory_is_a_usage_error(cli, tmp_path) -> None:
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "no PATH given and there is no content/ directory here" in outcome.output


def test_path_that_does_not_exist_is_a_usage_error(cli, tmp_path) -> None:
    outcome = cli("validate", "missing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.splitlines()[-1] == (
        "Error: Invalid value for '[PATH]...': 'missing.yaml' does not exist"
    )


def test_unknown_option_is_a_usage_error(cli) -> None:
    outcome = cli("validate", "--colour", str(MED_PEDS))
    assert outcome.exit_code == 2
    assert outcome.output.startswith("Usage: advising-content validate [OPTIONS] [PATH]...")
    assert "No such option" in outcome.output  # click's words, which differ between versions
    assert "--colour" in outcome.output


def test_directory_without_content_files_is_a_usage_error(cli, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("not content\n")
    outcome = cli("validate", ".", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "no content files (*.yaml or *.yml) found in ." in outcome.output


def test_directories_are_searched_recursively_for_yaml_and_yml(cli, tmp_path) -> None:
    record = (EXAMPLES / "positive" / "minimal.yaml").read_text()
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "minimal.yml").write_text(record)
    (tmp_path / "a" / "notes.txt").write_text("id: not content\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "minimal.yaml").write_text("broken: [\n")
    outcome = cli("validate", ".", cwd=tmp_path)
    assert outcome.output == "Checked 1 file: no problems.\n"
    assert outcome.exit_code == 0


def test_file_that_cannot_be_read_is_a_content_error(cli, tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "minimal.yaml").write_text((EXAMPLES / "positive" / "minimal.yaml").read_text())
    outcome = cli("validate", ".", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.problem_lines == ["pipe.yaml:1:1: error (unreadable)"]
    assert "the file cannot be read: it is not a regular file" in outcome.output
    assert outcome.output.splitlines()[-1] == "Checked 2 files: 1 error in 1 file."


def test_broken_symlink_is_a_path_that_does_not_exist(cli, tmp_path) -> None:
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    outcome = cli("validate", "gone.yaml", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.splitlines()[-1] == (
        "Error: Invalid value for '[PATH]...': 'gone.yaml' is a symbolic link to "
        "'nowhere.yaml', which does not exist"
    )


def test_a_symlink_loop_named_on_the_command_line_is_called_a_loop(cli, tmp_path) -> None:
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    for name in ("loop.yaml", "a.yaml"):
        outcome = cli("validate", name, cwd=tmp_path)
        assert outcome.exit_code == 2
        assert outcome.output.splitlines()[-1] == (
            f"Error: Invalid value for '[PATH]...': '{name}' leads into a loop of symbolic "
            "links, so it names no file or folder"
        )


def test_strict_fails_on_warnings(cli) -> None:
    assert cli("validate", "text-warnings.yaml", cwd=NEGATIVE).exit_code == 0
    strict = cli("validate", "--strict", "text-warnings.yaml", cwd=NEGATIVE)
    assert strict.exit_code == 1
    assert strict.output.splitlines()[-1] == (
        "Checked 1 file: 5 warnings in 1 file. --strict: failed."
    )


def test_json_format_lists_every_problem_with_pointer_and_counts(cli) -> None:
    outcome = cli("validate", "--format", "json", "unknown-references.yaml", cwd=NEGATIVE)
    assert outcome.exit_code == 1
    document = json.loads(outcome.output)
    assert document["valid"] is False
    assert document["files"] == ["unknown-references.yaml"]
    assert document["counts"] == {"files": 1, "errors": 3, "warnings": 0}
    first = document["problems"][0]
    assert first == {
        "path": "unknown-references.yaml",
        "line": 20,
        "column": 26,
        "severity": "error",
        "rule": "unknown-reference",
        "pointer": "/sessions/0/advisors/1",
        "message": "there is no advisor with the id 'john-roe' in this record; "
        "did you mean 'jane-doe'?",
    }
    assert [p["pointer"] for p in document["problems"][1:]] == [
        "/contacts/0/advisor",
        "/links/0/advisor",
    ]


def test_json_format_of_valid_content(cli) -> None:
    outcome = cli("validate", "--format", "json", str(MED_PEDS))
    assert outcome.exit_code == 0
    document = json.loads(outcome.output)
    assert document["valid"] is True
    assert document["problems"] == []
    assert document["counts"] == {"files": 1, "errors": 0, "warnings": 0}


def test_github_format_prints_workflow_annotations(cli) -> None:
    outcome = cli("validate", "--format", "github", "placeholders.yaml", cwd=NEGATIVE)
    assert outcome.exit_code == 1
    lines = outcome.output.splitlines()
    assert lines[0] == (
        "::error file=placeholders.yaml,line=15,col=17,title=advising-content placeholder::"
        "'answer' still holds the placeholder 'TODO'; replace it with the real text"
    )
    assert lines[1].startswith("::error file=placeholders.yaml,line=18,col=17,")
    assert lines[2] == "Checked 1 file: 2 errors in 1 file."


def test_github_format_under_strict_shows_warnings_as_errors(cli) -> None:
    lenient = cli("validate", "--format", "github", "text-warnings.yaml", cwd=NEGATIVE)
    strict = cli("validate", "--format", "github", "--strict", "text-warnings.yaml", cwd=NEGATIVE)
    assert (lenient.exit_code, strict.exit_code) == (0, 1)
    assert lenient.output.splitlines()[0] == (
        "::warning file=text-warnings.yaml,line=5,col=9,title=advising-content whitespace::"
        "'name' begins with a space or line break; remove it; `advising-content fix` can mend this"
    )
    assert strict.output.splitlines()[0] == (
        "::error file=text-warnings.yaml,line=5,col=9,title=advising-content whitespace::"
        "'name' begins with a space or line break; remove it; `advising-content fix` can mend this"
    )
    assert not any(line.startswith("::warning") for line in strict.output.splitlines())


def test_github_format_is_chosen_under_github_actions(cli) -> None:
    outcome = cli("validate", "text-warnings.yaml", cwd=NEGATIVE, env={"GITHUB_ACTIONS": "true"})
    assert outcome.output.startswith("::warning file=text-warnings.yaml,line=5,col=9,")
    explicit = cli(
        "validate",
        "--format",
        "text",
        "text-warnings.yaml",
        cwd=NEGATIVE,
        env={"GITHUB_ACTIONS": "true"},
    )
    assert explicit.output.startswith("text-warnings.yaml:5:9: warning: ")


def test_github_annotation_escapes_separators(cli, tmp_path) -> None:
    odd = tmp_path / "100%,done:x"
    odd.mkdir()
    (odd / "minimal.yaml").write_text("id: minimal\n")
    outcome = cli("validate", "--format", "github", str(odd / "minimal.yaml"))
    first = outcome.output.splitlines()[0]
    assert first.startswith(f"::error file={tmp_path}/100%25%2Cdone%3Ax/minimal.yaml,line=1,col=1,")


def test_garbage_bytes_give_a_located_error_not_a_traceback(cli, tmp_path) -> None:
    (tmp_path / "noise.yaml").write_bytes(bytes(range(256)) * 4)
    outcome = cli("validate", "noise.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    # Bytes 0-127 are valid UTF-8 (byte 10 ends line 1); byte 0x80 is the first that is not.
    assert outcome.problem_lines == ["noise.yaml:2:118: error (encoding)"]
    assert "Traceback" not in outcome.output


def _run(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_installed_console_script_works_from_any_directory(tmp_path) -> None:
    script = str(console_script())
    assert _run(script, "--version", cwd=tmp_path).stdout == (
        f"advising-content, version {__version__}\n"
    )
    valid = _run(script, "validate", str(MED_PEDS), cwd=tmp_path)
    assert (valid.returncode, valid.stdout, valid.stderr) == (
        0,
        "Checked 1 file: no problems.\n",
        "",
    )
    invalid = _run(script, "validate", str(NEGATIVE / "duplicate-key.yaml"), cwd=tmp_path)
    assert invalid.returncode == 1
    assert f"{NEGATIVE / 'duplicate-key.yaml'}:8:3: error: the key 'name' appears twice" in (
        invalid.stdout
    )
    usage = _run(script, "validate", "nowhere.yaml", cwd=tmp_path)
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr


def test_python_dash_m_runs_the_same_command(tmp_path) -> None:
    result = _run(sys.executable, "-m", "advising_content", "validate", str(MED_PEDS), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "Checked 1 file: no problems.\n")


@pytest.mark.parametrize("name", ["syntax-error.yaml", "tags.yaml", "wrong-types.yaml"])
def test_console_script_reports_the_same_problems_as_the_runner(cli, name, tmp_path) -> None:
    in_process = cli("validate", name, cwd=NEGATIVE)
    installed = _run(str(console_script()), "validate", name, cwd=NEGATIVE)
    assert installed.returncode == in_process.exit_code == 1
    assert installed.stdout == in_process.output


def test_upper_case_suffixes_are_content_files_too(cli, tmp_path) -> None:
    record = (EXAMPLES / "positive" / "minimal.yaml").read_text()
    (tmp_path / "minimal.YAML").write_text(record)
    (tmp_path / "Other Name.YML").write_text(record.replace("id: minimal", "id: other"))
    outcome = cli("validate", ".", cwd=tmp_path)
    assert outcome.output == (
        "Other Name.YML:3:5: error: the record id 'other' does not match the file name "
        "'Other Name.YML'; rename the file to 'other.yaml' (id-file-name)\n"
        "Checked 2 files: 1 error in 1 file.\n"
    )


def test_notes_are_github_notices_and_not_counted(cli, tmp_path) -> None:
    (tmp_path / "many.yaml").write_text("id: many\nk: [" + ", ".join(["*a"] * 120) + "]\n")
    outcome = cli("validate", "--format", "github", "many.yaml", cwd=tmp_path)
    lines = outcome.output.splitlines()
    assert lines[-2].startswith("::notice file=many.yaml,line=2,col=")
    assert "title=advising-content too-many-problems::" in lines[-2]
    assert lines[-1] == "Checked 1 file: 125 errors in 1 file."
    document = json.loads(cli("validate", "--format", "json", "many.yaml", cwd=tmp_path).output)
    assert document["problems"][-1]["severity"] == "note"
    assert document["counts"] == {"files": 1, "errors": 125, "warnings": 0}


def test_the_format_choices_are_the_registered_formats() -> None:
    from advising_content.cli.export import export
    from advising_content.cli.validate import validate
    from advising_content.export.registry import export_formats
    from advising_content.reports import reporters

    def choices(command: click.Command) -> list[str]:
        option = next(p for p in command.params if p.name in ("formats", "output_format"))
        assert isinstance(option.type, click.Choice)
        return list(option.type.choices)

    assert choices(validate) == list(reporters()) == ["text", "json", "github"]
    assert (
        choices(export)
        == [*export_formats(), "all"]
        == ["json", "markdown", "csv", "xlsx", "html", "all"]
    )


def test_the_summary_counts_errors_and_warnings_and_the_files_they_are_in(cli) -> None:
    outcome = cli(
        "validate", "empty-text.yaml", "text-warnings.yaml", "formula-like.yaml", cwd=NEGATIVE
    )
    assert outcome.output.splitlines()[-1] == "Checked 3 files: 3 errors and 9 warnings in 3 files."


def test_a_duplicate_record_is_reported_on_the_copy(cli, tmp_path) -> None:
    shutil.copy(MED_PEDS, tmp_path / "med-peds.yaml")
    shutil.copy(MED_PEDS, tmp_path / "med-peds copy.yaml")
    outcome = cli("validate", ".", cwd=tmp_path)
    assert outcome.problem_lines == [
        "med-peds copy.yaml:5:5: error (duplicate-record)",
        "med-peds copy.yaml:5:5: error (id-file-name)",
    ]
    assert (
        "the record 'feinberg/med-peds' is already used by med-peds.yaml; each record needs an id "
        "of its own within its institution"
    ) in outcome.messages


_LOADED_AFTER = """
import sys
from advising_content.cli import main
try:
    main(sys.argv[1:], prog_name="advising-content")
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""
_CHECKING = ("yaml", "ruamel", "jsonschema", "jsonschema_rs", "multiprocessing", "concurrent")
_CHECKING += tuple(
    f"advising_content.{name}"
    for name in (
        "file_check",
        "validation",
        "reading",
        "schema_gate",
        "schema_check",
        "content_checks",
        "record_checks",
        "question_bank",
        "workers",
    )
)


def _loaded_after(*args: str) -> list[str]:
    """The modules a fresh process has loaded after running the command line with ``args``."""
    ran = subprocess.run(
        [sys.executable, "-c", _LOADED_AFTER, *args], capture_output=True, text=True, check=True
    )
    return ran.stderr.split()


def _among(loaded: list[str], packages: tuple[str, ...]) -> list[str]:
    """The modules of ``loaded`` that are among ``packages`` or inside one of them."""
    inside = tuple(f"{package}." for package in packages)
    return [name for name in loaded if name in packages or name.startswith(inside)]


@pytest.mark.parametrize("option", ["--version", "--help", "-h"])
def test_version_and_help_load_no_checking_code(option: str) -> None:
    loaded = _loaded_after(option)
    assert "click" in loaded
    assert _among(loaded, _CHECKING) == []


def test_validating_one_file_loads_neither_worker_processes_nor_jsonschema() -> None:
    loaded = _loaded_after("validate", str(MED_PEDS))
    assert "advising_content.file_check" in loaded
    unneeded = ("multiprocessing", "concurrent", "jsonschema", "advising_content.export")
    assert _among(loaded, unneeded) == []
