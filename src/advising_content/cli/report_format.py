"""The report format a command prints problems in: the one asked for, else github on GitHub
Actions and text anywhere else."""

from __future__ import annotations

import os

from advising_content.reports import Reporter, reporters


def chosen_reporter(asked: str | None = None) -> Reporter:
    """The reporter ``asked`` for, or the default where the command runs."""
    if asked is None:
        asked = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return reporters()[asked]


def formats_help() -> str:
    listed = "; ".join(f"{r.name}, {r.prints}" for r in reporters().values())
    return f"How to print problems. Default: github when GITHUB_ACTIONS=true, else text. {listed}."
