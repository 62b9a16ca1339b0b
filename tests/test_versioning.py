"""A record states the schema version it was written for; validate says when it does not fit."""

from __future__ import annotations

import pytest

from advising_content.content_checks import content_problems
from advising_content.question_bank import load_question_bank
from advising_content.reading import load_file
from conftest import MED_PEDS

RECORD = (MED_PEDS).read_bytes()


def _problems(written: str, tool: str) -> list[str]:
    raw = RECORD.replace(b'schema_version: "2.0.0"', f'schema_version: "{written}"'.encode())
    document = load_file("med-peds.yaml", raw).document
    assert document is not None
    return [
        f"{p.line}:{p.column} {p.rule}: {p.message}"
        for p in content_problems(document, load_question_bank(), tool)
    ]


@pytest.mark.parametrize(
    ("written", "tool"),
    [("1.0.0", "1.0.0"), ("1.0.0", "1.4.2"), ("1.3.0", "1.4.0"), ("1.4.9", "1.4.0")],
    ids=["same", "older-minor", "older-minor-2", "newer-patch"],
)
def test_compatible_versions_pass(written: str, tool: str) -> None:
    assert _problems(written, tool) == []


def test_a_newer_minor_version_needs_a_newer_tool() -> None:
    assert _problems("1.5.0", "1.4.3") == [
        "6:17 schema-version: the record is written for schema version 1.5.0, which is newer "
        "than the schema version 1.4.3 of this advising-content; upgrade advising-content to "
        "one that knows schema version 1.5"
    ]


def test_a_newer_major_version_needs_a_newer_tool() -> None:
    [problem] = _problems("2.0.0", "1.4.3")
    assert "upgrade advising-content to one that knows schema version 2.0" in problem


def test_an_older_major_version_needs_the_record_updated() -> None:
    assert _problems("1.9.0", "2.0.0") == [
        "6:17 schema-version: the record is written for schema version 1.9.0, which schema "
        "version 2.0.0 does not accept; update it with: advising-content migrate med-peds.yaml"
    ]
