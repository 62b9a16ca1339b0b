"""An export is on disk before it is swapped in: the system calls are watched with strace, and a
flush that fails stops the export with the previous one left in place."""

from __future__ import annotations

import ctypes
import errno
import re
import subprocess
from pathlib import Path

import pytest

from advising_content.export import durability
from conftest import CONTENT, console_script, tree
from needs import program

# What strace prints for the calls that matter here, one line per call (with -f, the pid first).
_CALL = re.compile(r"^\d+\s+(syncfs|fsync|rename|renameat2?)\((.*)\)\s+=\s+(-?\d+)")


def _calls(log: Path) -> list[tuple[str, str]]:
    found = []
    for line in log.read_text("utf-8").splitlines():
        match = _CALL.match(line)
        if match and match[3] == "0":
            found.append((match[1], match[2]))
    return found


@pytest.mark.external
def test_the_export_is_flushed_before_the_swap_and_the_swap_after(tmp_path: Path) -> None:
    strace = program("strace", "it shows which system calls make the export durable")
    out, log = tmp_path / "site", tmp_path / "calls.txt"
    traced = "trace=syncfs,fsync,rename,renameat,renameat2"
    command = [strace, "-f", "-qq", "-e", traced, "-o", str(log)]
    command += [str(console_script()), "export", str(CONTENT), "--out", str(out), "-q"]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    calls = _calls(log)
    swap = next(i for i, (_, arguments) in enumerate(calls) if f'"{out}"' in arguments)
    flushes_before = [name for name, _ in calls[:swap] if name in ("syncfs", "fsync")]
    if durability._syncfs() is not None:
        # One flush while the shared files are written, one once they are.
        assert flushes_before == ["syncfs", "syncfs"]
    else:
        assert len(flushes_before) == len(list(out.rglob("*"))) + 1
    assert [name for name, _ in calls[swap + 1 :]] == ["fsync"]  # the folder holding DIR


@pytest.mark.parametrize("failing", [1, 2])
def test_a_flush_that_fails_leaves_the_previous_export(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    # A disk that fails a write cannot be made here: the C library's syncfs is stood in for by
    # one that reports EIO at its first or second call (the flush ahead, or the final one).
    assert cli("export", str(CONTENT), "--out", "site", cwd=tmp_path).exit_code == 0
    before = tree(tmp_path / "site")
    calls = []

    def syncfs(descriptor: int) -> int:
        calls.append(descriptor)
        if len(calls) == failing:
            ctypes.set_errno(errno.EIO)
            return -1
        return 0

    monkeypatch.setattr(durability, "_syncfs", lambda: syncfs)
    outcome = cli("export", str(CONTENT), "--out", "site", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.endswith(
        "Error: cannot export to site: Input/output error; nothing was exported and site is "
        "unchanged\n"
    )
    assert len(calls) == failing
    assert tree(tmp_path / "site") == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
