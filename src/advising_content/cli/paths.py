"""The PATH arguments shared by the commands that read content."""

from __future__ import annotations

import os

import click

from advising_content.discovery import Discovery, discover

DEFAULT_CONTENT = "content"


def content_paths(paths: tuple[str, ...]) -> Discovery:
    """The content files to read: those named, or those under content/ when none are named."""
    if not paths:
        if not os.path.isdir(DEFAULT_CONTENT):
            raise click.UsageError(
                f"no PATH given and there is no {DEFAULT_CONTENT}/ directory here; "
                "name the content files or directories to check"
            )
        paths = (DEFAULT_CONTENT,)
    found = discover(paths)
    if not found.files and not found.problems:
        raise click.UsageError("no content files (*.yaml or *.yml) found in " + ", ".join(paths))
    return found
