"""What the benchmark measured: runs, grouped by corpus, each paired with a baseline run."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field

# A group of runs is keyed by its corpus ("valid", "invalid" or "one file") and its size.
Key = tuple[str, int]


@dataclass(frozen=True)
class Run:
    """One run of a command.

    ``wall`` is the elapsed time in seconds; ``cpu`` the user and system time of the command and
    of every process it started and waited for; ``peak_mib`` the peak resident set size of the
    largest of those processes (not their sum), in MiB; ``load`` the load average over the last
    minute at its end (the measured command itself counts for one, or two with its workers).
    """

    wall: float
    cpu: float
    peak_mib: float
    load: float


@dataclass
class Group:
    """The runs of several tools on one corpus. Every run of a tool other than the baseline is
    paired with a run of the baseline made just before or just after it, so that the load of
    the machine at that moment weighs on both sides of their ratio alike."""

    baseline: str
    runs: dict[str, list[Run]] = field(default_factory=dict)
    pairs: dict[str, list[tuple[Run, Run]]] = field(default_factory=dict)

    def tools(self) -> list[str]:
        """The tools measured, the baseline first."""
        return [self.baseline, *(name for name in self.runs if name != self.baseline)]

    def median(self, tool: str, measure: str) -> float:
        """The median over its runs of ``measure`` ("wall" or "cpu") for ``tool``."""
        return statistics.median(getattr(run, measure) for run in self.runs[tool])

    def peak(self, tool: str) -> float:
        """The largest peak memory of ``tool`` over its runs, in MiB."""
        return max(run.peak_mib for run in self.runs[tool])

    def ratio(self, tool: str, measure: str) -> float | None:
        """The median over its pairs of ``tool``'s ``measure`` over the baseline's, if paired."""
        pairs = self.pairs.get(tool)
        if not pairs:
            return None
        return statistics.median(
            getattr(run, measure) / getattr(base, measure) for run, base in pairs
        )


@dataclass(frozen=True)
class ImportCheck:
    """What a command imports, from ``python -X importtime``: module count, total import time
    (the sum of every module's own time), and the checking modules among them."""

    command: str
    modules: int
    import_ms: float
    checking: tuple[str, ...]


@dataclass
class Results:
    """Everything one benchmark run measured, with the context it ran in."""

    groups: dict[Key, Group] = field(default_factory=dict)
    imports: list[ImportCheck] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def loads(self) -> list[float]:
        """The load average after every run: was the machine shared?"""
        return [
            run.load
            for group in self.groups.values()
            for runs in group.runs.values()
            for run in runs
        ]


def to_json(results: Results) -> str:
    """``results`` as JSON, every run included, for ``--from-json``."""
    document = {
        "context": results.context,
        "notes": results.notes,
        "imports": [asdict(check) for check in results.imports],
        "groups": [
            {"corpus": corpus, "size": size, **asdict(group)}
            for (corpus, size), group in results.groups.items()
        ],
    }
    return json.dumps(document, indent=1) + "\n"


def from_json(text: str) -> Results:
    """The results that ``to_json`` wrote."""
    document = json.loads(text)
    results = Results(context=document["context"], notes=document["notes"])
    for check in document["imports"]:
        results.imports.append(ImportCheck(**{**check, "checking": tuple(check["checking"])}))
    for entry in document["groups"]:
        runs = {tool: [Run(**run) for run in runs] for tool, runs in entry["runs"].items()}
        pairs = {
            tool: [(Run(**run), Run(**base)) for run, base in pairs]
            for tool, pairs in entry["pairs"].items()
        }
        results.groups[entry["corpus"], entry["size"]] = Group(entry["baseline"], runs, pairs)
    return results
