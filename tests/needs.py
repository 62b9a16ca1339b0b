"""Programs a test needs that a machine may lack (Node.js, Chromium, LibreOffice): without one
the test is skipped with the reason, except under CI (``CI=true``), where a skip would hide a
test that did not run, so it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def unavailable(reason: str) -> None:
    """Skip the test for ``reason``, or under CI fail it."""
    if under_ci():
        pytest.fail(f"{reason}; CI must run this test (.ci/run installs what it needs)")
    pytest.skip(reason)


def program(name: str, why: str) -> str:
    """The path of the program ``name``, or skip (under CI fail) saying ``why`` it is needed."""
    found = shutil.which(name)
    if found is None:
        unavailable(f"{name} is not installed: {why}")
    assert found is not None
    return found


def npm_package(folder: Path, module: str) -> Path:
    """``folder/node_modules/module``, installed with ``npm ci`` from the folder's lock file
    when it is missing."""
    installed = folder / "node_modules" / module
    if installed.exists():
        return installed
    npm = program("npm", f"it installs {module} from {folder.name}/package-lock.json")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(folder)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    if result.returncode != 0:
        unavailable(f"npm ci --prefix {folder} failed: {result.stderr[-500:]}")
    return installed
