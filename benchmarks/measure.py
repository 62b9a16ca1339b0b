"""Running a command and measuring it, and running tools in pairs with a baseline.

Each command runs in a fresh process, as CI and pre-commit run it, so start-up is included.
``os.wait4`` returns the resource usage of the waited child together with that of every
descendant it waited for itself (Linux fills it as ``getrusage(RUSAGE_BOTH)`` of the child):
its CPU time is therefore the CPU of all the command's processes, worker processes included
(the same as the delta of ``getrusage(RUSAGE_CHILDREN)`` around the run), and its ``ru_maxrss``
is the peak resident set size of the largest of those processes, not of the parent alone.
``RUSAGE_CHILDREN`` of this process could not give that per run: its ``ru_maxrss`` is the
largest over every command run so far.

An export writes into a new folder at each run, and nothing is deleted while measuring: on
ext4, creating files soon after many were deleted is slow (the inode allocator passes over
inodes freed in the last minutes), so deleting one run's output would slow down the next run,
a cost of the benchmark and not of the tool.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from results import Group, Run


@dataclass(frozen=True)
class Tool:
    """A command to measure under a name, the exit codes it may end with, and the output folder
    it names (``out``), which each run replaces with a new folder beside it."""

    name: str
    command: tuple[str, ...]
    expect: tuple[int, ...] = (0,)
    out: Path | None = None


_runs = itertools.count(1)


def run_once(tool: Tool) -> Run:
    """Run ``tool``'s command once, with its output discarded, and measure it."""
    command = tool.command
    if tool.out is not None:
        new = str(tool.out.with_name(f"{tool.out.name}-{next(_runs)}"))
        command = tuple(new if part == str(tool.out) else part for part in command)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in tool.expect:
            errors.seek(0)
            told = errors.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"{tool.name} exited {code}: {' '.join(command)}\n{told}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, os.getloadavg()[0])


def measure_paired(baseline: Tool, tools: Sequence[Tool], repeat: int) -> Group:
    """Run every tool ``repeat`` times, each run next to a run of ``baseline``.

    Run by run, the tools take turns (baseline, tool A, baseline, tool B, ...), and which of a
    pair goes first alternates, so that neither side is always the one after a cold start.
    """
    group = Group(baseline.name)
    for turn in range(repeat):
        if not tools:
            group.runs.setdefault(baseline.name, []).append(run_once(baseline))
        for index, tool in enumerate(tools):
            base_first = (turn + index) % 2 == 0
            if base_first:
                base = run_once(baseline)
            run = run_once(tool)
            if not base_first:
                base = run_once(baseline)
            group.runs.setdefault(baseline.name, []).append(base)
            group.runs.setdefault(tool.name, []).append(run)
            group.pairs.setdefault(tool.name, []).append((run, base))
    return group
