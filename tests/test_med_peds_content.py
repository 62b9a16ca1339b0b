"""The med-peds record: what the page lacks (web and e-mail addresses) it lacks too, and it answers
the questions the page answers. test_page_records compares it with its page word for word."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from advising_content import validate_paths
from advising_content.question_bank import load_question_bank
from conftest import CONTENT

RECORD_FILE = CONTENT / "med-peds.yaml"


def _normalize(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(RECORD_FILE.read_text("utf-8"))
    return loaded


def _leaves(node: Any, key: str | None = None) -> Iterator[tuple[str | None, Any]]:
    if isinstance(node, dict):
        for child_key, value in node.items():
            yield from _leaves(value, child_key)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value, key)
    else:
        yield key, node


def test_the_record_has_no_web_or_email_addresses(record: dict[str, Any]) -> None:
    text = RECORD_FILE.read_text("utf-8")
    keys = {key for key, _ in _leaves(record)}
    assert not keys & {"url", "profile_url", "email", "phone"}
    assert "http" not in text
    assert "@" not in text


def test_the_record_answers_nine_of_the_eleven_core_questions(record: dict[str, Any]) -> None:
    bank = load_question_bank()
    answered = [entry["key"] for group in record["question_groups"] for entry in group["questions"]]
    unanswered = [q.key for q in bank.questions if q.core and q.key not in answered]
    assert len(answered) == 9
    assert unanswered == ["away-rotation-count", "away-rotation-timing"]
    for group in record["question_groups"]:
        for entry in group["questions"]:
            assert _normalize(entry["question"]) == bank.get(entry["key"]).question  # type: ignore[union-attr]


def test_the_record_is_valid_even_under_strict() -> None:
    report = validate_paths([RECORD_FILE])
    assert report.problems == []
    assert report.passed(strict=True)
