"""The rows of the CSV tables of a record's people, sessions, contacts and links, from one
record: one row per entity, in page order."""

from __future__ import annotations

from collections.abc import Iterator

from advising_content.export.csv_columns import Row, key
from advising_content.export.csv_rows import entries, joined, text_of
from advising_content.export.records import Record, record_key


def _advisor_key(record: Record, advisor_id: str | None) -> str | None:
    return key(record_key(record), advisor_id) if advisor_id else None


def session_rows(record: Record) -> Iterator[Row]:
    for position, session in entries(record, "sessions"):
        yield {
            "session_key": key(record_key(record), session["id"]),
            "record_key": record_key(record),
            "session_id": session["id"],
            "position": position,
            "title": session["title"],
            "term": session.get("term"),
            "topic": session.get("topic"),
            "audiences": joined(session.get("audiences")),
            "description": text_of(session["description"]),
            "date": session.get("date"),
            "start_time": session.get("start_time"),
            "end_time": session.get("end_time"),
            "location": session.get("location"),
        }


def session_advisor_rows(record: Record) -> Iterator[Row]:
    for _, session in entries(record, "sessions"):
        for position, advisor_id in enumerate(session.get("advisors") or [], start=1):
            yield {
                "session_advisor_key": key(record_key(record), session["id"], advisor_id),
                "record_key": record_key(record),
                "session_key": key(record_key(record), session["id"]),
                "advisor_key": _advisor_key(record, advisor_id),
                "position": position,
            }


def advisor_group_rows(record: Record) -> Iterator[Row]:
    for position, group in entries(record, "advisor_groups"):
        yield {
            "advisor_group_key": key(record_key(record), group["id"]),
            "record_key": record_key(record),
            "advisor_group_id": group["id"],
            "position": position,
            "label": group.get("label"),
        }


def advisor_group_member_rows(record: Record) -> Iterator[Row]:
    for _, group in entries(record, "advisor_groups"):
        for position, advisor_id in enumerate(group["advisors"], start=1):
            yield {
                "member_key": key(record_key(record), group["id"], advisor_id),
                "record_key": record_key(record),
                "advisor_group_key": key(record_key(record), group["id"]),
                "advisor_key": _advisor_key(record, advisor_id),
                "position": position,
            }


def advisor_rows(record: Record) -> Iterator[Row]:
    for position, advisor in entries(record, "advisors"):
        yield {
            "advisor_key": key(record_key(record), advisor["id"]),
            "record_key": record_key(record),
            "advisor_id": advisor["id"],
            "position": position,
            "name": advisor["name"],
            "department": advisor.get("department"),
            "profile_url": advisor.get("profile_url"),
            "email": advisor.get("email"),
        }


def title_rows(record: Record) -> Iterator[Row]:
    for _, advisor in entries(record, "advisors"):
        for position, title in enumerate(advisor.get("titles") or [], start=1):
            yield {
                "title_key": key(record_key(record), advisor["id"], position),
                "record_key": record_key(record),
                "advisor_key": _advisor_key(record, advisor["id"]),
                "position": position,
                "title": title,
            }


def degree_rows(record: Record) -> Iterator[Row]:
    for collection, column in (("advisors", "advisor_key"), ("contacts", "contact_key")):
        for _, owner in entries(record, collection):
            owner_key = key(record_key(record), owner["id"])
            for position, degree in enumerate(owner.get("degrees") or [], start=1):
                yield {
                    "degree_key": key(record_key(record), owner["id"], position),
                    "record_key": record_key(record),
                    "advisor_key": owner_key if column == "advisor_key" else None,
                    "contact_key": owner_key if column == "contact_key" else None,
                    "position": position,
                    "degree": degree,
                }


def contact_rows(record: Record) -> Iterator[Row]:
    for position, contact in entries(record, "contacts"):
        yield {
            "contact_key": key(record_key(record), contact["id"]),
            "record_key": record_key(record),
            "contact_id": contact["id"],
            "position": position,
            "heading": contact.get("heading"),
            "advisor_key": _advisor_key(record, contact.get("advisor")),
            **{
                name: contact.get(name)
                for name in (
                    "name",
                    "department",
                    "organization",
                    "room",
                    "street_address",
                    "city",
                    "state",
                    "postal_code",
                    "email",
                    "phone",
                )
            },
        }


def link_rows(record: Record) -> Iterator[Row]:
    for position, item in entries(record, "links"):
        yield {
            "link_key": key(record_key(record), item["id"]),
            "record_key": record_key(record),
            "link_id": item["id"],
            "position": position,
            "kind": item["kind"],
            "label": item["label"],
            "url": item.get("url"),
            "advisor_key": _advisor_key(record, item.get("advisor")),
            "within": item.get("within"),
        }
