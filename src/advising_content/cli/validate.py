"""``advising-content validate``: check content files and report every problem."""

from __future__ import annotations

import click

from advising_content.cli.paths import content_paths, existing_paths
from advising_content.cli.report_format import chosen_reporter, formats_help
from advising_content.exit_codes import ExitCode
from advising_content.reports import reporters


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
def validate(paths: tuple[str, ...], output_format: str | None, strict: bool) -> None:
    """Check content files and report every problem, each at its file, line and column.

    PATH is a content file or a directory searched for *.yaml and *.yml files;
    the default is content/. Exits 0 when there are no errors, 1 when the content
    has errors (or, with --strict, warnings), 2 on a usage error.
    """
    from advising_content.validation import validate_discovered

    report = validate_discovered(content_paths(paths))
    click.echo(chosen_reporter(output_format).render(report, strict))
    raise SystemExit(ExitCode.OK if report.passed(strict=strict) else ExitCode.CONTENT_ERRORS)
