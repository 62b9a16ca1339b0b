"""Benchmark advising-content against the cost of parsing alone and against check-jsonschema.

For each corpus size N, the corpus is N copies of content/med-peds.yaml with distinct ids and
file names. Every tool runs as a command in a fresh process, as CI and pre-commit run it; each
measurement is the median of several runs, with the peak resident memory of the process.

    python benchmarks/run.py --sizes 10 100 1000 10000 --repeat 5

prints a table and the ratios, and with --markdown FILE and --plot FILE writes them for
docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "med-peds.yaml"
SCHEMA = REPO / "schemas" / "advising-record.schema.json"
FLOOR = REPO / "benchmarks" / "parse_floor.py"
BIN = Path(sys.executable).parent


NAMES = ("floor", "validate", "check-jsonschema", "export")


@dataclass
class Measure:
    seconds: float
    peak_mib: float


def make_corpus(folder: Path, count: int) -> list[Path]:
    text = SEED.read_text("utf-8")
    folder.mkdir(parents=True)
    files = []
    for number in range(1, count + 1):
        record_id = f"med-peds-{number:05d}"
        path = folder / f"{record_id}.yaml"
        path.write_text(text.replace("id: med-peds\n", f"id: {record_id}\n", 1), "utf-8")
        files.append(path)
    return files


def run_once(command: list[str], expect: tuple[int, ...] = (0,)) -> Measure:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code not in expect:
        stderr = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command[:3])}... exited {code}:\n{stderr[-2000:]}")
    if process.stderr:
        process.stderr.close()
    return Measure(seconds, usage.ru_maxrss / 1024)


def measure(command: list[str], repeat: int, before: list[str] | None = None) -> Measure:
    runs = []
    for _ in range(repeat):
        if before:
            subprocess.run(before, check=True)
        runs.append(run_once(command))
    return Measure(
        statistics.median(run.seconds for run in runs), max(run.peak_mib for run in runs)
    )


def tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed: pip install -r benchmarks/requirements.txt")
    return found


def bench_size(count: int, repeat: int, work: Path, compare: bool) -> dict[str, Measure]:
    corpus = work / f"corpus-{count}"
    files = [str(path) for path in make_corpus(corpus, count)]
    out = work / f"export-{count}"
    advising = tool("advising-content")
    results = {
        "floor": measure([sys.executable, str(FLOOR), str(corpus)], repeat),
        "validate": measure([advising, "validate", str(corpus)], repeat),
        "export": measure(
            [advising, "export", str(corpus), "--out", str(out), "--quiet"],
            repeat,
            before=["rm", "-rf", str(out)],
        ),
    }
    if compare:
        results["check-jsonschema"] = measure(
            [tool("check-jsonschema"), "--schemafile", str(SCHEMA), *files], repeat
        )
    return results


def bench_single(repeat: int, work: Path, compare: bool) -> dict[str, Measure]:
    single = work / "single" / "med-peds.yaml"
    single.parent.mkdir()
    shutil.copy(SEED, single)
    results = {"validate": measure([tool("advising-content"), "validate", str(single)], repeat)}
    if compare:
        results["check-jsonschema"] = measure(
            [tool("check-jsonschema"), "--schemafile", str(SCHEMA), str(single)], repeat
        )
    return results


def _seconds(row: dict[str, Measure], name: str) -> str:
    return f"{row[name].seconds:.3f} s" if name in row else "-"


def _ratio(row: dict[str, Measure], numerator: str, denominator: str, digits: int) -> str:
    if numerator not in row or denominator not in row:
        return "-"
    return f"{row[numerator].seconds / row[denominator].seconds:.{digits}f}x"


def _peak(row: dict[str, Measure], name: str) -> str:
    return f"{row[name].peak_mib:.0f}" if name in row else "-"


def table(results: dict[int, dict[str, Measure]], single: dict[str, Measure]) -> str:
    lines = [
        "| N | parse floor | validate | check-jsonschema | export (all) | validate / floor "
        "| check-jsonschema / validate | peak MiB: floor, validate, check-jsonschema, export |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for count, row in results.items():
        lines.append(
            f"| {count} | {_seconds(row, 'floor')} | {_seconds(row, 'validate')} "
            f"| {_seconds(row, 'check-jsonschema')} | {_seconds(row, 'export')} "
            f"| {_ratio(row, 'validate', 'floor', 2)} "
            f"| {_ratio(row, 'check-jsonschema', 'validate', 1)} "
            f"| {', '.join(_peak(row, name) for name in NAMES)} |"
        )
    lines += [
        "",
        "| one file | validate | check-jsonschema | validate / check-jsonschema |",
        "|---|---:|---:|---:|",
        f"| med-peds.yaml | {_seconds(single, 'validate')} "
        f"| {_seconds(single, 'check-jsonschema')} "
        f"| {_ratio(single, 'validate', 'check-jsonschema', 2)} |",
    ]
    return "\n".join(lines)


def plot(results: dict[int, dict[str, Measure]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = list(results)
    figure, axes = plt.subplots(figsize=(6, 4), dpi=100)
    for name, label in (
        ("floor", "parse only (libyaml loader)"),
        ("validate", "advising-content validate"),
        ("check-jsonschema", "check-jsonschema"),
        ("export", "advising-content export"),
    ):
        if all(name in results[n] for n in sizes):
            axes.plot(sizes, [results[n][name].seconds for n in sizes], marker="o", label=label)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("records (N)")
    axes.set_ylabel("seconds (median)")
    axes.legend()
    axes.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="write the tables to this file")
    parser.add_argument("--plot", type=Path, help="write a plot of time against N (PNG)")
    parser.add_argument("--json", type=Path, help="write the measurements as JSON")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a quick run that checks the benchmark works: N=3, once, without check-jsonschema",
    )
    options = parser.parse_args()
    if options.smoke:
        options.sizes, options.repeat = [3], 1
    compare = not options.smoke
    with tempfile.TemporaryDirectory(prefix="advising-bench-") as folder:
        work = Path(folder)
        results = {}
        for count in options.sizes:
            results[count] = bench_size(count, options.repeat, work, compare)
            print(f"N={count}: done", file=sys.stderr)
        single = bench_single(options.repeat, work, compare)
    text = table(results, single)
    print(text)
    if options.markdown:
        options.markdown.write_text(text + "\n", "utf-8")
    if options.json:
        document = {
            "sizes": {str(n): {k: vars(m) for k, m in row.items()} for n, row in results.items()},
            "single": {k: vars(m) for k, m in single.items()},
        }
        options.json.write_text(json.dumps(document, indent=2) + "\n", "utf-8")
    if options.plot:
        plot(results, options.plot)


if __name__ == "__main__":
    main()
