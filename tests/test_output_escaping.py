"""File names and values that could break, forge or hide output are shown escaped, the same way
in every format, and never crash a strictly UTF-8 standard output."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from advising_content.reports import reporters
from conftest import EXAMPLES, console_script

MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_bytes()
STRICT_UTF8 = {"PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}


def _run(
    *arguments: str | bytes, cwd: Path, github: bool = False
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(STRICT_UTF8)
    if github:
        environment["GITHUB_ACTIONS"] = "true"
    result = subprocess.run(
        [os.fsencode(console_script()), *(os.fsencode(a) for a in arguments)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


NOT_UTF8 = b"bad\xff.yaml"
ID_MESSAGE = (
    "the record id 'minimal' does not match the file name '{name}'; rename the file to "
    "'minimal.yaml'"
)


def test_a_name_that_is_not_utf8_is_shown_escaped_in_text(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(NOT_UTF8)).write_bytes(MINIMAL)
    result = _run("validate", NOT_UTF8, cwd=tmp_path)
    message = ID_MESSAGE.format(name="bad\\xff.yaml")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        f"bad\\xff.yaml:3:5: error: {message} (id-file-name)\nChecked 1 file: 1 error in 1 file.\n"
    )


def test_a_name_that_is_not_utf8_gives_valid_json(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(NOT_UTF8)).write_bytes(MINIMAL)
    result = _run("validate", "--format", "json", NOT_UTF8, cwd=tmp_path)
    document = json.loads(result.stdout)
    assert document["files"] == ["bad\\xff.yaml"]
    assert document["problems"][0]["path"] == "bad\\xff.yaml"
    assert document["problems"][0]["message"] == ID_MESSAGE.format(name="bad\\xff.yaml")


@pytest.mark.parametrize("explicit", [True, False], ids=["--format-github", "GITHUB_ACTIONS"])
def test_a_name_that_is_not_utf8_in_github_annotations(tmp_path: Path, explicit: bool) -> None:
    (tmp_path / os.fsdecode(NOT_UTF8)).write_bytes(MINIMAL)
    options = ("--format", "github") if explicit else ()
    result = _run("validate", *options, NOT_UTF8, cwd=tmp_path, github=not explicit)
    message = ID_MESSAGE.format(name="bad\\xff.yaml")
    assert result.stdout.splitlines()[0] == (
        "::error file=bad\\xff.yaml,line=3,col=5,title=advising-content id-file-name::" + message
    )


def test_the_export_summary_shows_such_a_name_escaped(tmp_path: Path) -> None:
    (tmp_path / "minimal.yaml").write_bytes(MINIMAL)
    result = _run("export", "minimal.yaml", "--out", b"out\xff", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        "Exported to out\\xff: 1 record, 1 JSON document in json/, 1 Markdown page in "
        "markdown/, 17 CSV tables in csv/, 1 workbook of 17 sheets in xlsx/, 19 files of a static "
        "site in html/, index.json and manifest.json."
    )
    assert (tmp_path / os.fsdecode(b"out\xff") / "index.json").is_file()


HIDING = "a\x07b\u202ec\x1b[31md\u200b.yaml"
HIDING_SHOWN = "a\\x07b\\u202ec\\x1b[31md\\u200b.yaml"


@pytest.mark.parametrize("output_format", list(reporters()))
def test_control_bidi_and_invisible_characters_are_escaped(
    tmp_path: Path, output_format: str
) -> None:
    (tmp_path / HIDING).write_bytes(MINIMAL)
    result = _run("validate", "--format", output_format, HIDING, cwd=tmp_path)
    if output_format == "json":
        assert json.loads(result.stdout)["problems"][0]["path"] == HIDING_SHOWN
    else:
        assert HIDING_SHOWN in result.stdout
    for character in "\x07\u202e\x1b\u200b":
        assert character not in result.stdout


def test_a_usage_error_shows_the_name_escaped(tmp_path: Path) -> None:
    result = _run("validate", "gone\x1b[2J.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '[PATH]...': 'gone\\x1b[2J.yaml' does not exist"
    )


def test_a_name_cannot_forge_the_position_of_a_problem(tmp_path: Path) -> None:
    name = "x.yaml:12:3: warning: fine.yaml"
    (tmp_path / name).write_bytes(MINIMAL)
    result = _run("validate", name, cwd=tmp_path)
    first = result.stdout.splitlines()[0]
    assert first.startswith("x.yaml\\x3a12\\x3a3\\x3a warning\\x3a fine.yaml:3:5: error: ")
    assert first.split(":", 1)[0] == "x.yaml\\x3a12\\x3a3\\x3a warning\\x3a fine.yaml"
