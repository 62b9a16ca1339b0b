"""The HTML export: a static site of the records, written with Jinja2 templates that escape
every value (content is text, never markup).

``html/index.html`` lists the records by institution; ``html/records/<institution>/<id>.html``
is a record's page; ``html/questions/<key>.html`` sets the answers to a bank question side by
side; ``html/coverage.html`` shows which records answer which bank questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from advising_content.question_bank import BankQuestion, QuestionBank, load_question_bank

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


def index_page(records: Sequence[Record]) -> str:
    institutions = [
        {
            "name": entries[0]["institution"]["name"],
            "records": [
                {"title": _title(r), "href": record_file(record_key(r)).removeprefix("html/")}
                for r in sorted(entries, key=_title)
            ],
        }
        for _, group in groupby(records, key=lambda r: r["institution"]["id"])
        for entries in [list(group)]
    ]
    return _render("index.html.j2", root="", title=SITE_NAME, institutions=institutions)


def _question_link(question: BankQuestion, root: str) -> dict[str, Any]:
    return {
        "number": question.number,
        "text": question.question,
        "href": f"{root}{question_file(question.key).removeprefix('html/')}",
    }


def questions_index(bank: QuestionBank, records: Sequence[Record]) -> str:
    groups = [
        {
            "heading": group.heading,
            "questions": [
                {
                    **_question_link(question, "../"),
                    "href": f"{question.key}.html",
                    "count": _answer_count(records, question),
                }
                for question in group.questions
            ],
        }
        for group in bank.groups
        if group.questions
    ]
    return _render("questions.html.j2", root="../", title="Compare answers", groups=groups)


def _answer_count(records: Sequence[Record], question: BankQuestion) -> str:
    answered = sum(html_compare.status(r, question.key) != html_compare.ABSENT for r in records)
    return f"on {answered} of {len(records)} pages"


def question_page(records: Sequence[Record], question: BankQuestion) -> str:
    rows = [
        {
            **vars(row),
            "href": f"../{record_file(row.record_key).removeprefix('html/')}#{row.anchor}",
        }
        for row in html_compare.answer_rows(records, question)
    ]
    return _render(
        "question.html.j2",
        root="../",
        title=question.question,
        number=question.number,
        audiences=", ".join(question.audiences),
        rows=rows,
    )


def coverage_page(records: Sequence[Record], bank: QuestionBank) -> str:
    questions = sorted(bank.questions, key=lambda question: question.number)
    rows = [
        {**vars(row), "href": record_file(row.record_key).removeprefix("html/")}
        for row in html_compare.coverage(records, questions)
    ]
    institutions = [
        {"name": entries[0]["institution"], "rows": entries}
        for _, group in groupby(rows, key=lambda row: row["record_key"].split("/")[0])
        for entries in [list(group)]
    ]
    return _render(
        "coverage.html.j2",
        root="",
        title="Coverage of the standard questions",
        questions=[_question_link(question, "") for question in questions],
        institutions=institutions,
        statuses=html_compare.STATUSES,
        status_classes=STATUS_CLASSES,
        status_marks=STATUS_MARKS,
    )


def site_files(records: Sequence[Record]) -> dict[str, str]:
    """Every file of the site, by its path in the export, in a fixed order."""
    bank = load_question_bank()
    files = {
        "html/index.html": index_page(records),
        "html/coverage.html": coverage_page(records, bank),
        "html/questions/index.html": questions_index(bank, records),
        STYLESHEET: _template_source("style.css"),
    }
    for question in bank.questions:
        files[question_file(question.key)] = question_page(records, question)
    for record in records:
        files[record_file(record_key(record))] = record_page(record)
    return files
