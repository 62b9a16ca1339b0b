"""The report of an import, a few lines per page: what was recognized, what was inferred and
needs checking, what was left out and what could not be placed, each at its page's line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from advising_content.page_import.draft import Note
from advising_content.page_import.importer import ImportedPage


def page_report(imported: ImportedPage, written_as: str) -> Iterator[str]:
    draft, page = imported.draft, str(imported.page.path)
    institution = imported.record["institution"]["id"]
    yield f"{page}: {written_as} (record {institution}/{imported.record_id})"
    yield f"  recognized: {', '.join(recognized(imported.record))}"
    yield from _notes(
        page, "inferred (marked 'inferred: please check'; check each)", draft.inferred
    )
    yield from _notes(page, "questions not in the bank (check each key)", draft.custom)
    yield from _notes(page, "left out", draft.left_out)
    yield from _notes(page, "could not place (check where each belongs)", draft.unplaced)
    for warning in draft.warnings:
        yield f"  {page}: warning: {warning}"
    if draft.cut is not None:
        yield f"  {page}:{draft.cut.line}: {draft.cut.text}; the record says the capture is partial"


def recognized(record: dict[str, Any]) -> list[str]:
    groups = record.get("question_groups", [])
    questions = [q for group in groups for q in group.get("questions", [])]
    custom = sum(1 for question in questions if question.get("custom"))
    found = ["a title"] if "title" in record else []
    for part in ("quote", "description"):
        if part in record:
            cited = " with its citation" if "citation" in record[part] else ""
            found.append(f"a {part}{cited}")
    headed = sum(1 for group in groups if "heading" in group)
    found.append(_count(headed, "audience heading"))
    bank = f"{custom} not in the bank" if custom else "all from the bank"
    found.append(_count(len(questions), "question") + (f" ({bank})" if questions else ""))
    for name, what in (
        ("sections", "section"), ("sessions", "session"), ("advisor_groups", "advisor block"),
        ("advisors", "advisor"), ("contacts", "contact"), ("links", "link"),
    ):  # fmt: skip
        if record.get(name):
            found.append(_count(len(record[name]), what))
    return found


def _notes(page: str, heading: str, notes: list[Note]) -> Iterator[str]:
    if notes:
        yield f"  {heading}:"
        for note in notes:
            yield f"    {page}:{note.line}: {note.text}" if note.line else f"    {note.text}"


def _count(number: int, what: str) -> str:
    return f"{number or 'no'} {what}" + ("" if number == 1 else "s")
