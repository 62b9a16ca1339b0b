"""A copy of this project as a content repository's tools would fetch it: a git repository
holding the files a release tag would hold, committed and tagged with this version.

The copy is taken from the working tree (files git tracks, and new ones it does not ignore), so
the tests drive what is being written, not the last commit; and only what installing the
package and its hook or action needs is copied.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from advising_content import __version__
from conftest import REPO

# What installing advising-content, its pre-commit hook or its GitHub Action reads.
NEEDED = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "action.yml", "src")
TAG = f"v{__version__}"

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Content Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.edu",
    "GIT_COMMITTER_NAME": "Content Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.edu",
}


def git(*arguments: str, cwd: Path) -> str:
    """Run git in ``cwd`` without the user's or the system's settings, and return its output."""
    env = {
        **os.environ,
        **GIT_IDENTITY,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["git", *arguments], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout


def copy_of_the_project(target: Path) -> Path:
    """``target``: a git repository holding this project's files, tagged ``TAG``."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", *NEEDED, cwd=REPO)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a file deleted in the working tree is still listed by git
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", ".", cwd=target)
    git("commit", "-q", "-m", f"Release {__version__}", cwd=target)
    git("tag", "-a", TAG, "-m", f"advising-content {__version__}", cwd=target)
    return target
