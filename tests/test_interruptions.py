"""A run that is interrupted, terminated or killed at any moment: it ends promptly without a
traceback, DIR holds the complete old export or the complete new one, no worker outlives it,
and the next export leaves nothing beside DIR."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MED_PEDS as MED_PEDS_FILE
from conftest import console_script, tree

RECORDS = 300  # enough for the checking to run on worker processes
MED_PEDS = MED_PEDS_FILE.read_text("utf-8")


def _corpus(folder: Path, institution: str) -> Path:
    folder.mkdir(parents=True)
    for number in range(RECORDS):
        text = MED_PEDS.replace("id: med-peds\n", f"id: r{number:03}\n", 1)
        text = text.replace("Northwestern University Feinberg School of Medicine", institution)
        (folder / f"r{number:03}.yaml").write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpora")
    return {name: _corpus(root / name, f"{name.title()} School") for name in ("old", "new")}


@pytest.fixture(scope="module")
def expected(corpora: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):
    """The complete export of each corpus, and how long one export takes."""
    root = tmp_path_factory.mktemp("expected")
    trees, took = {}, 0.0
    for name, corpus in corpora.items():
        start = time.monotonic()
        assert _finish("export", str(corpus), "--out", str(root / name), "-q") == 0
        took = max(took, time.monotonic() - start)
        trees[name] = tree(root / name)
    return trees, took


def _start(*arguments: str) -> subprocess.Popen[bytes]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.Popen(
        [str(console_script()), *arguments],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's job would be
    )


def _answering(run: subprocess.Popen[bytes], within: float = 60.0) -> bool:
    """Wait until the command answers Ctrl-C and SIGTERM: its handlers are in place once SIGTERM
    is among the signals it catches (Python itself catches only SIGINT as it starts)."""
    deadline = time.monotonic() + within
    while run.poll() is None and time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{run.pid}/status").read_text()
        except OSError:
            return False
        caught = int(re.search(r"^SigCgt:\s*([0-9a-f]+)", status, re.M)[1], 16)  # type: ignore[index]
        if caught & (1 << (signal.SIGTERM - 1)):
            return True
        time.sleep(0.005)
    return False


def _finish(*arguments: str) -> int:
    """Run the command to its end; return its exit status."""
    run = _start(*arguments)
    run.communicate(timeout=300)
    return run.returncode


def _ours(token: str) -> list[int]:
    """The processes whose command line names ``token`` (workers share their parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and token in (entry / "cmdline").read_bytes().decode():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _none_left(token: str, within: float = 10.0) -> list[int]:
    deadline = time.monotonic() + within
    while _ours(token) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _ours(token)


def _exported_old(tmp_path: Path, corpora: dict[str, Path]) -> Path:
    """DIR, beside nothing else, holding the complete export of the old corpus."""
    out = tmp_path / "parent" / "site"
    assert _finish("export", str(corpora["old"]), "--out", str(out), "-q") == 0
    return out


def _beside(out: Path) -> list[str]:
    return sorted(path.name for path in out.parent.iterdir())


@pytest.mark.parametrize(
    ("how", "status", "message"),
    [
        (lambda run: os.killpg(run.pid, signal.SIGINT), 130, b"Interrupted.\n"),
        (lambda run: os.kill(run.pid, signal.SIGTERM), 143, b"Terminated.\n"),
    ],
    ids=["ctrl-c-to-the-job", "sigterm"],
)
def test_an_interrupted_export_ends_promptly_and_cleanly(
    tmp_path: Path, corpora, expected, how, status: int, message: bytes
) -> None:
    trees, took = expected
    out = _exported_old(tmp_path, corpora)
    run = _start("export", str(corpora["new"]), "--out", str(out), "-q")
    assert _answering(run), "the export ended before it could be interrupted"
    time.sleep(took / 10)
    assert run.poll() is None, "the export ended before it could be interrupted"
    how(run)
    _, stderr = run.communicate(timeout=30)
    assert (run.returncode, stderr) == (status, message)
    assert tree(out) in (trees["old"], trees["new"])
    assert _beside(out) == ["site"]
    assert _none_left(str(out)) == []


# The export, with SIGTERM sent to itself the moment its new DIR has been made.
_TERMINATED_AS_THE_NEW_DIR_IS_MADE = """
import os, signal, sys, tempfile
made = tempfile.mkdtemp

def mkdtemp(*arguments, **options):
    folder = made(*arguments, **options)
    if options.get("suffix") == ".new":
        os.kill(os.getpid(), signal.SIGTERM)
    return folder

tempfile.mkdtemp = mkdtemp
sys.argv = ["advising-content", *sys.argv[1:]]
from advising_content.console import main
main()
"""


def test_a_signal_as_the_new_dir_is_made_leaves_nothing_beside_dir(
    tmp_path: Path, corpora, expected
) -> None:
    trees, _ = expected
    out = _exported_old(tmp_path, corpora)
    code = _TERMINATED_AS_THE_NEW_DIR_IS_MADE
    arguments = ["export", str(corpora["new"]), "--out", str(out), "-q"]
    done = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True)
    assert (done.returncode, done.stderr) == (143, b"Terminated.\n")
    assert tree(out) == trees["old"]
    assert _beside(out) == ["site"]


# The command, with Ctrl-C sent to itself as jsonschema-rs, loading, imports the decimal module
# (which nothing else imports before it): it says so on stderr first.
_INTERRUPTED_AS_JSONSCHEMA_RS_LOADS = """
import builtins, os, signal, sys
imported = builtins.__import__

def importing(name, *arguments, **options):
    if name == "decimal" and "decimal" not in sys.modules:
        os.write(2, b"Ctrl-C\\n")
        os.kill(os.getpid(), signal.SIGINT)
    return imported(name, *arguments, **options)

builtins.__import__ = importing
sys.argv = ["advising-content", *sys.argv[1:]]
from advising_content.console import main
main()
"""


def test_ctrl_c_as_the_schema_validator_loads_ends_the_run_as_usual() -> None:
    # jsonschema-rs panics when an import of its own fails, as Ctrl-C would make it fail.
    code = _INTERRUPTED_AS_JSONSCHEMA_RS_LOADS
    done = subprocess.run(
        [sys.executable, "-c", code, "validate", str(MED_PEDS_FILE)], capture_output=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, b"", b"Ctrl-C\nInterrupted.\n")


def test_killed_at_random_moments_dir_is_always_a_whole_export(
    tmp_path: Path, corpora, expected
) -> None:
    trees, took = expected
    out = _exported_old(tmp_path, corpora)
    seed = int.from_bytes(os.urandom(4), "big")
    moments = random.Random(seed)
    current = "old"
    for kill in range(10):
        other = "new" if current == "old" else "old"
        stop = moments.choice([signal.SIGKILL, signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
        run = _start("export", str(corpora[other]), "--out", str(out), "-q")
        if stop != signal.SIGKILL:  # Python's own start-up answers these as Python does
            _answering(run)
        time.sleep(moments.uniform(0, took))
        os.killpg(run.pid, stop) if stop == signal.SIGINT else run.send_signal(stop)
        _, stderr = run.communicate(timeout=60)
        state = f"seed {seed}, kill {kill} by {stop.name}, exit {run.returncode}"
        assert b"Traceback" not in stderr, state + stderr.decode()
        assert run.returncode in (0, -stop, 128 + stop), state
        assert _none_left(str(out)) == [], state
        now = tree(out)
        assert now in (trees["old"], trees["new"]), state
        current = "old" if now == trees["old"] else "new"
    assert _finish("export", str(corpora["old"]), "--out", str(out), "-q") == 0
    assert _beside(out) == ["site"], f"seed {seed}"
    assert tree(out) == trees["old"]


@pytest.mark.parametrize("command", ["validate", "export"])
def test_workers_end_when_their_parent_is_killed(tmp_path: Path, corpora, command: str) -> None:
    token = str(tmp_path / "marker")
    if command == "validate":
        os.symlink(corpora["old"], token)
        run = _start("validate", token)
    else:
        run = _start("export", str(corpora["old"]), "--out", token)
    deadline = time.monotonic() + 30
    while len(_ours(token)) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(_ours(token)) >= 3, "the workers did not start"
    run.kill()
    run.communicate(timeout=30)
    assert _none_left(token) == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "stat").read_text().split()[3] == str(pid):
                found.append(int(entry.name))
        except (OSError, IndexError):
            continue
    return found


def test_a_worker_killed_midway_neither_hangs_the_run_nor_loses_a_file(corpora) -> None:
    run = _start("validate", str(corpora["old"]))
    deadline = time.monotonic() + 30
    while not _children(run.pid) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = _children(run.pid)
    assert workers, "the workers did not start"
    os.kill(workers[0], signal.SIGKILL)
    stdout, stderr = run.communicate(timeout=120)
    assert (run.returncode, stdout, stderr) == (0, b"Checked 300 files: no problems.\n", b"")
