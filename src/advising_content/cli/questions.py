"""``advising-content questions``: list the standard question bank."""

from __future__ import annotations

import json

import click


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Print a table to read, or JSON for other programs.",
)
def questions(output_format: str) -> None:
    """List the standard questions: key, audience and wording.

    A record answers these questions under a group of their audience, by key.
    """
    from advising_content.question_bank import load_question_bank

    bank = load_question_bank()
    if output_format == "json":
        listing = [
            {
                "key": question.key,
                "number": question.number,
                "group": question.group_id,
                "audiences": list(question.audiences),
                "question": question.question,
            }
            for question in bank.questions
        ]
        click.echo(json.dumps({"questions": listing}, indent=2, ensure_ascii=False))
        return
    width = max(len(question.key) for question in bank.questions)
    for group in bank.groups:
        click.echo(f"{group.heading} ({', '.join(group.audiences)})")
        for question in group.questions:
            click.echo(f"  {question.key.ljust(width)}  {question.question}")
