"""What the commands that write records share: checking the ids and names an editor gives,
and writing a new file whole, never over an existing one."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click


def checked_id(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from advising_content.identifiers import is_slug

    if not is_slug(value):
        what, example = ("an institution", "feinberg")
        if param.name != "institution_id":
            what, example = ("a record", "med-peds")
        raise click.BadParameter(
            f"'{value}' is not {what} id: use lowercase letters, digits and single hyphens, "
            f"such as '{example}'",
            ctx,
            param,
        )
    return value


def checked_name(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.strip() or not value.isprintable():
        raise click.BadParameter(
            "give the specialty's name as the page writes it, on one line", ctx, param
        )
    return value.strip()


def create_file(target: Path, text: str) -> None:
    """Write ``target`` whole or not at all, never over an existing file, with the mode that an
    editor would give it (from the umask)."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.link(temporary, target)
    finally:
        os.unlink(temporary)
