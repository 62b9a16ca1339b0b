"""``advising-content schema``: print the published JSON Schema, or its reference documentation."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "markdown"]),
    default="json",
    show_default=True,
    help="json: the schema file itself; markdown: its reference documentation.",
)
def schema(output_format: str) -> None:
    """Print the JSON Schema of an advising record, exactly as published.

    Point an editor's YAML support or another validator at it; --format markdown
    prints the reference of every field (docs/schema.md).
    """
    from advising_content.resources import SCHEMA_FILE, read_text

    if output_format == "markdown":
        from advising_content.schema_docs import schema_reference

        click.echo(schema_reference(), nl=False)
        return
    click.echo(read_text(SCHEMA_FILE), nl=False)
