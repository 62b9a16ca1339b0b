"""The PATH arguments shared by the commands that read content."""

from __future__ import annotations

import os

import click

from advising_content.discovery import content_files

DEFAULT_CONTENT = "content"


def content_paths(paths: tuple[str, ...]) -> list[str]:
    """The content files to read: those named, or those under content/ when none are named."""
    if not paths:
        if not os.path.isdir(DEFAULT_CONTENT):
            raise click.UsageError(
                f"no PATH given and there is no {DEFAULT_CONTENT}/ directory here; "
                "name the content files or directories to check"
            )
        paths = (DEFAULT_CONTENT,)
    files = content_files(paths)
    if not files:
        raise click.UsageError("no content files (*.yaml or *.yml) found in " + ", ".join(paths))
    return files
