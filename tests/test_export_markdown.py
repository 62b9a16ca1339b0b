"""The Markdown export renders, as CommonMark, to exactly the text of the record and no markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from advising_content.rendering import citation_text, session_heading
from conftest import ALL_FIELDS, CONTENT, EXPORT_EXAMPLES

SOURCES = [CONTENT / "med-peds.yaml", ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]
IDS = [path.stem for path in SOURCES]
# Inline markup that record text must never turn into.
FORBIDDEN_INLINE = {"html_inline", "code_inline", "em_open", "strong_open", "image", "s_open"}
FORBIDDEN_BLOCKS = {"html_block", "code_block", "fence", "hr", "ordered_list_open", "table_open"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = tmp_path_factory.mktemp("export") / "out"
    arguments = ["export", *map(str, SOURCES), "--out", str(out), "--format", "markdown"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def _tokens(exported: Path, source: Path) -> list[Token]:
    text = (exported / "markdown" / f"{source.stem}.md").read_text("utf-8")
    return MarkdownIt("commonmark").parse(text)


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _blocks(tokens: list[Token]) -> list[tuple[str, str]]:
    """Each block of rendered text as (the tags enclosing it, its text, whitespace-normalized)."""
    stack: list[str] = []
    blocks = []
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.tag)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            blocks.append(("/".join(stack), _norm(_plain(token.children or []))))
    return blocks


def _record(source: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(source.read_text("utf-8"))
    return data


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_no_markup_reaches_the_rendered_page(exported: Path, source: Path) -> None:
    tokens = _tokens(exported, source)
    assert [t.type for t in tokens if t.type in FORBIDDEN_BLOCKS] == []
    inline = [child for t in tokens for child in t.children or []]
    assert [t.type for t in inline if t.type in FORBIDDEN_INLINE] == []
    html = MarkdownIt("commonmark").render(
        (exported / "markdown" / f"{source.stem}.md").read_text("utf-8")
    )
    assert "<script" not in html
    assert "<img" not in html
    assert "<div" not in html


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_links_are_only_the_records_urls(exported: Path, source: Path) -> None:
    record = _record(source)
    urls = [link["url"] for link in record.get("links", []) if link.get("url")]
    urls += [a["profile_url"] for a in record.get("advisors", []) if a.get("profile_url")]
    inline = [child for t in _tokens(exported, source) for child in t.children or []]
    hrefs = [str(t.attrs["href"]) for t in inline if t.type == "link_open"]
    assert sorted(hrefs) == sorted(set(urls))


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_the_page_shows_the_record_text_exactly(exported: Path, source: Path) -> None:
    record = _record(source)
    blocks = _blocks(_tokens(exported, source))
    assert blocks[0] == ("h1", _norm(record["specialty"]["name"]))
    assert blocks[1][1].startswith(_norm(record["institution"]["name"]))
    if "quote" in record:
        assert ("blockquote/p", _norm(record["quote"]["text"])) in blocks
        citation = "— " + _norm(citation_text(record["quote"]["citation"]))
        assert ("blockquote/p", citation) in blocks
    for group in record["question_groups"]:
        assert ("h2", _norm(group["heading"])) in blocks
        for entry in group["questions"]:
            assert ("h3", _norm(entry["question"])) in blocks
            start = blocks.index(("h3", _norm(entry["question"])))
            answer = entry["answer"].replace("\r\n", "\n").replace("\r", "\n")
            paragraphs = [p for p in answer.split("\n\n") if p.strip()]
            shown = blocks[start + 1 : start + 1 + len(paragraphs)]
            assert shown == [("p", _norm(p)) for p in paragraphs]
    for session in record.get("sessions", []):
        assert ("h3", _norm(session_heading(session))) in blocks
        assert ("p", _norm(session["description"])) in blocks
    labels = {text for where, text in blocks if where == "ul/li/p"}
    for link in record.get("links", []):
        if link["kind"] != "advisor-profile":
            assert _norm(link["label"]) in labels
    page_text = "\n".join(text for _, text in blocks)
    for advisor in record.get("advisors", []):
        assert _norm(advisor["name"]) in page_text
    for contact in record.get("contacts", []):
        for key in ("organization", "room", "street_address", "phone", "email"):
            if key in contact:
                assert _norm(contact[key]) in page_text


def test_every_page_has_the_same_structure(exported: Path) -> None:
    def outline(source: Path) -> list[str]:
        record = _record(source)
        fixed = {_norm(group["heading"]) for group in record["question_groups"]}
        return [
            "group" if text in fixed else text
            for where, text in _blocks(_tokens(exported, source))
            if where == "h2"
        ]

    assert outline(CONTENT / "med-peds.yaml") == [
        "group", "group", "Sessions", "Links", "Advisors", "For more information"
    ]  # fmt: skip
    assert outline(EXPORT_EXAMPLES / "example-surgery.yaml") == [
        "group", "Sessions", "Advisors", "For more information"
    ]  # fmt: skip


def test_the_med_peds_page_reads_like_the_original(exported: Path) -> None:
    text = (exported / "markdown" / "med-peds.md").read_text("utf-8")
    assert text.startswith(
        "# Internal Medicine-Pediatrics\n\n"
        "Northwestern University Feinberg School of Medicine\\\n"
        "Also called: med-peds, IMP\n\n"
        "> Blending together the principles of internal medicine and pediatrics,"
    )
    assert text.endswith(
        "## For more information\n\n"
        "Cheryl Lee, MD\\\nNorthwestern Memorial Hospital\\\nFeinberg Room 16-738\\\n"
        "251 E. Huron\\\nChicago, IL 60611\n"
    )
