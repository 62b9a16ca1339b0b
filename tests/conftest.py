from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from advising_content.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "tests" / "example-files"
CONTENT = REPO / "content"
SOURCES = REPO / "sources"
EXPORT_EXAMPLES = EXAMPLES / "export"
ALL_FIELDS = EXAMPLES / "positive" / "all-fields.yaml"
# The tests' own copy of the med-peds record, so that editing the content breaks no unit test:
# the content has tests of its own (test_med_peds_content.py).
MED_PEDS = EXAMPLES / "positive" / "med-peds.yaml"

PROBLEM_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|note): "
    r"(?P<message>.+) \((?P<rule>[a-z0-9-]+)\)$"
)


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    output: str

    @property
    def problem_lines(self) -> list[str]:
        """Each problem as 'path:line:col: severity (rule)', in printed order."""
        found = []
        for line in self.output.splitlines():
            match = PROBLEM_LINE.match(line)
            if match:
                found.append(
                    f"{match['path']}:{match['line']}:{match['column']}: "
                    f"{match['severity']} ({match['rule']})"
                )
        return found

    @property
    def messages(self) -> list[str]:
        return [
            m["message"] for line in self.output.splitlines() if (m := PROBLEM_LINE.match(line))
        ]


def _outcome(result: Result) -> Outcome:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.output)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """Run the command line in-process with click's runner, from a chosen directory."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Outcome:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return _outcome(CliRunner().invoke(main, list(args), env=env, catch_exceptions=True))

    return run


def console_script() -> Path:
    """The installed ``advising-content`` script next to the interpreter running the tests."""
    script = Path(sys.executable).parent / "advising-content"
    assert script.exists(), f"the console script is not installed at {script}"
    return script


def tree(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory``, by path relative to it, with its bytes."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected outputs of the example files from what the command prints "
        "now; review the change with git diff",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare an output with its expected output on disk, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(expected: Path, actual: str) -> None:
        if update:
            expected.write_text(actual, encoding="utf-8", newline="\n")
            return
        assert expected.exists(), f"{expected} is missing: run pytest --update-golden, review it"
        assert actual == expected.read_text("utf-8"), f"the output differs from {expected.name}"

    return check
