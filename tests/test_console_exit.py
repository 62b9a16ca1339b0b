"""How the installed command ends: with its status and all it printed, and, when nothing is left
to do at exit, without the interpreter freeing every module's objects first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLES, MED_PEDS, console_script

# Runs the console entry point after an optional setup, with an object whose finalizer says
# when the interpreter frees the modules' objects at exit (on the descriptor: by then sys.stderr
# may be gone).
_RUN = """
import os, sys
{setup}
class Freed:
    def __del__(self):
        os.write(2, b"modules freed\\n")
import advising_content
advising_content.sentinel = Freed()
sys.argv = ["advising-content", *sys.argv[1:]]
from advising_content.console import main
main()
"""


def _run(*arguments: str, setup: str = "") -> subprocess.CompletedProcess[str]:
    code = _RUN.format(setup=setup)
    return subprocess.run(
        [sys.executable, "-c", code, *arguments], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("arguments", "status", "last_line"),
    [
        (("validate", str(MED_PEDS)), 0, "Checked 1 file: no problems."),
        (
            ("validate", str(EXAMPLES / "negative")),
            1,
            "Checked 57 files: 251 errors and 26 warnings in 56 files.",
        ),
    ],
)
def test_a_command_ends_with_its_status_and_all_it_printed(
    arguments: tuple[str, ...], status: int, last_line: str
) -> None:
    done = subprocess.run(
        [str(console_script()), *arguments], capture_output=True, text=True, check=False
    )
    assert done.returncode == status
    assert done.stdout.splitlines()[-1] == last_line
    assert done.stderr == ""


def test_a_short_command_ends_without_freeing_every_object() -> None:
    done = _run("validate", str(MED_PEDS))
    assert (done.returncode, done.stdout, done.stderr) == (0, "Checked 1 file: no problems.\n", "")


def test_a_usage_error_ends_the_same_way_with_its_status() -> None:
    done = _run("bogus")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "Error: No such command 'bogus'."


@pytest.mark.parametrize(
    "setup",
    [
        'import atexit; atexit.register(lambda: sys.stderr.write("at exit\\n"))',
        # A daemon thread: it keeps running until the end, and does not hold the end up.
        "import threading, time; "
        "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()",
    ],
    ids=["atexit", "thread"],
)
def test_with_something_left_to_do_at_exit_the_interpreter_ends_the_command(setup: str) -> None:
    done = _run("validate", str(MED_PEDS), setup=setup)
    assert done.returncode == 0
    assert done.stdout == "Checked 1 file: no problems.\n"
    assert done.stderr.endswith("modules freed\n")


@pytest.mark.parametrize(
    ("closed", "arguments"),
    [
        ("sys.stdout", ("validate", str(MED_PEDS))),
        ("sys.stderr", ("validate", "no-such-file.yaml")),
    ],
)
def test_a_stream_closed_from_the_start_ends_the_command_as_the_interpreter_would(
    closed: str, arguments: tuple[str, ...]
) -> None:
    # What Python sets a standard stream to when its descriptor is closed as it starts; with a
    # callback registered at exit, the interpreter ends the command itself.
    quick = _run(*arguments, setup=f"{closed} = None")
    usual = _run(*arguments, setup=f"{closed} = None; import atexit; atexit.register(int)")
    assert usual.stderr.endswith("modules freed\n")
    assert (quick.returncode, quick.stdout) == (usual.returncode, usual.stdout)
    freed = "modules freed\n"
    assert quick.stderr.removesuffix(freed) == usual.stderr.removesuffix(freed)


# A command that ends with ``code``, as SystemExit(code).
_ENDING_WITH = """
import advising_content.cli

def ending(**options):
    raise SystemExit({code!r})

advising_content.cli.main = ending
"""


@pytest.mark.parametrize(("code", "status"), [("a message", 1), (256, 0), (-1, 255)])
def test_a_status_that_is_no_exit_code_is_left_to_the_interpreter(
    code: object, status: int
) -> None:
    done = _run(setup=_ENDING_WITH.format(code=code))
    assert done.returncode == status
    assert done.stderr.endswith("modules freed\n")
