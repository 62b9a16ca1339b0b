"""``advising-content export``: validate content, then write it out for other school systems."""

from __future__ import annotations

import os
from pathlib import Path

import click

from advising_content.cli.exit_codes import ExitCode
from advising_content.cli.paths import content_paths

EXPORT_FORMATS = ("json", "markdown", "csv")


class OutputDirError(click.ClickException):
    """The output directory cannot be used: a usage error (exit 2) with a plain message."""

    exit_code = ExitCode.USAGE


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True), metavar="[PATH]...")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=True, dir_okay=True, path_type=Path),
    metavar="DIR",
    help="The directory to write; it is replaced as a whole by the new export.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice([*EXPORT_FORMATS, "all"]),
    help="A format to write; repeat for several. Default: all.",
)
@click.option("--strict", is_flag=True, help="Refuse to export when there are warnings too.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print what was written.")
@click.option(
    "--excel", is_flag=True, help="Begin each CSV file with a byte-order mark for spreadsheets."
)
@click.option(
    "--raw-csv",
    is_flag=True,
    help="Write CSV values untouched, for machine importers (no ' before formula-like values).",
)
def export(
    paths: tuple[str, ...],
    out: Path,
    formats: tuple[str, ...],
    strict: bool,
    quiet: bool,
    excel: bool,
    raw_csv: bool,
) -> None:
    """Validate content files, then export them to JSON, Markdown and CSV in DIR.

    PATH is as for validate (default content/). When any file has an error, the
    problems are printed, nothing is written and DIR is left as it was (exit 1).
    Otherwise DIR is replaced at once by the new export: index.json, json/,
    markdown/ and csv/ (with datapackage.json). Exits 2 on a usage error or an
    unusable DIR.
    """
    from advising_content.export.csv_files import CsvOptions
    from advising_content.export.exporter import export_records
    from advising_content.export.output_dir import UnusableOutputDir, check_output_dir
    from advising_content.reporters import REPORTERS, plural
    from advising_content.validation import validate_discovered

    found = content_paths(paths)
    chosen = EXPORT_FORMATS if not formats or "all" in formats else formats
    try:
        check_output_dir(out)
    except UnusableOutputDir as error:
        raise OutputDirError(f"cannot export to {out}: {error}") from None

    report = validate_discovered(found, keep_data=True)
    if report.problems or not quiet:
        problem_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        click.echo(REPORTERS[problem_format](report, strict))
    if not report.passed(strict=strict):
        click.echo(f"Nothing was exported; {out} is unchanged.", err=True)
        raise SystemExit(ExitCode.CONTENT_ERRORS)

    records = [entry.data for entry in report.files if entry.data is not None]
    try:
        result = export_records(records, out, chosen, CsvOptions(excel=excel, raw=raw_csv))
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputDirError(
            f"cannot export to {out}: {reason}; nothing was exported and {out} is unchanged"
        ) from None
    if not quiet:
        written = [plural(result.records, "record")]
        if "json" in chosen:
            written.append(f"{plural(result.records, 'JSON document')} in json/")
        if "markdown" in chosen:
            written.append(f"{plural(result.records, 'Markdown page')} in markdown/")
        if "csv" in chosen:
            written.append(f"{plural(len(result.table_rows), 'CSV table')} in csv/")
        click.echo(f"Exported to {out}: {', '.join(written)}, and index.json.")
