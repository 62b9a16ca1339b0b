"""The rows of each CSV table, from one record: one row per entity, in page order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from advising_content.export.csv_columns import LIST_SEPARATOR, Row, key
from advising_content.export.records import Record


def _joined(values: Sequence[str] | None) -> str | None:
    return LIST_SEPARATOR.join(values) if values else None


def _advisor_key(record: Record, advisor_id: str | None) -> str | None:
    return key(record["id"], advisor_id) if advisor_id else None


def _entries(record: Record, collection: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    yield from enumerate(record.get(collection) or [], start=1)


def record_rows(record: Record) -> Iterator[Row]:
    quote = record.get("quote") or {}
    citation = quote.get("citation") or {}
    pages = citation.get("pages") or {}
    yield {
        "record_id": record["id"],
        "schema_version": record["schema_version"],
        "institution": record["institution"]["name"],
        "specialty": record["specialty"]["name"],
        "quote_text": quote.get("text"),
        "citation_year": citation.get("year"),
        "citation_title": citation.get("title"),
        "citation_edition": citation.get("edition"),
        "citation_publisher": citation.get("publisher"),
        "citation_place": citation.get("place"),
        "citation_first_page": pages.get("first"),
        "citation_last_page": pages.get("last"),
    }


def short_name_rows(record: Record) -> Iterator[Row]:
    names = record["specialty"].get("short_names") or []
    for position, name in enumerate(names, start=1):
        yield {
            "short_name_key": key(record["id"], position),
            "record_id": record["id"],
            "position": position,
            "short_name": name,
        }


def author_rows(record: Record) -> Iterator[Row]:
    authors = ((record.get("quote") or {}).get("citation") or {}).get("authors") or []
    for position, author in enumerate(authors, start=1):
        yield {
            "author_key": key(record["id"], position),
            "record_id": record["id"],
            "position": position,
            "family": author["family"],
            "given": author.get("given"),
        }


def group_rows(record: Record) -> Iterator[Row]:
    for position, group in _entries(record, "question_groups"):
        yield {
            "group_key": key(record["id"], group["id"]),
            "record_id": record["id"],
            "group_id": group["id"],
            "position": position,
            "heading": group["heading"],
            "audiences": _joined(group["audiences"]),
        }


def answer_rows(record: Record) -> Iterator[Row]:
    for _, group in _entries(record, "question_groups"):
        for position, entry in enumerate(group["questions"], start=1):
            yield {
                "answer_key": key(record["id"], entry["key"]),
                "record_id": record["id"],
                "group_key": key(record["id"], group["id"]),
                "position": position,
                "question_key": entry["key"],
                "custom": bool(entry.get("custom", False)),
                "question": entry["question"],
                "answer": entry["answer"],
                "stance": entry.get("stance"),
                "months": _joined(entry.get("months")),
            }


def section_rows(record: Record) -> Iterator[Row]:
    for position, section in _entries(record, "sections"):
        yield {
            "section_key": key(record["id"], section["id"]),
            "record_id": record["id"],
            "section_id": section["id"],
            "position": position,
            "heading": section["heading"],
            "text": section["text"],
        }


def session_rows(record: Record) -> Iterator[Row]:
    for position, session in _entries(record, "sessions"):
        yield {
            "session_key": key(record["id"], session["id"]),
            "record_id": record["id"],
            "session_id": session["id"],
            "position": position,
            "title": session["title"],
            "term": session.get("term"),
            "topic": session.get("topic"),
            "audiences": _joined(session.get("audiences")),
            "description": session["description"],
            "date": session.get("date"),
            "start_time": session.get("start_time"),
            "end_time": session.get("end_time"),
            "location": session.get("location"),
        }


def session_advisor_rows(record: Record) -> Iterator[Row]:
    for _, session in _entries(record, "sessions"):
        session_key = key(record["id"], session["id"])
        for position, advisor_id in enumerate(session.get("advisors") or [], start=1):
            yield {
                "session_advisor_key": key(record["id"], session["id"], advisor_id),
                "record_id": record["id"],
                "session_key": session_key,
                "advisor_key": key(record["id"], advisor_id),
                "position": position,
            }


def advisor_rows(record: Record) -> Iterator[Row]:
    for position, advisor in _entries(record, "advisors"):
        yield {
            "advisor_key": key(record["id"], advisor["id"]),
            "record_id": record["id"],
            "advisor_id": advisor["id"],
            "position": position,
            "name": advisor["name"],
            "department": advisor.get("department"),
            "role": advisor.get("role"),
            "profile_url": advisor.get("profile_url"),
            "email": advisor.get("email"),
        }


def degree_rows(record: Record) -> Iterator[Row]:
    for collection, column in (("advisors", "advisor_key"), ("contacts", "contact_key")):
        for _, owner in _entries(record, collection):
            owner_key = key(record["id"], owner["id"])
            for position, degree in enumerate(owner.get("degrees") or [], start=1):
                yield {
                    "degree_key": key(record["id"], owner["id"], position),
                    "record_id": record["id"],
                    "advisor_key": owner_key if column == "advisor_key" else None,
                    "contact_key": owner_key if column == "contact_key" else None,
                    "position": position,
                    "degree": degree,
                }


def contact_rows(record: Record) -> Iterator[Row]:
    for position, contact in _entries(record, "contacts"):
        yield {
            "contact_key": key(record["id"], contact["id"]),
            "record_id": record["id"],
            "contact_id": contact["id"],
            "position": position,
            "heading": contact.get("heading"),
            "advisor_key": _advisor_key(record, contact.get("advisor")),
            "name": contact.get("name"),
            "organization": contact.get("organization"),
            "room": contact.get("room"),
            "street_address": contact.get("street_address"),
            "city": contact.get("city"),
            "state": contact.get("state"),
            "postal_code": contact.get("postal_code"),
            "email": contact.get("email"),
            "phone": contact.get("phone"),
        }


def link_rows(record: Record) -> Iterator[Row]:
    for position, item in _entries(record, "links"):
        yield {
            "link_key": key(record["id"], item["id"]),
            "record_id": record["id"],
            "link_id": item["id"],
            "position": position,
            "kind": item["kind"],
            "label": item["label"],
            "url": item.get("url"),
            "advisor_key": _advisor_key(record, item.get("advisor")),
        }
