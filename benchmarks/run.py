"""Benchmark advising-content against the parse floor and check-jsonschema, and report its targets.

For each N in --sizes, two corpora: N copies of content/med-peds.yaml with distinct ids (valid),
and N copies each with one error (invalid). Every tool runs as a command in a fresh process, in
turn with the parse floor (floor, validate, floor, export, ...), so that each ratio is the
median of ratios of runs made side by side. Measured per run: wall time, CPU time of all the
command's processes, and the peak memory of its largest process (see measure.py).

    python benchmarks/run.py --sizes 10 100 1000 10000 --repeat 5 \\
        --markdown tables.md --plot docs/performance.png

prints the tables of measurements and of the targets; docs/performance.md shows them.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpora import write_corpus, write_one_file
from measure import measure_paired
from report import markdown
from results import Results, from_json, to_json
from tools import (
    Programs,
    check_imports,
    check_jsonschema,
    compile_bytecode,
    floor,
    invalid_corpus_tools,
    valid_corpus_tools,
    validate,
)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="paired runs per tool (default 5)")
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    parser.add_argument("--plot", type=Path, help="write a plot against N (PNG; matplotlib)")
    parser.add_argument("--json", type=Path, help="write every run's measurements as JSON")
    parser.add_argument(
        "--from-json",
        type=Path,
        metavar="FILE",
        help="measure nothing: report the measurements an earlier --json wrote",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="run check-jsonschema on the one file only, not on the corpora (minutes at 10 000)",
    )
    return parser.parse_args()


def _progress(text: str, started: float) -> None:
    print(f"{text} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)


def _measure_size(
    results: Results, programs: Programs, count: int, work: Path, options: argparse.Namespace
) -> None:
    started = time.perf_counter()
    files = write_corpus(work / f"valid-{count}", count)
    out = work / f"export-{count}"
    tools = valid_corpus_tools(programs, files, out, compare=not options.quick)
    group = measure_paired(floor(files[0].parent), tools, options.repeat)
    results.groups["valid", count] = group
    _progress(f"N={count}, valid: done", started)
    folder = work / f"invalid-{count}"
    write_corpus(folder, count, invalid=True)
    group = measure_paired(floor(folder), invalid_corpus_tools(programs, folder), options.repeat)
    results.groups["invalid", count] = group
    _progress(f"N={count}, invalid: done", started)


def _measure_one_file(results: Results, programs: Programs, work: Path, repeat: int) -> None:
    single = write_one_file(work / "one-file")
    if programs.check_jsonschema is None:
        group = measure_paired(validate(programs, single), [], repeat)
    else:
        group = measure_paired(
            check_jsonschema(programs, [single]), [validate(programs, single)], repeat
        )
    results.groups["one file", 1] = group


def _context(programs: Programs, options: argparse.Namespace, loads: list[float]) -> list[str]:
    """The machine, the versions, the command, and the load along the run."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"{cores} cores, {platform.system()}, Python {platform.python_version()}, "
        f"advising-content {programs.version(programs.advising)}, "
        f"check-jsonschema {programs.version(programs.check_jsonschema)}",
        f"`python benchmarks/run.py --sizes {' '.join(map(str, options.sizes))} "
        f"--repeat {options.repeat}{' --quick' if options.quick else ''}`: "
        f"medians of {options.repeat} paired runs",
        f"load average (1 min) after each of the {len(loads)} runs: "
        f"least {min(loads):.2f}, median {statistics.median(loads):.2f}, most {max(loads):.2f}",
    ]


def measure_all(options: argparse.Namespace) -> Results:
    """Measure every tool on every corpus, one file, and the imports of --help and --version."""
    programs = Programs.find()
    compile_bytecode(programs.advising)
    results = Results()
    if programs.check_jsonschema is None:
        results.notes.append(
            "check-jsonschema is not installed (pip install -r benchmarks/requirements.txt): "
            "skipped."
        )
    with tempfile.TemporaryDirectory(prefix="advising-bench-") as folder:
        work = Path(folder)
        for count in options.sizes:
            _measure_size(results, programs, count, work, options)
        _measure_one_file(results, programs, work, options.repeat)
    results.imports = [check_imports(programs, argument) for argument in ("--help", "--version")]
    results.context = _context(programs, options, results.loads())
    return results


def main() -> None:
    options = _options()
    if options.from_json:
        results = from_json(options.from_json.read_text("utf-8"))
    else:
        results = measure_all(options)
    text = markdown(results)
    print(text)
    if options.markdown:
        options.markdown.write_text(text + "\n", "utf-8")
    if options.json:
        options.json.write_text(to_json(results), "utf-8")
    if options.plot:
        from plot import plot

        plot(results, options.plot, results.context[0])


if __name__ == "__main__":
    main()
