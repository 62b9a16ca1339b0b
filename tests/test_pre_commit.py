"""The pre-commit hook, driven by real pre-commit against a throwaway content repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs git and a git checkout of the project",
)


def _run(*command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


@pytest.fixture
def content_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Content Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.edu",
        "GIT_COMMITTER_NAME": "Content Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.edu",
        "GITHUB_ACTIONS": "",
    }
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    shutil.copy(EXAMPLES / "positive" / "minimal.yaml", repo / "content")
    shutil.copy(EXAMPLES / "negative" / "missing-keys.yaml", repo / "content")
    (repo / "notes.yaml").write_text("not: a record\n")
    _run("git", "init", "-q", cwd=repo, env=env)
    _run("git", "add", ".", cwd=repo, env=env)
    return repo, env


def _try_repo(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return _run(
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(REPO),
        "advising-content-validate",
        "--files",
        *files,
        cwd=repo,
        env=env,
    )


def test_the_hook_passes_a_valid_record_and_fails_an_invalid_one(content_repo) -> None:
    repo, env = content_repo
    passing = _try_repo(repo, env, "content/minimal.yaml")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "validate advising records" in passing.stdout
    assert "Passed" in passing.stdout

    failing = _try_repo(repo, env, "content/minimal.yaml", "content/missing-keys.yaml")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert "content/missing-keys.yaml:1:1: error: the record has no 'schema_version'" in (
        failing.stdout
    )


def test_the_hook_leaves_other_yaml_files_alone(content_repo) -> None:
    repo, env = content_repo
    result = _try_repo(repo, env, "notes.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout


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
