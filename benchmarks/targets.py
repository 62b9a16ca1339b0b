"""The performance targets, and whether a benchmark run met them.

A ratio is the median over paired runs of the tool's measure over its baseline's, measured in
the same benchmark run; a memory target is the largest process's peak over the runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from results import ImportCheck, Key, Results


@dataclass(frozen=True)
class Target:
    """A tool's ``measure`` on a corpus is at most ``limit`` ("wall" and "cpu": times its
    baseline's, in pairs; "peak": MiB, strictly under)."""

    label: str
    key: Key
    tool: str
    measure: str
    limit: float

    def wanted(self, baseline: str) -> str:
        if self.measure == "peak":
            return f"under {self.limit:g} MiB"
        measure = "CPU" if self.measure == "cpu" else self.measure
        return f"at most {self.limit:g}x {baseline} {measure}"


TARGETS = (
    Target("validate, 1000 valid records: CPU", ("valid", 1000), "validate", "cpu", 1.2),
    Target("validate, 1000 valid records: wall", ("valid", 1000), "validate", "wall", 0.8),
    Target("validate, 1000 invalid records: wall", ("invalid", 1000), "validate", "wall", 1.5),
    Target("validate, one file: wall", ("one file", 1), "validate", "wall", 0.3),
    Target(
        "export json+md+csv, 1000 records: wall",
        ("valid", 1000),
        "export json+md+csv",
        "wall",
        1.5,
    ),
    Target(
        "export json+md+csv, 10 000 records: memory",
        ("valid", 10000),
        "export json+md+csv",
        "peak",
        80,
    ),
    Target("export xlsx, 1000 records: wall", ("valid", 1000), "export xlsx", "wall", 3),
    Target("export html, 1000 records: wall", ("valid", 1000), "export html", "wall", 3),
)


@dataclass(frozen=True)
class Verdict:
    """A target's row: what was measured, what was wanted, and "met", "missed" or why not."""

    label: str
    measured: str
    wanted: str
    outcome: str


def _verdict(target: Target, results: Results) -> Verdict:
    group = results.groups.get(target.key)
    if group is None:
        return Verdict(target.label, "-", target.wanted("floor"), f"not run (N={target.key[1]})")
    wanted = target.wanted(group.baseline)
    if target.tool not in group.runs:
        return Verdict(target.label, "-", wanted, f"not run ({target.tool})")
    if target.measure == "peak":
        value = group.peak(target.tool)
        return Verdict(
            target.label, f"{value:.0f} MiB", wanted, "met" if value < target.limit else "missed"
        )
    ratio = group.ratio(target.tool, target.measure)
    if ratio is None:
        return Verdict(target.label, "-", wanted, f"not run ({group.baseline})")
    outcome = "met" if ratio <= target.limit else "missed"
    return Verdict(target.label, f"{ratio:.2f}x", wanted, outcome)


def _import_verdict(check: ImportCheck) -> Verdict:
    measured = f"{len(check.checking)} of {check.modules} modules"
    outcome = "met" if not check.checking else "missed: " + ", ".join(check.checking[:5])
    return Verdict(f"`{check.command}`: checking modules imported", measured, "none", outcome)


def verdicts(results: Results) -> list[Verdict]:
    """Every target's verdict, in the order of the issue."""
    found = [_verdict(target, results) for target in TARGETS]
    return found[:4] + [_import_verdict(check) for check in results.imports] + found[4:]
