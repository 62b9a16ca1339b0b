"""The Markdown export renders as exactly the record's text, and no markup, in every renderer
people use: CommonMark (markdown-it), GitHub (cmark-gfm), Python-Markdown with "extra" (the
extensions MkDocs sites use) and mistune.

A page is compared as a reader sees it: the HTML each renderer makes is read as a browser reads
it (character references decoded, <br> a line break), block by block and line by line, with runs
of whitespace within a line counted as one space, since HTML shows them so. The test records and
the nine real pages' records are checked so; small records pin the Markdown itself: page order,
paragraphs and lists, advisor groups, the notes for what a page shows without content, and the
source.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml

from conftest import ALL_FIELDS, EXPORT_EXAMPLES, MED_PEDS, REPO
from markdown_view import RENDERERS, check_page, given_links, rendered

SOURCES = [
    MED_PEDS, ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml")),
    *sorted((REPO / "examples").glob("*/*.yaml")),
]  # fmt: skip
IDS = [f"{path.parent.name}/{path.stem}" for path in SOURCES]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = tmp_path_factory.mktemp("export") / "out"
    arguments = ["export", *map(str, SOURCES), "--out", str(out), "--format", "markdown"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out


def _page_text(exported: Path, source: Path) -> str:
    record = _record(source)
    page = exported / "markdown" / record["institution"]["id"] / f"{record['id']}.md"
    return page.read_text("utf-8")


def _record(source: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(source.read_text("utf-8"))
    return data


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_the_page_shows_exactly_the_record_text(exported: Path, source: Path, renderer: str):
    check_page(_page_text(exported, source), renderer, _record(source))


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_link_of_the_record_is_on_the_page(exported: Path, source: Path, renderer: str):
    hrefs = {unquote(href) for href in rendered(_page_text(exported, source), renderer).hrefs}
    assert given_links(_record(source)) <= hrefs


def test_without_page_order_the_blocks_follow_the_schema_order(exported: Path) -> None:
    def headings(source: Path) -> list[str]:
        view = rendered(_page_text(exported, source), "markdown-it")
        return [lines[0] for where, lines in view.blocks if where == "h2"]

    assert headings(MED_PEDS) == [
        "M1 and M2 Students",
        "M3 and M4 Students",
        "Medicine-Pediatrics Specialty Session - Winter / Residency Application Information",
        "Specialty Career Advisor",
        "For more information",
    ]
    assert headings(EXPORT_EXAMPLES / "example-surgery.yaml") == [
        "M3 and M4 Students",
        "Example Surgery Specialty Session - Spring",
        "For more information",
    ]


def test_the_med_peds_page_reads_like_the_original(exported: Path) -> None:
    text = _page_text(exported, MED_PEDS)
    assert text.startswith(
        "# Internal Medicine-Pediatrics\n\n"
        "Northwestern University Feinberg School of Medicine  \n"
        "Also called: med-peds, IMP\n\n"
        "> Blending together the principles of internal medicine and pediatrics,"
    )
    assert (
        "Request an Internal Medicine-Pediatrics Advisor\n\n"
        "## Specialty Career Advisor\n\n"
        "Cheryl Lee, MD  \nInternal Medicine-Pediatrics  \nView profile\n\n"
    ) in text
    assert text.endswith(
        "## For more information\n\n"
        "Cheryl Lee, MD  \nNorthwestern Memorial Hospital  \nFeinberg Room 16-738  \n"
        "251 E. Huron  \nChicago, IL 60611\n\n"
        "---\n\n"
        "Source: the whole page\n"
    )


def test_an_email_address_of_the_record_is_a_link_to_it(exported: Path) -> None:
    text = _page_text(exported, ALL_FIELDS)
    assert "Email: [jane.doe@example.edu](<mailto:jane.doe@example.edu>)  \n" in text
    assert ("Email: [pat.smith@example.edu](<mailto:pat.smith@example.edu>)  \n"
            "Phone: 555-0100\n\n## Contact\n\nJane Doe, MD, PhD\n\n") in text  # fmt: skip


Exported = Callable[[dict[str, Any]], str]


@pytest.fixture
def page_of(cli: Callable[..., Any], tmp_path: Path) -> Exported:
    """Export a record, checked by the command line like any other, and read its page, after
    making sure every renderer shows it as exactly its text."""

    def export(record: dict[str, Any]) -> str:
        source = tmp_path / "records" / f"{record['id']}.yaml"
        source.parent.mkdir(exist_ok=True)
        source.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
        out = tmp_path / "out"
        outcome = cli("export", str(source), "--out", str(out), "--format", "markdown")
        assert outcome.exit_code == 0, outcome.output
        text = (out / "markdown" / "feinberg" / f"{record['id']}.md").read_text("utf-8")
        for renderer in RENDERERS:
            check_page(text, renderer, record)
        return text

    return export


def _example(**parts: Any) -> dict[str, Any]:
    return {
        "id": "example", "schema_version": "2.0.0",
        "institution": {"id": "feinberg", "name": "Example School of Medicine"},
        "specialty": {"name": "Example Specialty"}, **parts,
    }  # fmt: skip


QUESTIONS = {"id": "questions", "questions": [
    {"key": "preclinical-advice", "question": "What advice would you offer first-year students?",
     "answer": "Explore the residents' association website."},
    {"key": "research-importance", "question": "Is research important in your specialty?",
     "answer": "Not needed."},
]}  # fmt: skip
ADVISORS = {
    "advisor_groups": [
        {"id": "advisors", "label": "Specialty Career Advisor:", "advisors": ["ana-ruiz"]}
    ],
    "advisors": [{"id": "ana-ruiz", "name": "Ana Ruiz", "degrees": ["MD"],
                  "titles": ["Director, Residency Program", "Associate Professor"]}],
}  # fmt: skip
HEAD = "# Example Specialty\n\nExample School of Medicine\n\n"
FIRST_QUESTION = (
    "## What advice would you offer first-year students?\n\n"
    "Explore the residents' association website.\n\n"
)
SECOND_QUESTION = "## Is research important in your specialty?\n\nNot needed.\n"
ADVISOR_GROUP = (
    "## Specialty Career Advisor:\n\n"
    "Ana Ruiz, MD  \nDirector, Residency Program  \nAssociate Professor\n"
)


def test_page_order_can_place_a_block_between_two_questions(page_of: Exported) -> None:
    order = ["questions", "preclinical-advice", "advisors", "research-importance"]
    record = _example(question_groups=[QUESTIONS], **ADVISORS, page_order=order)
    assert page_of(record) == HEAD + FIRST_QUESTION + ADVISOR_GROUP + "\n" + SECOND_QUESTION
    del record["page_order"]
    assert page_of(record) == HEAD + FIRST_QUESTION + SECOND_QUESTION + "\n" + ADVISOR_GROUP


def test_text_shows_as_paragraphs_and_bulleted_lists(page_of: Exported) -> None:
    quote = {
        "text": ["Medicine is a calling.", {"list": ["Care", "Learning"]}],
        "citation": {"authors": [{"family": "Doe", "given": "J."}], "year": 2020},
    }
    description = {
        "text": ["The specialty in its own words.", {"list": ["One item", "Another item"]}],
        "citation": {"organization": "Example College"},
    }
    section = {"id": "about", "heading": "About", "text": "Line one.\nLine two."}
    link = {"id": "site", "kind": "external-resource", "label": "Association website",
            "url": "https://www.example.org/", "within": "about"}  # fmt: skip
    record = _example(
        quote=quote, description=description, question_groups=[QUESTIONS],
        sections=[section], links=[link],
    )  # fmt: skip
    assert page_of(record) == HEAD + (
        "> Medicine is a calling.\n>\n> - Care\n> - Learning\n>\n> — Doe, J. (2020).\n\n"
        "The specialty in its own words.\n\n- One item\n- Another item\n\n"
        "(Source: Example College)\n\n"
    ) + FIRST_QUESTION + SECOND_QUESTION + (
        "\n## About\n\nLine one.\n\nLine two.\n\n"
        "- [Association website](<https://www.example.org/>)\n"
    )  # fmt: skip


def test_what_the_page_shows_without_content_is_said_and_the_source_ends_it(
    page_of: Exported,
) -> None:
    collapsed = {"id": "m1-m2", "heading": "M1 and M2 Students", "collapsed": True}
    group = {"id": "m3-m4", "heading": "M3 and M4 Students", "questions": [
        {"key": "away-rotations", "question": "Do you recommend away rotations?",
         "no_answer": True},
        {"key": "chair-letter", "question": "Is a chair letter required?",
         "answer": "It depends on", "cut": True},
    ]}  # fmt: skip
    record = _example(
        source={"url": "https://www.example.edu/advising", "captured": "2026-11-02",
                "complete": False},
        question_groups=[collapsed, group],
        sections=[{"id": "societies", "heading": "Associated Societies", "no_text": True}],
        page_order=["m1-m2", "societies", "m3-m4"],
    )  # fmt: skip
    assert page_of(record) == HEAD + (
        "## M1 and M2 Students\n\n(The page shows the questions of this group collapsed.)\n\n"
        "## Associated Societies\n\n(The page shows nothing under this heading.)\n\n"
        "## M3 and M4 Students\n\n"
        "### Do you recommend away rotations?\n\n(The page shows no answer to this question.)\n\n"
        "### Is a chair letter required?\n\nIt depends on\n\n"
        "(The capture of the page stops here.)\n\n"
        "---\n\n"
        "Source: [https&#58;//www\\.example.edu/advising](<https://www.example.edu/advising>)"
        " (part of the page, captured 2026-11-02)\n"
    )


def test_lists_that_follow_each_other_stay_two_lists(page_of: Exported) -> None:
    section = {"id": "about", "heading": "About", "text": [{"list": ["a"]}, {"list": ["b"]}]}
    link = {"id": "site", "kind": "external-resource", "label": "Association website",
            "url": "https://www.example.org/", "within": "about"}  # fmt: skip
    quote = {"text": [{"list": ["c"]}, {"list": ["d"]}], "citation": {"organization": "X"}}
    record = _example(quote=quote, question_groups=[QUESTIONS], sections=[section], links=[link])
    assert page_of(record) == HEAD + (
        "> - c\n>\n> <!-- -->\n>\n> - d\n>\n> — (Source: X)\n\n"
    ) + FIRST_QUESTION + SECOND_QUESTION + (
        "\n## About\n\n- a\n\n<!-- -->\n\n- b\n\n<!-- -->\n\n"
        "- [Association website](<https://www.example.org/>)\n"
    )  # fmt: skip


def test_a_source_without_an_address_says_what_was_captured(page_of: Exported) -> None:
    record = _example(
        question_groups=[QUESTIONS], source={"captured": "2026-11-02", "complete": True}
    )
    assert page_of(record).endswith("---\n\nSource: the whole page, captured 2026-11-02\n")
