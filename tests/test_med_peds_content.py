"""The med-peds record carries its page, sentence for sentence, and nothing the page lacks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from advising_content import validate_paths
from advising_content.question_bank import load_question_bank
from advising_content.rendering import (
    citation_text,
    city_line,
    name_with_degrees,
    session_heading,
)
from conftest import CONTENT, SOURCES

RECORD_FILE = CONTENT / "med-peds.yaml"
PAGE_FILE = SOURCES / "med-peds-advising-page.txt"
# Page furniture, not advising content.
NAVIGATION = {"Skip to main content"}
# Keys whose values are identifiers, references or normalized tags rather than page text.
NOT_PAGE_TEXT = {"id", "key", "advisor", "schema_version", "stance", "kind", "audiences"}


def _normalize(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _page_blocks() -> list[str]:
    blocks = []
    for line in PAGE_FILE.read_text("utf-8").splitlines():
        block = _normalize(line)
        if not block or block in NAVIGATION:
            continue
        block = block.removeprefix("— ").strip("“”")
        blocks.append(block)
    return blocks


def _sentences(block: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.?!])\s+", block) if part]


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(RECORD_FILE.read_text("utf-8"))
    return loaded


def _record_texts(record: dict[str, Any]) -> list[str]:
    """Every piece of text the record gives, written the way the page writes it."""
    texts = [record["specialty"]["name"], record["quote"]["text"]]
    texts.append(citation_text(record["quote"]["citation"]))
    for group in record["question_groups"]:
        texts.append(group["heading"])
        for entry in group["questions"]:
            texts += [entry["question"], entry["answer"]]
    for session in record["sessions"]:
        texts += [session_heading(session), session["description"]]
    for advisor in record["advisors"]:
        texts += [
            advisor["role"],
            name_with_degrees(advisor["name"], advisor["degrees"]),
            advisor["department"],
        ]
    advisors = {advisor["id"]: advisor for advisor in record["advisors"]}
    for contact in record["contacts"]:
        person = advisors[contact["advisor"]]
        texts += [
            contact["heading"],
            name_with_degrees(person["name"], person["degrees"]),
            contact["organization"],
            contact["room"],
            contact["street_address"],
            city_line(contact),
        ]
    texts += [link["label"] for link in record["links"]]
    return [_normalize(text) for text in texts]


def _missing_sentences(record: dict[str, Any]) -> list[str]:
    """The sentences of the page that the record lacks."""
    texts = _record_texts(record)
    return [
        sentence
        for block in _page_blocks()
        for sentence in _sentences(block)
        if not any(sentence in text for text in texts)
    ]


def test_every_sentence_of_the_page_is_in_the_record(record: dict[str, Any]) -> None:
    assert _page_blocks(), "the page has no text"
    assert _missing_sentences(record) == [], "sentences of the page that the record lacks"


def test_every_block_of_the_page_is_a_whole_text_of_the_record(record: dict[str, Any]) -> None:
    texts = set(_record_texts(record))
    assert [block for block in _page_blocks() if block not in texts] == []


def test_the_page_check_notices_a_missing_sentence(record: dict[str, Any]) -> None:
    cut = dict(record, quote=dict(record["quote"]))
    cut["quote"]["text"] = cut["quote"]["text"].replace(
        "Family practice has a wider scope, while IMP has a greater depth.", ""
    )
    assert _missing_sentences(cut) == [
        "...Family practice has a wider scope, while IMP has a greater depth."
    ]


def _leaves(node: Any, key: str | None = None) -> Iterator[tuple[str | None, Any]]:
    if isinstance(node, dict):
        for child_key, value in node.items():
            if child_key not in NOT_PAGE_TEXT:
                yield from _leaves(value, child_key)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value, key)
    else:
        yield key, node


def test_nothing_in_the_record_is_missing_from_the_page(record: dict[str, Any]) -> None:
    page = _normalize(PAGE_FILE.read_text("utf-8")).casefold()
    about_the_page = _normalize((SOURCES / "README.md").read_text("utf-8"))
    invented = []
    for key, value in _leaves(record):
        if key == "name" and value == record["institution"]["name"]:
            assert value in about_the_page
            continue
        if _normalize(str(value)).casefold() not in page:
            invented.append((key, value))
    assert invented == []


def test_the_record_has_no_web_or_email_addresses(record: dict[str, Any]) -> None:
    text = RECORD_FILE.read_text("utf-8")
    keys = {key for key, _ in _leaves(record)}
    assert not keys & {"url", "profile_url", "email", "phone"}
    assert "http" not in text
    assert "@" not in text


def test_the_record_answers_nine_of_the_eleven_bank_questions(record: dict[str, Any]) -> None:
    bank = load_question_bank()
    answered = [entry["key"] for group in record["question_groups"] for entry in group["questions"]]
    unanswered = [q.key for q in bank.questions if q.key not in answered]
    assert len(answered) == 9
    assert unanswered == ["away-rotation-count", "away-rotation-timing"]
    for group in record["question_groups"]:
        for entry in group["questions"]:
            assert _normalize(entry["question"]) == bank.get(entry["key"]).question  # type: ignore[union-attr]


def test_the_record_is_valid_even_under_strict() -> None:
    report = validate_paths([RECORD_FILE])
    assert report.problems == []
    assert report.passed(strict=True)
