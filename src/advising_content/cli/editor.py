"""``advising-content editor``: write or refresh the files that let an editor check records as
they are typed, with no settings and no network."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument(
    "root", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
def editor(root: Path | None) -> None:
    """Write or refresh ROOT/schemas/advising-record.schema.json, the schema
    that the first line of each record points editors to, and VS Code's
    .vscode/settings.json and .vscode/extensions.json where ROOT has none.

    ROOT is the content repository; by default, the one the current folder is
    in (the nearest folder up that holds schemas/advising-record.schema.json or
    .git). The schema is replaced only by this version's, and only when it is a
    copy of the schema; files of your own are left as they are. Run it again
    after upgrading advising-content.
    """
    from advising_content.cli.editor_files import SCHEMA, Setup, add_vscode_files, refresh_schema
    from advising_content.display import shown
    from advising_content.modelines import repository_root

    setup = Setup(repository_root(Path.cwd()) if root is None else root.absolute())
    try:
        done = refresh_schema(setup)
    except ValueError as error:
        raise click.ClickException(f"{error}; move it away, then run this again") from None
    except OSError as error:
        reason = shown(error.strerror or str(error))
        raise click.ClickException(f"cannot write {setup.shown(SCHEMA)}: {reason}") from None
    add_vscode_files(setup)
    click.echo(done)
    for written in setup.written:
        click.echo(f"Wrote {setup.shown(written)}.")
    for line in setup.advice:
        click.echo(line)
