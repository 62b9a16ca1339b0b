"""The benchmark runs: a smoke test at a tiny size, with no timing asserted."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_the_benchmark_runs_and_prints_its_table_and_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| N | parse floor | validate | check-jsonschema | export (all) |")
    row = lines[2].split("|")
    assert row[1].strip() == "3"
    assert row[2].strip().endswith(" s")
    assert row[6].strip().endswith("x")
    assert "| med-peds.yaml |" in result.stdout
