"""Acceptance fixtures: every valid file passes; every invalid one prints exactly its expected
output, messages included, so that any change of wording is a visible, reviewed change.

Each example in ``negative/`` (a file, or a folder checked as a whole) has the complete output of
``advising-content validate EXAMPLE`` beside it in ``EXAMPLE.out``. After a deliberate change,
``pytest --update-golden`` rewrites them, and ``git diff`` shows what changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advising_content.rules import catalogue
from conftest import EXAMPLES, PROBLEM_LINE

RULES = catalogue()

NEGATIVE = EXAMPLES / "negative"
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))
EXAMPLES_OF_NEGATIVE = sorted(
    path.name for path in NEGATIVE.iterdir() if path.suffix == ".yaml" or path.is_dir()
)
# Rules that no file kept in git can show, each pinned message and all by a test of its own.
SHOWN_ELSEWHERE = {
    "unreadable": "tests/test_permissions.py (file permissions are not kept in git)",
    "file-too-large": "tests/test_hostile_input.py (a file of more than 1 MiB)",
}


def _expected(name: str) -> Path:
    return NEGATIVE / f"{Path(name).stem if name.endswith('.yaml') else name}.out"


@pytest.mark.parametrize("path", POSITIVE, ids=[path.name for path in POSITIVE])
def test_valid_files_pass_strictly(cli, path) -> None:
    outcome = cli("validate", "--strict", path.name, cwd=path.parent)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output == "Checked 1 file: no problems.\n"


@pytest.mark.parametrize("name", EXAMPLES_OF_NEGATIVE)
def test_invalid_examples_print_exactly_their_expected_output(cli, golden, name: str) -> None:
    outcome = cli("validate", name, cwd=NEGATIVE)
    golden(_expected(name), outcome.output)
    assert outcome.exit_code == (1 if ": error: " in outcome.output else 0)
    assert outcome.problem_lines, "an invalid example must show at least one problem"


def test_every_expected_output_belongs_to_an_example() -> None:
    assert sorted(path.name for path in NEGATIVE.glob("*.out")) == sorted(
        _expected(name).name for name in EXAMPLES_OF_NEGATIVE
    )


def test_every_rule_has_a_negative_example() -> None:
    shown = set()
    for expected in NEGATIVE.glob("*.out"):
        shown |= set(re.findall(r" \(([a-z0-9-]+)\)$", expected.read_text("utf-8"), re.M))
    assert sorted(set(RULES) - shown - set(SHOWN_ELSEWHERE)) == []
    assert set(SHOWN_ELSEWHERE) <= set(RULES)


def _problems(output: str) -> list[tuple[str, int, int, str, str]]:
    """Each problem line as (path, line, column, severity, rule); messages are pinned above."""
    return [
        (m["path"], int(m["line"]), int(m["column"]), m["severity"], m["rule"])
        for m in map(PROBLEM_LINE.match, output.splitlines())
        if m
    ]


def test_all_examples_in_one_run_give_the_same_problems_sorted(cli) -> None:
    outcome = cli("validate", ".", cwd=NEGATIVE)
    expected = [
        problem
        for name in EXAMPLES_OF_NEGATIVE
        for problem in _problems(_expected(name).read_text("utf-8"))
    ]
    shown = _problems(outcome.output)
    # Problems sort by file, line, column and rule (then message), as the report sorts them.
    assert shown == sorted(expected, key=lambda problem: (*problem[:3], problem[4]))
    assert outcome.exit_code == 1
