"""Watch what the program does, from inside, through Python's audit events (PEP 578).

An audit hook cannot be removed once added, so one hook serves every test and calls the
watchers that a test has set for the time it needs them.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

Watcher = Callable[[tuple[Any, ...]], None]
_watchers: list[tuple[str, Watcher]] = []


def _on_audit(event: str, arguments: tuple[Any, ...]) -> None:
    for name, watcher in list(_watchers):
        if name == event:
            watcher(arguments)


sys.addaudithook(_on_audit)


@contextlib.contextmanager
def watching(event: str, watcher: Watcher) -> Iterator[None]:
    """Call ``watcher`` with the arguments of every ``event`` raised inside the block."""
    entry = (event, watcher)
    _watchers.append(entry)
    try:
        yield
    finally:
        _watchers.remove(entry)
