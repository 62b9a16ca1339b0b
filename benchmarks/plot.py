"""The benchmark's plot: wall time, CPU time and peak memory against N, for every tool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from results import Results

PANELS = (
    ("wall", "wall time (s, median)"),
    ("cpu", "CPU time, all processes (s, median)"),
    ("peak", "peak memory, largest process (MiB)"),
)
MEMORY_TARGET = 80


def _series(results: Results, corpus: str, tool: str, measure: str) -> tuple[list[int], list]:
    sizes, values = [], []
    for (kind, size), group in sorted(results.groups.items()):
        if kind != corpus or tool not in group.runs:
            continue
        sizes.append(size)
        peak = measure == "peak"
        values.append(group.peak(tool) if peak else group.median(tool, measure))
    return sizes, values


def _lines(results: Results) -> list[tuple[str, str, str]]:
    """(corpus, tool, label) of every line to draw."""
    tools: dict[str, None] = {}
    for (kind, _), group in results.groups.items():
        if kind == "valid":
            tools.update(dict.fromkeys(group.tools()))
    lines = [("valid", tool, tool) for tool in tools]
    return [*lines, ("invalid", "validate", "validate, every file invalid")]


def _axes(axis: Any, measure: str, sizes: list[int], ticker: Any) -> None:
    plain = ticker.FuncFormatter(lambda value, _: f"{value:g}")
    axis.set_xscale("log")
    axis.set_xticks(sizes)
    axis.xaxis.set_major_formatter(plain)
    axis.xaxis.set_minor_formatter(ticker.NullFormatter())
    axis.set_xlabel("records (N)")
    axis.set_yscale("log")
    if measure == "peak":
        axis.axhline(MEMORY_TARGET, color="grey", linestyle=":", label="export's memory target")
        axis.yaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 2.0, 5.0)))
    axis.yaxis.set_major_formatter(plain)
    axis.yaxis.set_minor_formatter(ticker.NullFormatter())


def plot(results: Results, path: Path, title: str) -> None:
    """Write the plot as a PNG (needs matplotlib: pip install -r benchmarks/requirements.txt)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import ticker

    figure, axes = plt.subplots(1, len(PANELS), figsize=(14, 5.2), dpi=100)
    for axis, (measure, label) in zip(axes, PANELS, strict=True):
        for corpus, tool, name in _lines(results):
            sizes, values = _series(results, corpus, tool, measure)
            style = "--" if corpus == "invalid" else "-"
            axis.plot(sizes, values, style, marker="o", markersize=4, label=name)
        _axes(
            axis, measure, sorted(size for kind, size in results.groups if kind == "valid"), ticker
        )
        axis.set_title(label, fontsize=10)
        axis.grid(True, which="both", alpha=0.3)
    handles, labels = axes[-1].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=4, fontsize=9, frameon=False)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout(rect=(0, 0.12, 1, 1))
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)
