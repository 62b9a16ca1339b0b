"""``advising-content validate``: check content files and report every problem."""

from __future__ import annotations

import os

import click

from advising_content.cli.paths import content_paths, existing_paths
from advising_content.cli.report_format import chosen_reporter, formats_help
from advising_content.display import shown
from advising_content.exit_codes import ExitCode
from advising_content.reports import reporters


def existing_folders(
    ctx: click.Context, param: click.Parameter, folders: tuple[str, ...]
) -> tuple[str, ...]:
    """Refuse a DIR that names nothing, or names a file rather than a folder."""
    existing_paths(ctx, param, folders)
    for folder in folders:
        if not os.path.isdir(folder):
            raise click.BadParameter(
                f"'{shown(folder)}' is not a folder; name the folder that holds the other "
                "records, such as content",
                ctx,
                param,
            )
    return folders


@click.command()
@click.argument("paths", nargs=-1, callback=existing_paths, metavar="[PATH]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(reporters())),
    default=None,
    help=formats_help(),
)
@click.option("--strict", is_flag=True, help="Fail on warnings as well as errors.")
@click.option(
    "--ids-from",
    "ids_from",
    multiple=True,
    callback=existing_folders,
    metavar="DIR",
    help="Also read the record ids of every record under DIR, to find a checked record whose "
    "id another record already has; those records are not otherwise checked or counted. "
    "May be repeated.",
)
def validate(
    paths: tuple[str, ...], output_format: str | None, strict: bool, ids_from: tuple[str, ...]
) -> None:
    """Check content files and report every problem, each at its file, line and column.

    PATH is a content file or a directory searched for *.yaml and *.yml files;
    the default is content/. Exits 0 when there are no errors, 1 when the content
    has errors (or, with --strict, warnings), 2 on a usage error.
    """
    from advising_content.validation import validate_discovered

    report = validate_discovered(content_paths(paths), ids_from=ids_from)
    click.echo(chosen_reporter(output_format).render(report, strict))
    raise SystemExit(ExitCode.OK if report.passed(strict=strict) else ExitCode.CONTENT_ERRORS)
