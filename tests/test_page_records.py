"""Each record of a real page holds its page word for word, in the page's order: every word of
the page is in the record, and nothing is in the record that the page lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advising_content import validate_paths
from conftest import CONTENT, REPO, SOURCES
from page_lines import page_lines, record_lines

EXAMPLES = REPO / "examples"
# Each record, with the capture it was transcribed from.
RECORDS = {
    CONTENT / "med-peds.yaml": SOURCES / "med-peds-advising-page.txt",
    **{
        EXAMPLES / institution / f"{record}.yaml": SOURCES / "pages" / f"{institution}-{record}.txt"
        for institution, record in (
            ("feinberg", "surgery"),
            ("feinberg", "internal-medicine"),
            ("feinberg", "emergency-medicine"),
            ("feinberg", "dermatology"),
            ("feinberg", "ob-gyn"),
            ("feinberg", "ophthalmology"),
            ("ecu", "internal-medicine"),
            ("ecu", "pediatrics"),
            ("wright-state", "general-surgery"),
        )
    },
}
IDS = [f"{path.parent.name}/{path.stem}" for path in RECORDS]


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return loaded


def _words(lines: list[str]) -> str:
    # Spacing is the one liberty a record takes (the page's 'p.177' is cited as 'p. 177').
    return "".join("".join(lines).split())


def _first_difference(page: list[str], record: list[str]) -> str:
    for index, (shown, kept) in enumerate(zip(page, record, strict=False)):
        if _words([shown]) != _words([kept]):
            return f"line {index + 1} of the page: {shown!r}\n  the record has: {kept!r}"
    return f"the page has {len(page)} lines, the record {len(record)}"


@pytest.mark.parametrize(("record_file", "page_file"), RECORDS.items(), ids=IDS)
def test_the_record_holds_its_page_word_for_word_in_page_order(
    record_file: Path, page_file: Path
) -> None:
    page, record = page_lines(page_file), record_lines(_load(record_file))
    assert page, "the capture has no text"
    assert _words(record) == _words(page), _first_difference(page, record)


@pytest.mark.parametrize(("record_file", "page_file"), RECORDS.items(), ids=IDS)
def test_the_record_names_its_source_and_passes_strict(record_file: Path, page_file: Path) -> None:
    record = _load(record_file)
    first_line = page_file.read_text("utf-8").splitlines()[0]
    if first_line.startswith("source: "):
        assert record["source"]["url"] == first_line.removeprefix("source: ")
    else:
        assert "url" not in record.get("source", {})
    report = validate_paths([record_file])
    assert report.problems == []
    assert report.passed(strict=True)


@pytest.mark.parametrize(("record_file", "page_file"), RECORDS.items(), ids=IDS)
def test_a_partial_capture_is_said_to_be_partial(record_file: Path, page_file: Path) -> None:
    record = _load(record_file)
    cut = [
        entry
        for group in record["question_groups"]
        for entry in group.get("questions") or []
        if entry.get("cut")
    ] + [section for section in record.get("sections") or [] if section.get("cut")]
    assert record["source"]["complete"] is (not cut)
    if cut:  # the cut text is the last of the page, as the capture left it
        assert page_lines(page_file)[-1] == record_lines(record)[-1]


def test_the_comparison_notices_a_missing_sentence_and_a_moved_block() -> None:
    record_file, page_file = next(iter(RECORDS.items()))
    page = page_lines(page_file)
    record = _load(record_file)
    answer = record["question_groups"][0]["questions"][0]
    answer["answer"] = answer["answer"].replace(" We can help talk you through this process.", "")
    assert _words(record_lines(record)) != _words(page)
    record = _load(record_file)
    record["page_order"] = ["m3-m4", "m1-m2", "quote", "winter-specialty-session"]
    record["page_order"] += ["request-advisor", "specialty-career-advisor", "more-information"]
    assert validate_paths([record_file]).passed()
    assert _words(record_lines(record)) != _words(page)


def test_navigation_and_template_dress_are_all_that_is_left_out() -> None:
    surgery = SOURCES / "pages" / "wright-state-general-surgery.txt"
    lines = page_lines(surgery)
    assert "Career Advising" not in lines
    assert "Does class rank matter?" in lines
    assert lines[1].startswith("General surgery is a discipline")
