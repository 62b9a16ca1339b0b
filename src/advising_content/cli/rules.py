"""``advising-content rules``: list every rule a problem can name."""

from __future__ import annotations

import json

import click


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="A table to read, JSON for other programs, or the Markdown table of the README.",
)
def rules(output_format: str) -> None:
    """List every rule a problem can name: its name, severity and meaning.

    The word in parentheses at the end of a problem line names its rule.
    """
    from advising_content.rules import catalogue, rules_table

    found = catalogue()
    if output_format == "markdown":
        click.echo(rules_table(found), nl=False)
    elif output_format == "json":
        listing = [
            {"name": r.name, "severity": str(r.severity), "meaning": r.meaning}
            for r in found.values()
        ]
        click.echo(json.dumps({"rules": listing}, indent=2, ensure_ascii=False))
    else:
        width = max(len(name) for name in found)
        for name, defined in found.items():
            click.echo(f"{name.ljust(width)}  {str(defined.severity).ljust(7)}  {defined.meaning}")
