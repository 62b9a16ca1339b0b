"""The Markdown export renders as exactly the record's text, and no markup, in every renderer
people use: CommonMark (markdown-it), GitHub (cmark-gfm), Python-Markdown with "extra" (the
extensions MkDocs sites use) and mistune.

A page is compared as a reader sees it: the HTML each renderer makes is read as a browser reads
it (character references decoded, <br> a line break), block by block and line by line, with runs
of whitespace within a line counted as one space, since HTML shows them so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml

from conftest import ALL_FIELDS, EXPORT_EXAMPLES, MED_PEDS
from markdown_view import RENDERERS, check_page, given_links, norm, rendered

SOURCES = [MED_PEDS, ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]
IDS = [path.stem for path in SOURCES]


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
    return (exported / "markdown" / f"{source.stem}.md").read_text("utf-8")


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


def test_every_page_has_the_same_structure(exported: Path) -> None:
    def outline(source: Path) -> list[str]:
        record = _record(source)
        fixed = {norm(group["heading"]) for group in record["question_groups"]}
        return [
            "group" if lines[0] in fixed else lines[0]
            for where, lines in rendered(_page_text(exported, source), "markdown-it").blocks
            if where == "h2"
        ]

    assert outline(MED_PEDS) == [
        "group", "group", "Sessions", "Links", "Advisors", "For more information"
    ]  # fmt: skip
    assert outline(EXPORT_EXAMPLES / "example-surgery.yaml") == [
        "group", "Sessions", "Advisors", "For more information"
    ]  # fmt: skip


def test_the_med_peds_page_reads_like_the_original(exported: Path) -> None:
    text = (exported / "markdown" / "med-peds.md").read_text("utf-8")
    assert text.startswith(
        "# Internal Medicine-Pediatrics\n\n"
        "Northwestern University Feinberg School of Medicine  \n"
        "Also called: med-peds, IMP\n\n"
        "> Blending together the principles of internal medicine and pediatrics,"
    )
    assert text.endswith(
        "## For more information\n\n"
        "Cheryl Lee, MD  \nNorthwestern Memorial Hospital  \nFeinberg Room 16-738  \n"
        "251 E. Huron  \nChicago, IL 60611\n"
    )


def test_an_email_address_of_the_record_is_a_link_to_it(exported: Path) -> None:
    text = (exported / "markdown" / "all-fields.md").read_text("utf-8")
    assert "Email: [jane.doe@example.edu](<mailto:jane.doe@example.edu>)  \n" in text
    assert text.endswith("Email: [pat.smith@example.edu](<mailto:pat.smith@example.edu>)  \n"
                         "Phone: 555-0100\n\n## Contact\n\nJane Doe, MD, PhD\n")  # fmt: skip
