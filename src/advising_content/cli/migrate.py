"""``advising-content migrate``: bring records up to the current schema version, in place."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

import click

from advising_content.cli.paths import content_paths, existing_paths
from advising_content.display import shown
from advising_content.exit_codes import ExitCode

if TYPE_CHECKING:
    from advising_content.migration import Options, Outcome, Status


def _institution_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from advising_content.identifiers import is_slug

    if value is not None and not is_slug(value):
        raise click.BadParameter(
            f"'{shown(value)}' is not an id: use lowercase letters, digits and single hyphens, "
            "such as 'feinberg'",
            ctx,
            param,
        )
    return value


@click.command()
@click.argument("paths", nargs=-1, callback=existing_paths, metavar="[PATH]...")
@click.option("--check", is_flag=True, help="Report what is due without writing anything.")
@click.option(
    "--institution",
    "institution_id",
    callback=_institution_id,
    metavar="ID",
    help="The institution id to give records that have none (default: made of its name).",
)
def migrate(paths: tuple[str, ...], check: bool, institution_id: str | None) -> None:
    """Rewrite records written for an earlier schema version to the current one.

    PATH is a content file or a directory searched for *.yaml and *.yml files;
    the default is content/. Comments, key order, quoting and block styles of
    everything that does not change are kept; a record that is already current
    is left as it is. A record that would still have errors is not changed: its
    errors are listed, each at its line. Exits 0 when every record is current
    (or was migrated), 1 when a record was refused (or, with --check, when a
    migration is due), 2 on a usage error.
    """
    from advising_content.migration import Options, Status
    from advising_content.reports.text_report import text_line
    from advising_content.resources import schema_version

    options = Options(schema_version(), institution_id)
    found = content_paths(paths)
    counts = dict.fromkeys(Status, 0)
    for problem in found.problems:
        click.echo(text_line(problem))
    migrated: list[Path] = []
    for path in found.files:
        outcome = _migrated(path, options, check)
        counts[outcome.status] += 1
        click.echo(_told(outcome, check, options.current))
        for problem in outcome.problems:
            click.echo(text_line(problem))
        if outcome.status is Status.MIGRATED and not check:
            migrated.append(Path(path).parent)
    _set_up_for_editors(migrated)
    click.echo(_summary(counts, check))
    failed = counts[Status.REFUSED] or found.problems or (check and counts[Status.MIGRATED])
    raise SystemExit(ExitCode.CONTENT_ERRORS if failed else ExitCode.OK)


def _set_up_for_editors(folders: list[Path]) -> None:
    """Write the schema that the first lines of the migrated records point to, where the
    content repository has none."""
    from advising_content.cli.editor_files import for_records

    for folder in dict.fromkeys(folders):
        for line in for_records(folder):
            click.echo(line)


def _migrated(path: str, options: Options, check: bool) -> Outcome:
    """Migrate one file, and write it unless only checking; a file that cannot be read or
    written is refused, saying why."""
    from advising_content.migration import Outcome, Status, migrate_text

    try:
        outcome = migrate_text(path, Path(path).read_bytes(), options)
        if outcome.status is Status.MIGRATED and not check:
            assert outcome.text is not None
            _replace(Path(path), outcome.text)
    except OSError as error:
        reason = shown(error.strerror or str(error))
        return Outcome(path, Status.REFUSED, note=f"cannot be read or written: {reason}")
    return outcome


def _told(outcome: Outcome, check: bool, current: str) -> str:
    from advising_content.migration import Status

    where = shown(outcome.path)
    if outcome.note:
        return f"{where}: not migrated; it {outcome.note}"
    if outcome.status is Status.CURRENT:
        return f"{where}: up to date (schema {outcome.written_for})"
    if outcome.status is Status.REFUSED:
        return f"{where}: not migrated; fix these errors first, then run migrate again:"
    if check:
        return (
            f"{where}: written for schema {outcome.written_for}; migrating to {current} is due "
            f"(run: advising-content migrate {where})"
        )
    return f"{where}: migrated from schema {outcome.written_for} to {current}: " + "; ".join(
        outcome.changes
    )


def _summary(counts: dict[Status, int], check: bool) -> str:
    from advising_content.migration import Status
    from advising_content.wording import plural

    done = "due" if check else "migrated"
    return (
        f"{plural(counts[Status.MIGRATED], 'file')} {done}, {counts[Status.CURRENT]} up to date, "
        f"{counts[Status.REFUSED]} not migrated."
    )


def _replace(target: Path, text: str) -> None:
    """Write ``target`` whole or not at all, keeping its permissions."""
    mode = target.stat().st_mode & 0o7777
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
