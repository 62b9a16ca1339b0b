"""The console entry point of ``advising-content`` and of ``python -m advising_content``."""

from __future__ import annotations

from advising_content.interruptions import ending_cleanly


def main() -> None:
    """Run the command line, answering Ctrl-C and SIGTERM from the very start."""
    with ending_cleanly():
        from advising_content.cli import main as command

        command(prog_name="advising-content")
