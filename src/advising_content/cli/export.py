"""``advising-content export``: validate content, then write it out for other school systems."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from advising_content.cli.paths import content_paths, existing_paths
from advising_content.cli.report_format import chosen_reporter
from advising_content.discovery import Discovery
from advising_content.display import shown
from advising_content.exit_codes import ExitCode
from advising_content.export.registry import ExportOptions, export_formats

if TYPE_CHECKING:
    from collections.abc import Callable

    from advising_content.export.manifest import Audit
    from advising_content.validation import ValidationReport


class OutputDirError(click.ClickException):
    """The output directory cannot be used: a usage error (exit 2) with a plain message."""

    exit_code = ExitCode.USAGE


def _formats_help() -> str:
    listed = "; ".join(form.writes for form in export_formats().values())
    return f"A format to write; repeat for several. Default: all. {listed}."


# An Open Definition license id, as the Data Package standard asks for a license's name.
_LICENCE_ID = re.compile(r"[-a-zA-Z0-9._]+")


def _web_address(value: str) -> bool:
    from advising_content.string_formats import is_uri

    return value.startswith(("https://", "http://")) and is_uri(value)


def _license(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    if value is None or _LICENCE_ID.fullmatch(value) or _web_address(value):
        return value
    raise click.BadParameter(
        "give an Open Definition license id, such as CC-BY-4.0, or the web address of the "
        "license (https://...)"
    )


def _homepage(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    if value is None or _web_address(value):
        return value
    raise click.BadParameter("give a web address beginning with https:// or http://")


def _version(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    from advising_content.resources import load_schema

    if value is None or re.fullmatch(load_schema()["$defs"]["semver"]["pattern"], value):
        return value
    raise click.BadParameter("give a version of three numbers, such as 1.0.0")


@click.command()
@click.argument("paths", nargs=-1, callback=existing_paths, metavar="[PATH]...")
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
    type=click.Choice([*export_formats(), "all"]),
    help=_formats_help(),
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
@click.option(
    "--package-license",
    metavar="ID|URL",
    callback=_license,
    help="The data's license, declared in csv/datapackage.json: an Open Definition id such as "
    "CC-BY-4.0, or the license's web address. Default: none is declared.",
)
@click.option(
    "--package-homepage",
    metavar="URL",
    callback=_homepage,
    help="The data's web page, declared in csv/datapackage.json. Default: none.",
)
@click.option(
    "--package-version",
    metavar="X.Y.Z",
    callback=_version,
    help="The data's version, declared in csv/datapackage.json. Default: none.",
)
@click.option(
    "--front-matter",
    is_flag=True,
    help="Begin each Markdown page with YAML front matter (id, title, institution, specialty, "
    "source URL) for static site generators.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace DIR even when it holds files that no export wrote, or exported files changed "
    "since; they are discarded.",
)
def export(
    paths: tuple[str, ...],
    out: Path,
    formats: tuple[str, ...],
    strict: bool,
    quiet: bool,
    excel: bool,
    raw_csv: bool,
    package_license: str | None,
    package_homepage: str | None,
    package_version: str | None,
    front_matter: bool,
    force: bool,
) -> None:
    """Validate content files, then export them in every format (or those given) in DIR.

    PATH is as for validate (default content/). When any file has an error, the
    problems are printed, nothing is written and DIR is left as it was (exit 1).
    Otherwise DIR is replaced at once by the new export, with index.json and
    manifest.json. DIR must be new, empty or an earlier export left as it was
    written: a file that no export wrote, or one changed since, is named and kept,
    and nothing is exported (exit 2) unless --force. Exits 2 on a usage error or an
    unusable DIR.
    """
    from advising_content.export.csv_options import CsvOptions, PackageInfo
    from advising_content.export.markdown_options import MarkdownOptions

    found = content_paths(paths)
    _check_out(out, found, force)
    chosen = None if not formats or "all" in formats else formats
    package = PackageInfo(package_license, package_homepage, package_version)
    options = ExportOptions(
        CsvOptions(excel=excel, raw=raw_csv, package=package), MarkdownOptions(front_matter)
    )
    _export(found, out, chosen, options, force, _acceptance(out, strict, quiet), quiet)


def _check_out(out: Path, found: Discovery, force: bool) -> None:
    """Refuse an unusable DIR before any work; with --force, say what it will discard."""
    from advising_content.export.output_dir import (
        UnusableOutputDir,
        check_output_dir,
        discarded,
        refuse_to_hold,
    )

    try:
        refuse_to_hold(out, found.files)
        audit: Audit = check_output_dir(out, force=force)
    except UnusableOutputDir as error:
        raise _unusable(out, error) from None
    except OSError as error:
        reason = shown(error.strerror or str(error))
        if error.filename:
            reason = f"{shown(os.fsdecode(error.filename))}: {reason}"
        raise OutputDirError(f"cannot export to {shown(str(out))}: {reason}") from None
    if audit.would_lose:
        message = f"--force: replacing {shown(str(out))} discards {shown(discarded(audit))}."
        click.echo(message, err=True)


def _acceptance(out: Path, strict: bool, quiet: bool) -> Callable[[ValidationReport], None]:
    """Print the report of the checking; stop the export (exit 1) unless the content passed."""

    def accept(report: ValidationReport) -> None:
        if report.problems or not quiet:
            click.echo(chosen_reporter().render(report, strict))
        if not report.passed(strict=strict):
            state = "is unchanged" if os.path.lexists(out) else "was not created"
            click.echo(f"Nothing was exported; {shown(str(out))} {state}.", err=True)
            raise SystemExit(ExitCode.CONTENT_ERRORS)

    return accept


def _export(
    found: Discovery,
    out: Path,
    chosen: tuple[str, ...] | None,
    options: ExportOptions,
    force: bool,
    accept: Callable[[ValidationReport], None],
    quiet: bool,
) -> None:
    from advising_content.export.exporter import export_content
    from advising_content.export.output_dir import UnusableOutputDir
    from advising_content.wording import plural

    where = shown(str(out))
    try:
        result = export_content(found, out, chosen, options, accept=accept, force=force)
    except UnusableOutputDir as error:  # found just before the swap, as it would be before
        raise _unusable(out, error) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputDirError(
            f"cannot export to {where}: {shown(reason)}; nothing was exported and {where} is "
            "unchanged"
        ) from None
    if not quiet:
        written = ", ".join([plural(result.records, "record"), *result.written])
        click.echo(f"Exported to {where}: {written}, index.json and manifest.json.")


def _unusable(out: Path, error: Exception) -> OutputDirError:
    return OutputDirError(f"cannot export to {shown(str(out))}: {shown(str(error))}")
