"""What a user without the permission to read or write gets: a located error, never a silent
skip or a half-done export. Run without root's privileges, so that they run everywhere."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES, MED_PEDS, tree
from unprivileged import run_unprivileged

MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_bytes()


@contextlib.contextmanager
def mode(path: Path, bits: int) -> Iterator[None]:
    """Give ``path`` the mode ``bits`` for a while; give it back, so that it can be removed."""
    before = path.stat().st_mode & 0o7777
    path.chmod(bits)
    try:
        yield
    finally:
        path.chmod(before)


def test_a_folder_that_cannot_be_listed_is_an_unreadable_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "sub").mkdir(parents=True)
    (content / "minimal.yaml").write_bytes(MINIMAL)
    (content / "sub" / "broken.yaml").write_text("id: [\n")
    with mode(content / "sub", 0):
        result = run_unprivileged(["validate", "content"], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "content/sub:1:1: error: the folder cannot be read: Permission denied; the content "
        "files in it were not checked (unreadable)\n"
        "Checked 2 files: 1 error in 1 file.\n"
    )


def test_a_file_without_read_permission(tmp_path: Path) -> None:
    (tmp_path / "locked.yaml").write_bytes(MINIMAL)
    with mode(tmp_path / "locked.yaml", 0):
        result = run_unprivileged(["validate", "locked.yaml"], cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "locked.yaml:1:1: error: the file cannot be read: Permission denied (unreadable)\n"
        "Checked 1 file: 1 error in 1 file.\n"
    )


def test_a_path_inside_a_folder_that_cannot_be_entered(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "minimal.yaml").write_bytes(MINIMAL)
    with mode(tmp_path / "locked", 0):
        result = run_unprivileged(["validate", "locked/minimal.yaml"], cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "locked/minimal.yaml:1:1: error: the file or folder cannot be read: Permission denied "
        "(unreadable)"
    )


def _exported(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "site"
    result = run_unprivileged(["export", str(MED_PEDS), "--out", "site", "-q"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return out, tree(out)


@pytest.mark.parametrize("folder", [".", "csv"])
def test_a_read_only_export_is_refused_and_left_whole(tmp_path: Path, folder: str) -> None:
    out, before = _exported(tmp_path)
    with mode(out / folder, 0o555):
        result = run_unprivileged(["export", str(MED_PEDS), "--out", "site"], cwd=tmp_path)
    shown = "site" if folder == "." else f"site/{folder}"
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: cannot export to site: {shown} is read-only, so the files in it cannot be "
        "replaced; make it writable (chmod -R u+w site) or choose another --out\n"
    )
    assert tree(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_parent_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    with mode(tmp_path / "shared", 0o555):
        result = run_unprivileged(["export", str(MED_PEDS), "--out", "shared/site"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: cannot export to shared/site: cannot write in {tmp_path / 'shared'}: "
        "permission denied\n"
    )
    assert list((tmp_path / "shared").iterdir()) == []


def test_a_parent_that_can_be_entered_but_not_read_is_an_error_not_a_crash(
    tmp_path: Path,
) -> None:
    (tmp_path / "shared").mkdir()
    with mode(tmp_path / "shared", 0o311):  # write and enter, not list
        result = run_unprivileged(["export", str(MED_PEDS), "--out", "shared/site"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: cannot export to shared/site: {tmp_path / 'shared'}: Permission denied\n"
    )


def test_a_folder_of_dir_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    out, before = _exported(tmp_path)
    (out / "private").mkdir()
    with mode(out / "private", 0):
        result = run_unprivileged(["export", str(MED_PEDS), "--out", "site"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "Error: cannot export to site: site/private cannot be read, so what replacing site would "
        "delete is unknown; make it readable or choose another --out\n"
    )
    assert tree(out) == before
