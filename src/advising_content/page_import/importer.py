"""A page read into a record: the draft from the reader, the parts only the editor knows (the
institution, the record's id), the page's order, and the YAML text to write."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from advising_content.page_import.draft import Draft
from advising_content.page_import.inference import infer
from advising_content.page_import.page_reader import PageReader
from advising_content.page_import.page_text import PageText
from advising_content.page_import.people_lines import slug
from advising_content.page_import.yaml_writer import record_yaml
from advising_content.page_layout import page_blocks
from advising_content.question_bank import QuestionBank
from advising_content.text_checks import PLACEHOLDER

_PARTS = ("title", "quote", "description", "question_groups", "sections", "sessions")
_PEOPLE = ("advisor_groups", "advisors", "contacts", "links")


@dataclass(frozen=True)
class ImportOptions:
    institution_name: str
    institution_id: str
    record_id: str | None = None
    specialty_name: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class ImportedPage:
    page: PageText
    record_id: str
    record: dict[str, Any]
    draft: Draft
    text: str


def import_page(
    page: PageText, options: ImportOptions, bank: QuestionBank, schema: dict[str, Any]
) -> ImportedPage:
    """The record a page gives, with what the report says of it."""
    draft = PageReader(page, bank).read()
    _number_parts(draft)
    _collapse_empty_groups(draft)
    infer(draft, bank)
    record = _record(draft, page, options, schema["x-schema-version"])
    if [block.id for block in page_blocks(record)] != draft.order:
        record["page_order"] = list(draft.order)
    header = _header(record, page)
    return ImportedPage(
        page, record["id"], record, draft, header + record_yaml(record, schema, draft.comments)
    )


def _record(draft: Draft, page: PageText, options: ImportOptions, version: str) -> dict[str, Any]:
    parts = draft.parts
    named = options.specialty_name or parts.get("specialty", {}).get("name")
    specialty = {"name": named or f"{PLACEHOLDER}: the specialty's name (the page does not say it)"}
    if named is None:
        draft.warnings.append(
            "the page does not name its specialty: the record holds a placeholder; give --name"
        )
    record_id = options.record_id or slug(named or page.path.stem)
    record: dict[str, Any] = {"id": record_id, "schema_version": version}
    record["source"] = {**_source_url(draft, page, options), **parts["source"]}
    record["institution"] = {"id": options.institution_id, "name": options.institution_name}
    record["specialty"] = specialty
    record.update({name: parts[name] for name in _PARTS if parts.get(name)})
    record.setdefault("question_groups", [])
    record.update({name: parts[name] for name in _PEOPLE if parts.get(name)})
    return record


def _source_url(draft: Draft, page: PageText, options: ImportOptions) -> dict[str, str]:
    """The page's address: --source, else the page's own 'source: URL' line."""
    given, noted = options.source_url, page.source_url
    if given and noted and given != noted:
        draft.warnings.append(
            f"--source {given} replaces the address on line {page.source_line}, {noted}"
        )
    url = given or noted
    return {"url": url} if url else {}


def _number_parts(draft: Draft) -> None:
    """A bank question asked twice in a row in a group is one question asked in two parts."""
    for group in draft.parts.get("question_groups", []):
        questions = group.get("questions", [])
        asked = Counter(q["key"] for q in questions if not q.get("custom"))
        numbers: Counter[str] = Counter()
        for question in questions:
            if asked[question["key"]] > 1:
                numbers[question["key"]] += 1
                question["part"] = numbers[question["key"]]


def _collapse_empty_groups(draft: Draft) -> None:
    """Audience headings with no question under them: the page shows the questions collapsed."""
    for group in draft.parts.get("question_groups", []):
        if not group.get("questions"):
            group["collapsed"] = True


def _header(record: dict[str, Any], page: PageText) -> str:
    return (
        f"# {record['specialty']['name']} specialty advising page,\n"
        f"# {record['institution']['name']}; imported from {page.path.name} by\n"
        "# advising-content import. Read it against the page, check each value marked\n"
        "# 'inferred: please check', then run: advising-content validate\n"
    )
