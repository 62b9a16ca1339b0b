"""Holding back Ctrl-C (SIGINT) and SIGTERM while a step must not be cut short."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

STOPPING = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM in this thread until the block ends; one that arrived meanwhile
    is then delivered. Where the platform cannot hold signals, this does nothing."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
