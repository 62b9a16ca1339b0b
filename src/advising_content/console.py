"""The console entry point of ``advising-content`` and of ``python -m advising_content``."""

from __future__ import annotations

import atexit
import gc
import os
import sys

from advising_content.interruptions import ending_cleanly


def main() -> None:
    """Run the command line, answering Ctrl-C and SIGTERM from the very start."""
    with ending_cleanly():
        from advising_content.cli import main as command

        try:
            command(prog_name="advising-content")
        except SystemExit as done:
            _leave(done)
        finally:
            # The process ends here. At exit the interpreter still runs atexit, flushes and
            # closes what is open and frees every module, but it skips its last collection of
            # garbage, a walk through every object: a tenth of the time of a short command.
            gc.freeze()


def _leave(done: SystemExit) -> None:
    """End the process with the status of ``done`` once what it printed is out, without freeing
    every object of every module one by one (a few milliseconds of a short command), when
    nothing else is left to do at exit: no other thread, nothing registered with atexit. Else,
    for a status that is not an exit code, or when printing fails, the interpreter ends it as
    usual."""
    status = 0 if done.code is None else done.code
    if not isinstance(status, int) or not 0 <= status <= 255 or not _nothing_left_at_exit():
        raise done
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: the descriptor was closed when Python started
                stream.flush()
    except Exception:  # the interpreter reports it as it always does, and sets the status
        raise done from None
    os._exit(status)


def _nothing_left_at_exit() -> bool:
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    callbacks = getattr(atexit, "_ncallbacks", None)
    return callbacks is not None and callbacks() == 0
