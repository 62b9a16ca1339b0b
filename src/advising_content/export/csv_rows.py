"""The rows of the CSV tables of a record's page and questions, from one record: one row per
entity, in page order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from advising_content.export.csv_columns import LIST_SEPARATOR, Row, key
from advising_content.export.records import Record, record_key
from advising_content.page_layout import page_blocks
from advising_content.prose import plain_text

CITED = ("quote", "description")


def joined(values: Sequence[str] | None) -> str | None:
    return LIST_SEPARATOR.join(values) if values else None


def entries(record: Record, collection: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    yield from enumerate(record.get(collection) or [], start=1)


def text_of(value: Any) -> str | None:
    """Text with paragraphs and lists as one cell (see ``prose.plain_text``)."""
    return None if value is None else plain_text(value)


def record_rows(record: Record) -> Iterator[Row]:
    source = record.get("source") or {}
    yield {
        "record_key": record_key(record),
        "institution_id": record["institution"]["id"],
        "record_id": record["id"],
        "schema_version": record["schema_version"],
        "institution": record["institution"]["name"],
        "specialty": record["specialty"]["name"],
        "title": record.get("title"),
        "source_url": source.get("url"),
        "source_captured": source.get("captured"),
        "source_complete": source.get("complete"),
        "quote_text": text_of((record.get("quote") or {}).get("text")),
        "description_text": text_of((record.get("description") or {}).get("text")),
    }


def short_name_rows(record: Record) -> Iterator[Row]:
    names = record["specialty"].get("short_names") or []
    for position, name in enumerate(names, start=1):
        yield {
            "short_name_key": key(record_key(record), position),
            "record_key": record_key(record),
            "position": position,
            "short_name": name,
        }


def citation_rows(record: Record) -> Iterator[Row]:
    for cited in CITED:
        citation = (record.get(cited) or {}).get("citation")
        if citation is None:
            continue
        pages = citation.get("pages") or {}
        yield {
            "citation_key": key(record_key(record), cited),
            "record_key": record_key(record),
            "cites": cited,
            "organization": citation.get("organization"),
            "year": citation.get("year"),
            "title": citation.get("title"),
            "edition": citation.get("edition"),
            "publisher": citation.get("publisher"),
            "place": citation.get("place"),
            "first_page": pages.get("first"),
            "last_page": pages.get("last"),
        }


def author_rows(record: Record) -> Iterator[Row]:
    for cited in CITED:
        authors = ((record.get(cited) or {}).get("citation") or {}).get("authors") or []
        for position, author in enumerate(authors, start=1):
            yield {
                "author_key": key(record_key(record), cited, position),
                "record_key": record_key(record),
                "citation_key": key(record_key(record), cited),
                "position": position,
                "family": author["family"],
                "given": author.get("given"),
            }


def group_rows(record: Record) -> Iterator[Row]:
    for position, group in entries(record, "question_groups"):
        yield {
            "group_key": key(record_key(record), group["id"]),
            "record_key": record_key(record),
            "group_id": group["id"],
            "position": position,
            "heading": group.get("heading"),
            "audiences": joined(group.get("audiences")),
            "collapsed": bool(group.get("collapsed", False)),
        }


def answer_key(record: Record, entry: Mapping[str, Any]) -> str:
    return _answer_key(record_key(record), entry)


def _answer_key(of_record: str, entry: Mapping[str, Any]) -> str:
    return (
        key(of_record, entry["key"], entry["part"])
        if "part" in entry
        else key(of_record, entry["key"])
    )


_PERIOD_COLUMNS = tuple(
    (end, part, f"period_{end}_{part}")
    for end in ("start", "end")
    for part in ("month", "season", "part")
)


def answer_rows(record: Record) -> Iterator[Row]:
    of_record = record_key(record)
    for _, group in entries(record, "question_groups"):
        group_key = key(of_record, group["id"])
        for position, entry in enumerate(group.get("questions") or [], start=1):
            period = entry.get("period") or {}
            ends = {"start": period.get("start") or {}, "end": period.get("end") or {}}
            count = entry.get("count") or {}
            yield {
                "answer_key": _answer_key(of_record, entry),
                "record_key": of_record,
                "group_key": group_key,
                "position": position,
                "question_key": entry["key"],
                "part": entry.get("part"),
                "custom": bool(entry.get("custom", False)),
                "question": entry["question"],
                "answer": text_of(entry.get("answer")),
                "no_answer": bool(entry.get("no_answer", False)),
                "cut": bool(entry.get("cut", False)),
                "stance": entry.get("stance"),
                "months": joined(entry.get("months")),
                **{column: ends[end].get(part) for end, part, column in _PERIOD_COLUMNS},
                "count_min": count.get("min"),
                "count_max": count.get("max"),
            }


def section_rows(record: Record) -> Iterator[Row]:
    for position, section in entries(record, "sections"):
        yield {
            "section_key": key(record_key(record), section["id"]),
            "record_key": record_key(record),
            "section_id": section["id"],
            "position": position,
            "heading": section.get("heading"),
            "text": text_of(section.get("text")),
            "no_text": bool(section.get("no_text", False)),
            "cut": bool(section.get("cut", False)),
        }


def page_block_rows(record: Record) -> Iterator[Row]:
    of_record = record_key(record)
    for position, block in enumerate(page_blocks(record), start=1):
        yield {
            "page_block_key": key(of_record, position),
            "record_key": of_record,
            "position": position,
            "kind": block.kind.replace("_", "-"),
            "block_id": block.id,
            "group_id": block.group["id"] if block.group is not None else None,
            "answer_key": _answer_key(of_record, block.data) if block.kind == "question" else None,
        }
