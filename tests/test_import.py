"""``advising-content import``: each real page becomes a record that validates, holds its page
word for word in page order, and equals the hand-made record but for an editor's judgement."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from advising_content.page_layout import page_blocks
from page_lines import page_lines, record_lines
from test_page_records import IDS, RECORDS

# An answer this exact states its stance unambiguously; any other stance is an editor's reading.
STATED = {"Not needed.", "Not applicable.", "N/A"}
# What a hand-made record mends of a capture, by page.
MENDED = {"wright-state/general-surgery": {"description.text"}}


def _import(cli: Any, page: Path, hand: dict[str, Any], out: Path) -> tuple[int, str, Any]:
    outcome = cli(
        "import", str(page), "--out", str(out), "--id", hand["id"],
        "--institution", hand["institution"]["name"],
        "--institution-id", hand["institution"]["id"], "--name", hand["specialty"]["name"],
    )  # fmt: skip
    written = out / f"{hand['id']}.yaml"
    return outcome.exit_code, outcome.output, yaml.safe_load(written.read_text("utf-8"))


def _without_judgement(record: dict[str, Any]) -> dict[str, Any]:
    """The record without what only an editor adds to what a page says: a stance read from an
    answer that says more than 'Not needed.', whether a line under an advisor's name is a title
    or a department, the links a copy of the page loses (those inside a text), the audiences a
    session's text implies, the specialty's short names, and the page order where the schema's
    order gives the same (the blocks' order is compared instead)."""
    record = copy.deepcopy(record)
    for group in record["question_groups"]:
        for question in group.get("questions", []):
            if " ".join(str(question.get("answer")).split()) not in STATED:
                question.pop("stance", None)
    for advisor in record.get("advisors", []):
        department = [advisor.pop("department")] if "department" in advisor else []
        advisor["lines"] = sorted(advisor.pop("titles", []) + department)
    record["links"] = [link for link in record.get("links", []) if "within" not in link]
    for session in record.get("sessions", []):
        session.pop("audiences", None)
    record["specialty"].pop("short_names", None)
    record.pop("page_order", None)
    return record


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def differences(hand: dict[str, Any], imported: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Where the two records differ, but for an editor's judgement."""
    made, got = dict(_leaves(_without_judgement(hand))), dict(_leaves(_without_judgement(imported)))
    found = {key: (made.get(key), got.get(key)) for key in made.keys() | got.keys()}
    found = {key: pair for key, pair in found.items() if pair[0] != pair[1]}
    order = (
        [block.id for block in page_blocks(hand)],
        [block.id for block in page_blocks(imported)],
    )
    return found | ({"page order": order} if order[0] != order[1] else {})


@pytest.mark.parametrize(("record_file", "page_file"), RECORDS.items(), ids=IDS)
def test_an_imported_page_equals_its_hand_made_record(
    cli: Any, tmp_path: Path, record_file: Path, page_file: Path
) -> None:
    hand = yaml.safe_load(record_file.read_text("utf-8"))
    code, output, imported = _import(cli, page_file, hand, tmp_path)
    assert code == 0, output
    found = differences(hand, imported)
    for key, (made, got) in sorted(found.items()):
        print(f"{key}: by hand {made!r}, imported {got!r}")
    key = f"{record_file.parent.name}/{record_file.stem}"
    assert set(found) == MENDED.get(key, set())


@pytest.mark.parametrize(("record_file", "page_file"), RECORDS.items(), ids=IDS)
def test_an_imported_page_holds_its_page_word_for_word(
    cli: Any, tmp_path: Path, record_file: Path, page_file: Path
) -> None:
    hand = yaml.safe_load(record_file.read_text("utf-8"))
    _, _, imported = _import(cli, page_file, hand, tmp_path)
    words = ["".join("".join(lines).split()) for lines in (
        page_lines(page_file, mended=False), record_lines(imported),
    )]  # fmt: skip
    assert words[0] == words[1]
