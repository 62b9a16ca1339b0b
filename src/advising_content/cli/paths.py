"""The PATH arguments shared by the commands that read content."""

from __future__ import annotations

import errno
import os

import click

from advising_content.discovery import Discovery, discover
from advising_content.display import shown

DEFAULT_CONTENT = "content"


def existing_paths(
    ctx: click.Context, param: click.Parameter, paths: tuple[str, ...]
) -> tuple[str, ...]:
    """Refuse a PATH that names nothing, saying why; one that cannot be read is reported by
    the check itself, as content that cannot be read."""
    for path in paths:
        reason = _why_missing(path)
        if reason:
            raise click.BadParameter(f"'{shown(path)}' {reason}", ctx, param)
    return paths


def _why_missing(path: str) -> str | None:
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"is a symbolic link to '{shown(os.readlink(path))}', which does not exist"
        return "does not exist" if not os.path.lexists(path) else None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "leads into a loop of symbolic links, so it names no file or folder"
    return None


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
        shown_paths = ", ".join(shown(path) for path in paths)
        raise click.UsageError(f"no content files (*.yaml or *.yml) found in {shown_paths}")
    return found
