"""The HTML export: a static site of the records, written with Jinja2 templates that escape
every value (content is text, never markup).

``html/index.html`` lists the records by institution; ``html/records/<institution>/<id>.html``
is a record's page; ``html/questions/<key>.html`` sets the answers to a bank question side by
side; ``html/coverage.html`` shows which records answer which bank questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import groupby
from typing import Any

import jinja2
import markupsafe

from advising_content.export import html_compare
from advising_content.export.html_blocks import page, web_href
from advising_content.export.html_jsonld import record_jsonld, script_json
from advising_content.export.records import Record, record_key
from advising_content.question_bank import BankQuestion, QuestionBank

SITE_NAME = "Specialty career advising"
STYLESHEET = "html/style.css"
STATUS_CLASSES = {
    html_compare.ANSWERED: "answered",
    html_compare.NO_ANSWER_SHOWN: "no-answer",
    html_compare.NOT_APPLICABLE: "not-applicable",
    html_compare.ABSENT: "absent",
}
STATUS_MARKS = {
    html_compare.ANSWERED: "\u2713",
    html_compare.NO_ANSWER_SHOWN: "\u25cb",
    html_compare.NOT_APPLICABLE: "N/A",
    html_compare.ABSENT: "\u2013",
}


def _template_source(name: str) -> str:
    return (
        resources.files("advising_content").joinpath("resources", "html", name).read_text("utf-8")
    )


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(site_name=SITE_NAME, **context)


def _pieces(template: str, **context: Any) -> Iterator[str]:
    """The page, in pieces, for a page of every record: never the whole of it at once."""
    return _environment().get_template(template).generate(site_name=SITE_NAME, **context)


def stylesheet() -> str:
    return _template_source("style.css")


def record_file(key: str) -> str:
    return f"html/records/{key}.html"


def question_file(key: str) -> str:
    return f"html/questions/{key}.html"


def _title(record: Record) -> str:
    return str(record.get("title") or record["specialty"]["name"])


def record_page(record: Record) -> str:
    """The HTML page of a record."""
    specialty = record["specialty"]
    meta = []
    if record.get("title") not in (None, specialty["name"]):
        meta.append(f"Specialty: {specialty['name']}")
    if specialty.get("short_names"):
        meta.append(f"Also called: {', '.join(specialty['short_names'])}")
    return _render(
        "record.html.j2",
        root="../../",
        title=_title(record),
        institution=record["institution"]["name"],
        meta=meta,
        blocks=page(record),
        source=_source(record.get("source")),
        # Safe as it is: script_json writes no '<', '>' or '&' that could end the element.
        jsonld=markupsafe.Markup(script_json(record_jsonld(record))),
    )


def _source(source: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not source:
        return None
    whole = "the whole page" if source["complete"] else "part of the page"
    if source.get("captured"):
        whole += f", captured {source['captured']}"
    url = source.get("url")
    return {"url": url, "href": web_href(url) if url else None, "whole": whole}


@dataclass(frozen=True)
class Card:
    """What the site's shared pages show of a record: its key, institution, title, specialty,
    and what it shows of each bank question (in the order of their numbers)."""

    key: str
    institution_id: str
    institution: str
    title: str
    specialty: str
    statuses: tuple[str, ...]


def card(record: Record, bank: QuestionBank) -> Card:
    return Card(
        record_key(record),
        record["institution"]["id"],
        record["institution"]["name"],
        _title(record),
        record["specialty"]["name"],
        tuple(html_compare.status(record, question.key) for question in _numbered(bank)),
    )


def _numbered(bank: QuestionBank) -> list[BankQuestion]:
    return sorted(bank.questions, key=lambda question: question.number)


def index_page(cards: Sequence[Card]) -> Iterator[str]:
    institutions = [
        {
            "name": entries[0].institution,
            "records": [
                {"title": c.title, "href": record_file(c.key).removeprefix("html/")}
                for c in sorted(entries, key=lambda c: c.title)
            ],
        }
        for _, group in groupby(cards, key=lambda c: c.institution_id)
        for entries in [list(group)]
    ]
    return _pieces("index.html.j2", root="", title=SITE_NAME, institutions=institutions)


def _question_link(question: BankQuestion, root: str) -> dict[str, Any]:
    return {
        "number": question.number,
        "text": question.question,
        "href": f"{root}{question_file(question.key).removeprefix('html/')}",
    }


def answered(cards: Sequence[Card], bank: QuestionBank, question: BankQuestion) -> int:
    """How many records show ``question``."""
    column = _numbered(bank).index(question)
    return sum(c.statuses[column] != html_compare.ABSENT for c in cards)


def questions_index(bank: QuestionBank, cards: Sequence[Card]) -> str:
    groups = [
        {
            "heading": group.heading,
            "questions": [
                {
                    **_question_link(question, "../"),
                    "href": f"{question.key}.html",
                    "count": f"on {answered(cards, bank, question)} of {len(cards)} pages",
                }
                for question in group.questions
            ],
        }
        for group in bank.groups
        if group.questions
    ]
    return _render("questions.html.j2", root="../", title="Compare answers", groups=groups)


def answer_rows(record: Record, question: BankQuestion) -> str:
    """The rows of the page of ``question`` that show ``record``'s answers to it."""
    template = _environment().get_template("question_row.html.j2")
    return "".join(
        template.render(
            row={
                **vars(row),
                "href": f"../{record_file(row.record_key).removeprefix('html/')}#{row.anchor}",
            }
        )
        for row in html_compare.answer_rows([record], question)
    )


def question_page(question: BankQuestion, rows: Iterable[str], shown: int) -> Iterator[str]:
    """The page of ``question``, in pieces: ``rows`` are each record's ``answer_rows`` in order
    (empty for a record that does not show it), and ``shown`` how many records show it."""
    return _pieces(
        "question.html.j2",
        root="../",
        title=question.question,
        number=question.number,
        audiences=", ".join(question.audiences),
        rows=_Rows(rows, shown),
    )


class _Rows:
    """Rows already written as HTML (escaped by ``answer_rows``), as the template takes them."""

    def __init__(self, rows: Iterable[str], shown: int) -> None:
        self._rows = rows
        self._shown = shown

    def __len__(self) -> int:
        return self._shown

    def __iter__(self) -> Iterator[markupsafe.Markup]:
        return (markupsafe.Markup(row) for row in self._rows)


def coverage_page(cards: Sequence[Card], bank: QuestionBank) -> Iterator[str]:
    questions = _numbered(bank)
    institutions = [
        {"name": entries[0].institution, "rows": [_coverage_row(c) for c in entries]}
        for _, group in groupby(cards, key=lambda c: c.institution_id)
        for entries in [list(group)]
    ]
    return _pieces(
        "coverage.html.j2",
        root="",
        title="Coverage of the standard questions",
        questions=[_question_link(question, "") for question in questions],
        institutions=institutions,
        statuses=html_compare.STATUSES,
        status_classes=STATUS_CLASSES,
        status_marks=STATUS_MARKS,
    )


def _coverage_row(shown: Card) -> dict[str, Any]:
    return {
        "record_key": shown.key,
        "institution": shown.institution,
        "specialty": shown.specialty,
        "statuses": shown.statuses,
        "href": record_file(shown.key).removeprefix("html/"),
    }
