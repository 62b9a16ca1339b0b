"""Do the same work for many items on every core, with worker processes that never outlive
the process that started them, and never hang it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

from advising_content.signals import STOPPING, signals_deferred

Item = TypeVar("Item")
Result = TypeVar("Result")

# The most items a worker takes at once: an interrupted run waits for no more than this.
MAX_CHUNK = 32
# How often a worker looks whether its parent is still there, in seconds.
_WATCH_EVERY = 0.2
# How long killed workers may take to exit, at most, in seconds.
_KILLED_WITHIN = 5.0


def cores() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def map_in_workers(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int
) -> list[Result]:
    """``[function(item) for item in items]``, computed by ``workers`` processes.

    The workers end with this process, however it ends: when it is interrupted, they are
    stopped at once; when it is killed, each worker notices within a fraction of a second and
    exits. If a worker is killed, the work is done here instead.
    """
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    chunks = [items[part.start : part.stop] for part in _parts(len(items), workers)]
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    )
    try:
        # The workers are started by the first task given to them: they start with SIGINT and
        # SIGTERM held, until they have set how to answer them.
        with signals_deferred():
            pending = pool.map(_EachOf(function), chunks)
        results = [result for done in pending for result in done]
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        return [function(item) for item in items]
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return results


def _parts(count: int, workers: int) -> list[range]:
    """The items each task takes, in order: a share of those left (at most MAX_CHUNK), so that
    the last tasks are small and the workers finish together."""
    parts, start = [], 0
    while start < count:
        size = max(1, min(MAX_CHUNK, (count - start) // (workers * 4)))
        parts.append(range(start, start + size))
        start += size
    return parts


@dataclass(frozen=True)
class _EachOf(Generic[Item, Result]):
    """A task: ``function`` of each of a part's items."""

    function: Callable[[Item], Result]

    def __call__(self, items: Sequence[Item]) -> list[Result]:
        return [self.function(item) for item in items]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, dropping their work: the pool's own shutdown would let them finish
    what they hold, and can leave the interpreter waiting at exit (CPython issue 83386).
    The pool's own threads may then fail on the workers they lose; the command is ending, so
    that is no news to print."""
    threading.excepthook = _ignore
    workers = multiprocessing.active_children()
    for worker in workers:
        worker.kill()
    _wait_for(workers)
    pool.shutdown(wait=False, cancel_futures=True)


def _wait_for(workers: list[multiprocessing.process.BaseProcess]) -> None:
    """Return once the killed ``workers`` have exited: nothing they were writing (such as an
    export's files) lands after this returns."""
    deadline = time.monotonic() + _KILLED_WITHIN
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))


def _ignore(args: threading.ExceptHookArgs) -> None:
    return


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's job: the parent alone answers it, and it
    # stops the workers itself. A handler inherited from the parent must not run here either.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
    # A worker reports everything to its parent; what it could print is only how it failed to
    # reach a parent that was killed, which would land on the parent's terminal.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)
    threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()


def _exit_without(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_EVERY)
    os._exit(1)
