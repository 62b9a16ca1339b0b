"""``advising-content new``: start the record of another specialty page."""

from __future__ import annotations

from pathlib import Path

import click

from advising_content.cli.paths import DEFAULT_CONTENT
from advising_content.cli.record_files import checked_id, checked_name, create_file
from advising_content.display import shown


@click.command()
@click.argument("record_id", metavar="ID", callback=checked_id)
@click.option(
    "--name",
    required=True,
    callback=checked_name,
    help="The specialty's full name, such as 'Internal Medicine-Pediatrics'.",
)
@click.option(
    "--institution",
    "institution_id",
    required=True,
    callback=checked_id,
    metavar="ID",
    help="The institution's id, such as 'feinberg'; records of one school share it.",
)
@click.option(
    "--out",
    "out",
    default=DEFAULT_CONTENT,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="The directory to write ID.yaml in.",
)
def new(record_id: str, name: str, institution_id: str, out: Path) -> None:
    """Write DIR/ID.yaml: a new record with every standard question, to fill in.

    Each piece of text to write is a placeholder containing TODO, so validate
    reports them until they are all replaced. An existing file is never
    overwritten. The record's first line points editors to the schema in the
    content repository, schemas/advising-record.schema.json, which is written
    where there is none, with VS Code's .vscode files in a new repository.
    """
    from advising_content.cli.editor_files import for_records
    from advising_content.modelines import modeline_for
    from advising_content.question_bank import load_question_bank
    from advising_content.resources import schema_version
    from advising_content.scaffold import new_record

    record = new_record(record_id, name, institution_id, load_question_bank(), schema_version())
    text = f"{modeline_for(out)}\n{record}"
    target = out / f"{record_id}.yaml"
    where = shown(str(target))
    if target.exists() or target.is_symlink():
        raise click.ClickException(f"{where} already exists; it was left as it is")
    try:
        out.mkdir(parents=True, exist_ok=True)
        create_file(target, text)
    except FileExistsError:
        raise click.ClickException(f"{where} already exists; it was left as it is") from None
    except OSError as error:
        reason = shown(error.strerror or str(error))
        raise click.ClickException(f"cannot write {where}: {reason}") from None
    click.echo(f"Wrote {where}. Replace each TODO, then run: advising-content validate {where}")
    for line in for_records(out):
        click.echo(line)
