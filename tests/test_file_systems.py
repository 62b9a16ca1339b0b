"""Exports onto file systems that fight back: read-only, a mount point, a full disk. Each is a
real file system, a tmpfs mounted in a mount namespace of the test's own (``unshare``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, MED_PEDS, console_script


def in_mount_namespace(cwd: Path, script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the shell ``script`` in a mount namespace of its own, as the user's root, with the
    installed command as ``$0`` and ``arguments`` as ``$1``..."""
    command = ["unshare", "--mount", "--map-root-user", "sh", "-c", script]
    if (
        shutil.which("unshare") is None
        or subprocess.run([*command[:3], "true"], capture_output=True, check=False).returncode
    ):
        if os.environ.get("CI") == "true":
            pytest.fail("unshare cannot make a mount namespace here, so no file system to test")
        pytest.skip("unshare cannot make a mount namespace here (it needs user namespaces)")
    return subprocess.run(
        [*command, str(console_script()), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_read_only_file_system_is_called_read_only(tmp_path: Path) -> None:
    (tmp_path / "read-only").mkdir()
    script = 'mount -t tmpfs -o ro tmpfs read-only && exec "$0" export "$1" --out read-only/site'
    result = in_mount_namespace(tmp_path, script, str(MED_PEDS))
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"Error: cannot export to read-only/site: {tmp_path / 'read-only'} is on a read-only "
        "file system; choose another --out\n"
    )


def test_a_mount_point_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "mounted").mkdir()
    script = 'mount -t tmpfs tmpfs mounted && exec "$0" export "$1" --out mounted'
    result = in_mount_namespace(tmp_path, script, str(MED_PEDS))
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "Error: cannot export to mounted: mounted is a mount point, which cannot be replaced as "
        "a whole; export to a folder inside it, such as mounted/advising-content\n"
    )


def test_a_full_disk_leaves_dir_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "disk").mkdir()
    # A disk with room for one export of med-peds, not for it and a larger one beside it.
    formats = "--format json --format markdown --format csv"
    script = (
        f'mount -t tmpfs -o size=160k tmpfs disk && "$0" export "$1" --out disk/out -q {formats} '
        "&& find disk -type f | sort | xargs sha256sum > before.txt "
        f'&& "$0" export "$1" "$2" --out disk/out {formats}; echo "exit $?"; '
        "find disk -type f | sort | xargs sha256sum > after.txt; ls -A disk"
    )
    result = in_mount_namespace(tmp_path, script, str(MED_PEDS), str(EXAMPLES / "export"))
    assert result.stdout.splitlines()[-2:] == ["exit 2", "out"], result.stdout + result.stderr
    assert result.stderr == (
        "Error: cannot export to disk/out: No space left on device; nothing was exported and "
        "disk/out is unchanged\n"
    )
    before = (tmp_path / "before.txt").read_text()
    assert "disk/out/manifest.json" in before
    assert (tmp_path / "after.txt").read_text() == before
