"""The README, the changelog and CI say what the software does."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import advising_content
from advising_content.rules import catalogue
from conftest import CONTENT, MED_PEDS, REPO, console_script

RULES = catalogue()

README = (REPO / "README.md").read_text("utf-8")


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_quick_start_has_two_commands_and_ci_runs_the_second() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    main_job, test_command = commands
    assert "advising-content export" in main_job
    assert "pytest" in test_command
    ci_lines = (REPO / ".ci" / "run").read_text("utf-8").splitlines()
    assert test_command in ci_lines


def test_the_main_job_validates_and_exports_the_shipped_content(tmp_path: Path) -> None:
    main_job = _quick_start()[0]
    command = main_job.rsplit("&& ", 1)[1].split()
    assert command[0] == ".venv/bin/advising-content"
    shutil.copytree(CONTENT, tmp_path / "content")
    result = subprocess.run(
        [str(console_script()), *command[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Checked 1 file: no problems.\nExported to build: ")
    assert (tmp_path / "build" / "json" / "feinberg" / "med-peds.json").is_file()


def _generated_tables() -> dict[str, str]:
    from advising_content.export.csv_docs import tables_list
    from advising_content.export.registry import formats_table as export_formats
    from advising_content.limits import limits_table
    from advising_content.reports import formats_table as report_formats
    from advising_content.rules import rules_table

    return {
        "report formats": report_formats(),
        "export formats": export_formats(),
        "limits": limits_table(),
        "rules": rules_table(RULES),
        "csv tables": tables_list(),
    }


def test_the_readme_tables_are_the_generated_ones(request: pytest.FixtureRequest) -> None:
    update = request.config.getoption("--update-golden")
    text = README
    for name, table in _generated_tables().items():
        marker = f"<!-- generated: {name} -->\n"
        start = text.index(marker) + len(marker)
        indent = text[text.rindex("\n", 0, start - len(marker)) + 1 : start - len(marker)]
        table = "".join(indent + line + "\n" for line in table.splitlines())
        end = text.index(f"{indent}<!-- end generated -->", start)
        if update:
            text, end = text[:start] + table + text[end:], start + len(table)
        assert text[start:end] == table, f"the README's table of {name} is out of date"
    if update and text != README:
        (REPO / "README.md").write_text(text, encoding="utf-8")


def test_every_command_is_documented_in_the_readme() -> None:
    from advising_content.cli import main

    assert main.commands
    missing = [name for name in main.commands if f"advising-content {name}" not in README]
    assert missing == []


def test_the_readme_error_example_is_real(cli, tmp_path: Path) -> None:
    example = re.search(r"```\n(content/med-peds\.yaml:\d+:\d+: .+)\n```", README)
    assert example is not None
    (tmp_path / "content").mkdir()
    record = (MED_PEDS).read_text("utf-8")
    (tmp_path / "content" / "med-peds.yaml").write_text(
        record.replace("name: Cheryl Lee", "name: yes")
    )
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.output.splitlines()[0] == example[1]


def test_the_changelog_has_a_heading_for_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text("utf-8")
    version = re.escape(advising_content.__version__)
    assert re.search(rf"^## \[{version}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.MULTILINE)


def test_the_code_and_schema_are_licensed() -> None:
    from importlib.metadata import metadata

    assert (REPO / "LICENSE").read_text("utf-8").startswith("MIT License\n")
    assert metadata("advising-content")["License-Expression"] == "MIT"
    assert "LICENSE" in metadata("advising-content").get_all("License-File")
    assert "belongs to its institution" in README


def test_ci_tests_the_lowest_version_of_every_dependency() -> None:
    import sys
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    pins = subprocess.run(
        [sys.executable, str(REPO / ".ci" / "lowest-versions")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    lowest = [requirement.split(",")[0] for requirement in project["dependencies"]]
    assert pins == [requirement.replace(">=", "==") for requirement in lowest]
    assert "lowest-versions" in (REPO / ".ci" / "run").read_text("utf-8")
