"""The console entry point of ``advising-content`` and of ``python -m advising_content``."""

from __future__ import annotations

import gc

from advising_content.interruptions import ending_cleanly


def main() -> None:
    """Run the command line, answering Ctrl-C and SIGTERM from the very start."""
    with ending_cleanly():
        from advising_content.cli import main as command

        try:
            command(prog_name="advising-content")
        finally:
            # The process ends here. At exit the interpreter still runs atexit, flushes and
            # closes what is open and frees every module, but it skips its last collection of
            # garbage, a walk through every object: a tenth of the time of a short command.
            gc.freeze()
