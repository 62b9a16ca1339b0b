"""Ending the command cleanly when it is interrupted (Ctrl-C) or asked to terminate (SIGTERM).

Both signals become exceptions of their own, so that every ``finally`` runs (an export's
staging directory is removed, worker processes are stopped) and nothing on the way (click
included) mistakes them for something else; the command then exits with the status a shell
expects and a one-line message, never a traceback. This module imports nothing heavy, so that
the handlers are in place before the rest of the program loads.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

from advising_content.exit_codes import ExitCode


class Interrupted(BaseException):
    """SIGINT (Ctrl-C) arrived."""


class Terminated(BaseException):
    """SIGTERM arrived."""


def _interrupt(signal_number: int, frame: FrameType | None) -> None:
    raise Interrupted


def _terminate(signal_number: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def ending_cleanly() -> Iterator[None]:
    """Run the command; Ctrl-C and SIGTERM end it with exit 130 and 143 and a message."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    except (Interrupted, KeyboardInterrupt):
        _end("Interrupted.", ExitCode.INTERRUPTED)
    except Terminated:
        _end("Terminated.", ExitCode.TERMINATED)


def _end(message: str, status: ExitCode) -> NoReturn:
    """End now: every ``finally`` has run on the way here, and nothing the interpreter would do
    at exit (such as waiting for worker pools) must keep a stopped command alive."""
    sys.stderr.write(message + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
