"""The GitHub Action (action.yml), run as GitHub runs a composite action, without GitHub.

Its inputs and steps are read from action.yml. The actions/setup-python step is stood in for by
a throwaway virtual environment put first on PATH; each shell step is written to a script and
run with bash as GitHub runs it, in a content repository, with GITHUB_ACTION_PATH naming a
tagged copy of this project and the step's env given the inputs. So the action's own install
step installs advising-content, and its own validate step checks the content.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import venv
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, REPO
from project_copy import TAG, copy_of_the_project

pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(
        shutil.which("git") is None or shutil.which("bash") is None,
        reason="needs git and bash",
    ),
]

ACTION: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_text("utf-8")
README = (REPO / "README.md").read_text("utf-8")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")


def test_the_action_is_composite_with_its_inputs_and_steps() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["name"]
    assert ACTION["description"]
    inputs = ACTION["inputs"]
    assert {name: spec["default"] for name, spec in inputs.items()} == {
        "paths": "content",
        "strict": "false",
        "python-version": "3.11",
    }
    assert all(spec["description"] and spec["required"] is False for spec in inputs.values())
    assert [step["name"] for step in STEPS] == [
        "Set up Python",
        "Install advising-content",
        "Validate",
    ]
    assert STEPS[0]["uses"] == "actions/setup-python@v5"
    assert STEPS[0]["with"] == {"python-version": "${{ inputs.python-version }}"}
    for step in STEPS[1:]:
        assert step["shell"] == "bash"
        # An expression pasted into a script could run what an input holds.
        assert "${{" not in step["run"]


def _expanded(value: str, inputs: dict[str, str]) -> str:
    """``value`` with each ``${{ inputs.NAME }}`` replaced by the input, as GitHub does; any
    other expression is one this test cannot stand in for."""

    def replace(match: re.Match[str]) -> str:
        name = match[1].strip().removeprefix("inputs.")
        assert name in ACTION["inputs"], f"unknown expression {match[0]}"
        return inputs.get(name, ACTION["inputs"][name]["default"])

    return EXPRESSION.sub(replace, value)


def _run_step(
    name: str, environment: dict[str, str], cwd: Path, **inputs: str
) -> subprocess.CompletedProcess[str]:
    """Run the step called ``name`` as GitHub runs a bash step: its script written to a file and
    run with ``bash --noprofile --norc -eo pipefail``."""
    step = next(step for step in STEPS if step["name"] == name)
    script = cwd.parent / f"{name}.sh"
    script.write_text(step["run"], encoding="utf-8")
    env = {**environment}
    env.update({key: _expanded(value, inputs) for key, value in step.get("env", {}).items()})
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a job once the action's first two steps have run: Python set up,
    and advising-content installed by the action's install step from GITHUB_ACTION_PATH."""
    root = tmp_path_factory.mktemp("runner")
    (root / "advising-content").mkdir()
    action_path = copy_of_the_project(root / "advising-content")
    venv.create(root / "python", with_pip=True)  # what actions/setup-python puts on PATH
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }
    environment |= {
        "PATH": f"{root / 'python' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": str(action_path),
        "RUNNER_TEMP": str(root),
    }
    (root / "workspace").mkdir()
    installed = _run_step("Install advising-content", environment, root / "workspace")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (root / "python" / "bin" / "advising-content").exists()
    return environment


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A checked-out content repository: a valid record, and one with a warning."""
    content = tmp_path / "workspace" / "content"
    content.mkdir(parents=True)
    (content / "minimal.yaml").write_text(MINIMAL)
    spaced = MINIMAL.replace("id: minimal", "id: spaced")
    spaced = spaced.replace("answer: Yes, one or two.", 'answer: " Yes, one or two."')
    (content / "spaced.yaml").write_text(spaced)
    return tmp_path / "workspace"


WARNING = "file=content/spaced.yaml,line=17,col=17,title=advising-content whitespace::"


def test_the_action_annotates_warnings_and_passes(runner, workspace, cli) -> None:
    result = _run_step("Validate", runner, workspace)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    expected = cli("validate", "--format", "github", "content", cwd=workspace)
    assert result.stdout == expected.output
    assert result.stdout.startswith(f"::warning {WARNING}")


def test_strict_fails_on_a_warning_annotated_as_an_error(runner, workspace, cli) -> None:
    result = _run_step("Validate", runner, workspace, strict="true")
    assert (result.returncode, result.stderr) == (1, ""), result.stdout
    expected = cli("validate", "--format", "github", "--strict", "content", cwd=workspace)
    assert result.stdout == expected.output
    assert result.stdout.startswith(f"::error {WARNING}")


def test_the_action_fails_on_an_error(runner, workspace, cli) -> None:
    (workspace / "content" / "minimal.yaml").write_text(MINIMAL.replace("id: minimal", "id: x"))
    result = _run_step("Validate", runner, workspace)
    assert result.returncode == 1, result.stdout + result.stderr
    expected = cli("validate", "--format", "github", "content", cwd=workspace)
    assert expected.exit_code == 1
    assert result.stdout == expected.output
    assert result.stdout.startswith(
        "::error file=content/minimal.yaml,line=3,col=5,title=advising-content id-file-name::"
    )


def test_paths_are_split_on_spaces_and_line_breaks_and_never_expanded(runner, workspace) -> None:
    (workspace / "other").mkdir()
    (workspace / "other" / "other.yaml").write_text(MINIMAL.replace("id: minimal", "id: other"))
    result = _run_step(
        "Validate", runner, workspace, paths="content/minimal.yaml  other\n", strict="false"
    )
    assert (result.returncode, result.stdout) == (0, "Checked 2 files: no problems.\n")
    result = _run_step("Validate", runner, workspace, paths="content/*.yaml")
    assert result.returncode == 2
    assert "Error: Invalid value for '[PATH]...': 'content/*.yaml' does not exist" in result.stderr


def test_a_strict_input_that_is_not_true_or_false_is_refused(runner, workspace) -> None:
    result = _run_step("Validate", runner, workspace, strict="yes")
    assert (result.returncode, result.stdout) == (
        2,
        "::error title=advising-content action::the input 'strict' must be true or false\n",
    )


def _readme_workflow() -> dict[str, Any]:
    section = README.split("### In GitHub Actions", 1)[1].split("\n### ", 1)[0]
    found = re.search(r"```yaml\n(# \.github/workflows/content\.yml\n.+?)```", section, re.DOTALL)
    assert found is not None, "the README shows no workflow"
    workflow: dict[str, Any] = yaml.safe_load(found[1])
    return workflow


def test_the_readme_workflow_uses_this_release_of_the_action() -> None:
    steps = _readme_workflow()["jobs"]["validate"]["steps"]
    assert steps[0] == {"uses": "actions/checkout@v4"}
    assert steps[1]["uses"] == f"<owner>/advising-content@{TAG}"
    assert set(steps[1].get("with", {})) <= set(ACTION["inputs"])
    section = README.split("### In GitHub Actions", 1)[1].split("\n### ", 1)[0]
    assert (
        f'pip install "advising-content @ git+https://github.com/<owner>/advising-content@{TAG}"'
    ) in section


def test_the_readme_pip_install_installs_the_tagged_release(runner, tmp_path) -> None:
    """The README's `pip install "advising-content @ git+URL@TAG"`, with the tagged copy for
    the URL, installs that release."""
    section = README.split("### In GitHub Actions", 1)[1].split("\n### ", 1)[0]
    found = re.search(r'pip install "(advising-content @ git\+\S+)"', section)
    assert found is not None
    copy = Path(runner["GITHUB_ACTION_PATH"])
    requirement = found[1].replace(
        "https://github.com/<owner>/advising-content", f"file://localhost{copy.as_posix()}"
    )
    assert requirement.endswith(f"@{TAG}")
    installed = subprocess.run(
        [
            "python",
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(tmp_path),
            requirement,
        ],
        env=runner,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (tmp_path / f"advising_content-{TAG[1:]}.dist-info").is_dir()
    assert (tmp_path / "advising_content" / "cli" / "validate.py").is_file()
