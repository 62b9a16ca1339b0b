"""The pre-commit hook, driven by real pre-commit and git in a throwaway content repository that
uses the hook as the README says: from a git repository (a tagged copy of this project) at a
release tag."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from project_copy import GIT_IDENTITY, TAG, copy_of_the_project, git

pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(
        shutil.which("git") is None or not (REPO / ".git").exists(),
        reason="needs git and a git checkout of the project",
    ),
]

MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_text("utf-8")
README = (REPO / "README.md").read_text("utf-8")
PUBLISHED_AT = "https://github.com/<owner>/advising-content"


def _run(*command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def _readme_config() -> str:
    """The README's .pre-commit-config.yaml for a content repository."""
    section = README.split("### Checking content on every commit", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.+?)```", section, re.DOTALL)
    assert found is not None, "the README shows no .pre-commit-config.yaml"
    return found[1]


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A tagged copy of this project, and a pre-commit home that the tests share, so that the
    hook's environment is installed once."""
    root = tmp_path_factory.mktemp("hooks")
    (root / "advising-content").mkdir()
    return copy_of_the_project(root / "advising-content"), root / "pre-commit-home"


@pytest.fixture
def content_repo(tmp_path: Path, hooks: tuple[Path, Path]) -> tuple[Path, dict[str, str]]:
    """A content repository with a valid and an invalid record, and notes.yaml outside
    content/, whose .pre-commit-config.yaml is the README's, with the copy as the repository."""
    project, home = hooks
    env = {
        **os.environ,
        **GIT_IDENTITY,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "GITHUB_ACTIONS": "",
    }
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    shutil.copy(EXAMPLES / "positive" / "minimal.yaml", repo / "content")
    shutil.copy(EXAMPLES / "negative" / "missing-keys.yaml", repo / "content")
    (repo / "notes.yaml").write_text("not: a record\n")
    (repo / ".pre-commit-config.yaml").write_text(
        _readme_config().replace(PUBLISHED_AT, project.as_uri())
    )
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    return repo, env


def _pre_commit(repo: Path, env: dict[str, str], *arguments: str):
    return _run(sys.executable, "-m", "pre_commit", *arguments, cwd=repo, env=env)


def test_the_readme_config_names_this_release() -> None:
    config = _readme_config()
    assert f"    rev: {TAG}\n" in config
    assert f"  - repo: {PUBLISHED_AT}\n" in config


def test_the_hook_passes_a_valid_record_and_fails_an_invalid_one(content_repo) -> None:
    repo, env = content_repo
    passing = _pre_commit(repo, env, "run", "--files", "content/minimal.yaml")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "validate advising records" in passing.stdout
    assert "Passed" in passing.stdout

    failing = _pre_commit(
        repo, env, "run", "--files", "content/minimal.yaml", "content/missing-keys.yaml"
    )
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert "content/missing-keys.yaml:1:1: error: the record has no 'schema_version'" in (
        failing.stdout
    )


def test_the_hook_leaves_other_yaml_files_alone(content_repo) -> None:
    repo, env = content_repo
    result = _pre_commit(repo, env, "run", "--files", "notes.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout


def _commit_valid_records(repo: Path) -> None:
    """Commit a record of each of two institutions, both valid, before the hook is installed."""
    (repo / "content" / "missing-keys.yaml").unlink()
    (repo / "content" / "ecu").mkdir()
    (repo / "content" / "ecu" / "minimal.yaml").write_text(
        MINIMAL.replace("  id: feinberg\n", "  id: ecu\n")
    )
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "Two schools' records", cwd=repo)


def test_a_commit_cannot_reuse_the_id_of_a_record_it_leaves_alone(content_repo) -> None:
    repo, env = content_repo
    _commit_valid_records(repo)
    installed = _pre_commit(repo, env, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # The editor gives the ecu record the institution of content/minimal.yaml by mistake.
    (repo / "content" / "ecu" / "minimal.yaml").write_text(MINIMAL)
    git("add", "content/ecu/minimal.yaml", cwd=repo)

    commit = _run("git", "commit", "-m", "Reuse an id", cwd=repo, env=env)
    output = commit.stdout + commit.stderr
    assert commit.returncode == 1, output
    assert "validate advising records" in output
    assert "Failed" in output
    assert (
        "content/ecu/minimal.yaml:3:5: error: the record 'feinberg/minimal' is already used by "
        "content/minimal.yaml; each record needs an id of its own within its institution "
        "(duplicate-record)\nChecked 1 file: 1 error in 1 file"
    ) in output
    assert git("log", "--format=%s", cwd=repo) == "Two schools' records\n"


def test_a_passing_hook_shows_its_warnings(content_repo, cli) -> None:
    repo, env = content_repo
    _commit_valid_records(repo)
    installed = _pre_commit(repo, env, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    record = repo / "content" / "minimal.yaml"
    record.write_text(MINIMAL.replace("answer: Yes, one or two.", 'answer: "Yes, one or two. "'))
    git("add", "content/minimal.yaml", cwd=repo)
    report = cli("validate", "content/minimal.yaml", cwd=repo).output
    assert report.startswith("content/minimal.yaml:17:17: warning: ")
    assert "(whitespace)\nChecked 1 file: 1 warning in 1 file" in report

    commit = _run("git", "commit", "-m", "A space too many", cwd=repo, env=env)
    output = commit.stdout + commit.stderr
    assert commit.returncode == 0, output
    assert re.search(r"validate advising records\.+Passed\n", output)
    assert report in output
    assert git("log", "-1", "--format=%s", cwd=repo) == "A space too many\n"


def test_try_repo_tries_the_hook_of_a_checkout(content_repo, hooks) -> None:
    """The README's way to try the hook without a release."""
    repo, env = content_repo
    project, _ = hooks
    (repo / "content" / "missing-keys.yaml").unlink()
    git("add", "-A", cwd=repo)
    result = _pre_commit(
        repo, env, "try-repo", str(project), "advising-content-validate", "--all-files"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checked 1 file: no problems.\n" in result.stdout


def test_the_hook_manifest_and_the_project_config_are_valid() -> None:
    for command, path in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "pre_commit", command, str(REPO / path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
