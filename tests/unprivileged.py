"""Run the installed command as an ordinary user would, even when the tests run as root.

Root passes every permission check through its capabilities (CAP_DAC_OVERRIDE and others). A
child that drops all of them from its bounding set before it starts keeps user id 0 but is
bound by file permissions like any user: the owner's bits apply to it. The files the tests make
stay reachable, wherever the checkout is, which a switch to another user id would not promise.
"""

from __future__ import annotations

import ctypes
import errno
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from conftest import console_script

_PR_CAPBSET_DROP = 24


def _drop_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in range(64):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            if ctypes.get_errno() == errno.EINVAL:  # past the last capability there is
                return
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def run_unprivileged(
    arguments: Sequence[str], cwd: Path, **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``advising-content ARGUMENTS`` in ``cwd`` without the privileges of root."""
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    extra = {"preexec_fn": _drop_capabilities} if os.geteuid() == 0 else {}
    try:
        return subprocess.run(
            [str(console_script()), *arguments],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **extra,
            **options,
        )
    except subprocess.SubprocessError as error:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"cannot run a command without root's privileges here: {error}")
