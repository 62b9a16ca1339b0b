"""The benchmark's tables, in Markdown: measurements, one file, imports, and targets."""

from __future__ import annotations

from collections.abc import Iterable

from results import Group, Key, Results
from targets import verdicts


def _ratio(group: Group, tool: str, measure: str) -> str:
    ratio = None if tool == group.baseline else group.ratio(tool, measure)
    return "-" if ratio is None else f"{ratio:.2f}x"


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _group_rows(key: Key, group: Group) -> list[str]:
    corpus, size = key
    return [
        _row(
            (
                f"{size:,}".replace(",", " "),
                corpus,
                tool,
                f"{group.median(tool, 'cpu'):.3f}",
                f"{group.median(tool, 'wall'):.3f}",
                f"{group.peak(tool):.0f}",
                _ratio(group, tool, "cpu"),
                _ratio(group, tool, "wall"),
            )
        )
        for tool in group.tools()
    ]


def measurements(results: Results, corpora: tuple[str, ...]) -> str:
    """The table of every tool on the ``corpora`` named, with its ratios to the baseline."""
    chosen = {key: group for key, group in results.groups.items() if key[0] in corpora}
    if not chosen:
        return ""
    baseline = next(iter(chosen.values())).baseline
    lines = [
        _row(
            (
                "N",
                "corpus",
                "tool",
                "CPU (s)",
                "wall (s)",
                "peak MiB",
                f"CPU / {baseline}",
                f"wall / {baseline}",
            )
        ),
        "|---:|---|---|---:|---:|---:|---:|---:|",
    ]
    for key, group in chosen.items():
        lines += _group_rows(key, group)
    return "\n".join(lines)


def imports(results: Results) -> str:
    """The table of what ``--help`` and ``--version`` import."""
    lines = [
        "| command | modules imported | import time (ms) | checking modules imported |",
        "|---|---:|---:|---|",
    ]
    for check in results.imports:
        checking = ", ".join(check.checking) or "none"
        lines.append(
            _row((f"`{check.command}`", check.modules, f"{check.import_ms:.0f}", checking))
        )
    return "\n".join(lines)


def targets(results: Results) -> str:
    """The table of the targets: measured, wanted, met or missed."""
    lines = ["| target | measured | wanted | outcome |", "|---|---:|---|---|"]
    lines += [
        _row((verdict.label, verdict.measured, verdict.wanted, verdict.outcome))
        for verdict in verdicts(results)
    ]
    return "\n".join(lines)


def markdown(results: Results) -> str:
    """Every table, with the context of the run and its notes, as Markdown."""
    parts = [
        "\n".join(f"- {line}" for line in results.context),
        measurements(results, ("valid", "invalid")),
        measurements(results, ("one file",)),
        imports(results),
        targets(results),
        "\n".join(f"Note: {note}" for note in results.notes),
    ]
    return "\n\n".join(part for part in parts if part)
