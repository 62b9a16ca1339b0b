"""``advising-content import``: an advising page, as a browser copies it, becomes a record."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from advising_content.cli.paths import DEFAULT_CONTENT
from advising_content.cli.record_files import checked_id, checked_name, create_file


@click.command(name="import")
@click.argument(
    "pages", nargs=-1, required=True, metavar="PAGE...",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)  # fmt: skip
@click.option(
    "--institution",
    "institution_name",
    required=True,
    callback=checked_name,
    metavar="NAME",
    help="The institution's full name, as its records write it.",
)
@click.option(
    "--institution-id",
    callback=lambda c, p, v: v and checked_id(c, p, v),
    metavar="ID",
    help="The institution's id.  [default: NAME as an id]",
)
@click.option(
    "--id",
    "record_id",
    callback=lambda c, p, v: v and checked_id(c, p, v),
    metavar="ID",
    help="The record's id (one PAGE).  [default: the specialty's name]",
)
@click.option(
    "--name",
    "specialty_name",
    callback=lambda c, p, v: v and checked_name(c, p, v),
    help="The specialty's name, for a page that does not say it (one PAGE).",
)
@click.option(
    "--source",
    "source_url",
    metavar="URL",
    help="The page's address (one PAGE); it replaces a 'source: URL' first line.",
)
@click.option(
    "--out",
    default=DEFAULT_CONTENT,
    show_default=True,
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="The directory to write ID.yaml in.",
)
@click.option("--stdout", "to_stdout", is_flag=True,
              help="Print each record, not writing it; the report goes to stderr.")  # fmt: skip
def import_pages(
    pages: tuple[Path, ...], institution_name: str, institution_id: str | None,
    record_id: str | None, specialty_name: str | None, source_url: str | None, out: Path,
    to_stdout: bool,
) -> None:  # fmt: skip
    """Read each PAGE (a page's text as a browser copies it, or the page saved as
    .html) into a draft record, DIR/ID.yaml, and report what it recognized,
    inferred, left out and could not place.

    Every line of the page is kept; interpretations (a stance, months, a count)
    are set only where an answer states them, marked for the editor to check.
    An existing file is never overwritten. Exits 0 when every record
    validates, 1 when one still has errors (it is written, to finish by hand).
    """
    from advising_content.cli.import_run import ImportRun
    from advising_content.page_import.people_lines import slug

    if len(pages) > 1 and (record_id or specialty_name or source_url):
        raise click.UsageError("--id, --name and --source go with one PAGE.")
    run = ImportRun(institution_name, institution_id or slug(institution_name), out, to_stdout)
    imported = [run.read(page, record_id, specialty_name, source_url) for page in pages]
    if to_stdout:
        with tempfile.TemporaryDirectory() as folder:
            passed = run.check(imported, Path(folder))
    else:
        passed = run.write(imported, create_file)
    if not passed:
        raise SystemExit(1)
