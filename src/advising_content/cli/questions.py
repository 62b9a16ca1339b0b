"""``advising-content questions``: list the standard question bank."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from advising_content.question_bank import BankQuestion, QuestionBank


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Print a table to read, or JSON for other programs.",
)
@click.option(
    "--match",
    "wording",
    metavar="TEXT",
    help="Print only the bank questions that TEXT (a page's wording of one) may ask.",
)
@click.option(
    "--cut",
    is_flag=True,
    help="With --match: TEXT stops part way, as on a partial capture; match its beginning.",
)
def questions(output_format: str, wording: str | None, cut: bool) -> None:
    """List the standard questions: key, audience, wording, the wordings other
    schools use, and the stances and facts each answer may carry.

    A record answers these questions under a group of their audience, by key.
    With --match, exits 1 when no bank question matches TEXT, and lists
    every question it may ask when it begins several (with --cut).
    """
    from advising_content.question_bank import load_question_bank

    bank = load_question_bank()
    chosen = bank.questions
    if wording is not None:
        chosen = bank.candidates(wording, cut=cut)
    elif cut:
        raise click.UsageError("--cut goes with --match TEXT.")
    if not chosen and output_format == "text":
        click.echo(f"No question of the bank is worded like {json.dumps(wording)}.")
    elif output_format == "json":
        click.echo(json.dumps({"questions": _listing(chosen)}, indent=2, ensure_ascii=False))
    else:
        _print_listing(bank, chosen)
    if not chosen:
        raise SystemExit(1)


def _print_listing(bank: QuestionBank, chosen: tuple[BankQuestion, ...]) -> None:
    for group in bank.groups:
        shown = [question for question in group.questions if question in chosen]
        if shown:
            click.echo(f"{group.heading} ({', '.join(group.audiences)})")
        for question in shown:
            click.echo(f"  {question.key}: {question.question}")
            for alternate in question.alternates:
                click.echo(f"      also: {alternate}")
            if question.stances:
                click.echo(f"      stances: {', '.join(question.stances)}")
            if question.facts:
                click.echo(f"      facts: {', '.join(question.facts)}")
            if set(question.audiences) != set(group.audiences):
                click.echo(f"      audiences: {', '.join(question.audiences)}")


def _listing(chosen: tuple[BankQuestion, ...]) -> list[dict[str, object]]:
    return [
        {
            "key": question.key,
            "number": question.number,
            "group": question.group_id,
            "audiences": list(question.audiences),
            "question": question.question,
            "core": question.core,
            "alternates": list(question.alternates),
            "stances": list(question.stances),
            "facts": list(question.facts),
        }
        for question in chosen
    ]
