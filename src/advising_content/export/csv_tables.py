"""The CSV export's tables: one row per entity, joined by keys, across every exported record.

Each table has a primary-key column whose values are unique across records (the record id is
part of every key), and a ``record_id`` column referring to ``records``. Lists of free text
(short names, authors, degrees, session advisors) are child tables; lists of fixed codes
(audiences, months) are written in one cell joined by ``;``, which no code contains.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from advising_content.identifiers import slug_pattern
from advising_content.resources import load_schema

Cell = str | int | bool | None
Row = dict[str, Cell]
Record = Mapping[str, Any]

LIST_SEPARATOR = ";"


def _schema_enum(*path: str) -> tuple[str, ...]:
    """The allowed values the schema gives at ``path`` under ``$defs``, so the two never differ."""
    node: Any = load_schema()["$defs"]
    for part in path:
        node = node[part]
    return tuple(node["enum"])


def _one_of(values: Sequence[str]) -> str:
    return "(?:" + "|".join(values) + ")"


def _list_of(values: Sequence[str]) -> str:
    return f"{_one_of(values)}(?:{LIST_SEPARATOR}{_one_of(values)})*"


def _schema_pattern(name: str) -> str:
    """A pattern of the schema, without its anchors (Table Schema patterns match whole values)."""
    pattern: str = load_schema()["$defs"][name]["pattern"]
    return pattern.removeprefix("^").removesuffix("$")


_SLUG = slug_pattern()
_TIME = _schema_pattern("time")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, boolean or date
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    table_column: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[Record], Iterator[Row]]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def key(*parts: str | int) -> str:
    """A row key: the record id and the entity's id or position, joined by '/'."""
    return "/".join(str(part) for part in parts)


def _key_column(name: str, what: str) -> Column:
    return Column(
        name, "string", f"Primary key: {what}.", required=True, pattern=f"{_SLUG}(?:/{_SLUG})*"
    )


def _reference(name: str, what: str, required: bool = False) -> Column:
    return Column(name, "string", what, required=required, pattern=f"{_SLUG}(?:/{_SLUG})*")


RECORD_ID = Column(
    "record_id", "string", "The record's id, such as 'med-peds'.", required=True, pattern=_SLUG
)
POSITION = Column(
    "position", "integer", "The entry's place in its list on the page, from 1.", required=True
)
AUDIENCES = Column(
    "audiences",
    "string",
    "The years of medical school addressed, joined by ';', such as 'M1;M2'.",
    pattern=_list_of(_schema_enum("audience")),
)


def _id_column(name: str, what: str) -> Column:
    return Column(name, "string", f"The {what}'s id within its record.", True, _SLUG)


def _text(name: str, description: str, required: bool = False) -> Column:
    return Column(name, "string", description, required=required)


def _joined(values: Sequence[str] | None) -> str | None:
    return LIST_SEPARATOR.join(values) if values else None


def _advisor_key(record: Record, advisor_id: str | None) -> str | None:
    return key(record["id"], advisor_id) if advisor_id else None


def _entries(record: Record, collection: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    yield from enumerate(record.get(collection) or [], start=1)


def _record_rows(record: Record) -> Iterator[Row]:
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


def _short_name_rows(record: Record) -> Iterator[Row]:
    names = record["specialty"].get("short_names") or []
    for position, name in enumerate(names, start=1):
        yield {
            "short_name_key": key(record["id"], position),
            "record_id": record["id"],
            "position": position,
            "short_name": name,
        }


def _author_rows(record: Record) -> Iterator[Row]:
    authors = ((record.get("quote") or {}).get("citation") or {}).get("authors") or []
    for position, author in enumerate(authors, start=1):
        yield {
            "author_key": key(record["id"], position),
            "record_id": record["id"],
            "position": position,
            "family": author["family"],
            "given": author.get("given"),
        }


def _group_rows(record: Record) -> Iterator[Row]:
    for position, group in _entries(record, "question_groups"):
        yield {
            "group_key": key(record["id"], group["id"]),
            "record_id": record["id"],
            "group_id": group["id"],
            "position": position,
            "heading": group["heading"],
            "audiences": _joined(group["audiences"]),
        }


def _answer_rows(record: Record) -> Iterator[Row]:
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


def _section_rows(record: Record) -> Iterator[Row]:
    for position, section in _entries(record, "sections"):
        yield {
            "section_key": key(record["id"], section["id"]),
            "record_id": record["id"],
            "section_id": section["id"],
            "position": position,
            "heading": section["heading"],
            "text": section["text"],
        }


def _session_rows(record: Record) -> Iterator[Row]:
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


def _session_advisor_rows(record: Record) -> Iterator[Row]:
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


def _advisor_rows(record: Record) -> Iterator[Row]:
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


def _degree_rows(record: Record) -> Iterator[Row]:
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


def _contact_rows(record: Record) -> Iterator[Row]:
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


def _link_rows(record: Record) -> Iterator[Row]:
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


def _to_records(column: str = "record_id") -> ForeignKey:
    return ForeignKey(column, "records", "record_id")


TABLES: tuple[Table, ...] = (
    Table(
        "records",
        "One row per record (a specialty's advising page), with its quote and citation.",
        (
            Column(
                "record_id",
                "string",
                "Primary key: the record's id, such as 'med-peds'.",
                required=True,
                pattern=_SLUG,
            ),
            _text("schema_version", "The schema version the record was written for.", True),
            _text("institution", "The institution's name.", True),
            _text("specialty", "The specialty's name.", True),
            _text("quote_text", "The quote the page opens with, if any."),
            Column("citation_year", "integer", "The quote's year of publication."),
            _text("citation_title", "The title of the quote's source."),
            Column("citation_edition", "integer", "The edition number of the source."),
            _text("citation_publisher", "The publisher of the source."),
            _text("citation_place", "The place of publication."),
            Column("citation_first_page", "integer", "The first (or only) page quoted."),
            Column("citation_last_page", "integer", "The last page quoted, for a range."),
        ),
        "record_id",
        (),
        _record_rows,
    ),
    Table(
        "short_names",
        "One row per short name of a specialty, such as 'med-peds'.",
        (
            _key_column("short_name_key", "record id / position"),
            RECORD_ID,
            POSITION,
            _text("short_name", "The short name.", True),
        ),
        "short_name_key",
        (_to_records(),),
        _short_name_rows,
    ),
    Table(
        "citation_authors",
        "One row per author of a record's quote citation.",
        (
            _key_column("author_key", "record id / position"),
            RECORD_ID,
            POSITION,
            _text("family", "The author's family name.", True),
            _text("given", "The author's given names or initials."),
        ),
        "author_key",
        (_to_records(),),
        _author_rows,
    ),
    Table(
        "question_groups",
        "One row per audience group of questions, such as 'M1 and M2 Students'.",
        (
            _key_column("group_key", "record id / group id"),
            RECORD_ID,
            _id_column("group_id", "group"),
            POSITION,
            _text("heading", "The group's heading as the page shows it.", True),
            AUDIENCES,
        ),
        "group_key",
        (_to_records(),),
        _group_rows,
    ),
    Table(
        "answers",
        "One row per question of a record and its answer.",
        (
            _key_column("answer_key", "record id / question key"),
            RECORD_ID,
            _reference("group_key", "The question's group (question_groups.group_key).", True),
            Column("position", "integer", "The question's place in its group, from 1.", True),
            Column(
                "question_key",
                "string",
                "The question's key in the question bank, or its own key when custom.",
                True,
                _SLUG,
            ),
            Column("custom", "boolean", "true when the question is not from the bank.", True),
            _text("question", "The question as the page words it.", True),
            _text("answer", "The answer.", True),
            Column(
                "stance",
                "string",
                "The answer's normalized stance, if given.",
                enum=_schema_enum("stance"),
            ),
            Column(
                "months",
                "string",
                "The months the answer names, joined by ';', such as 'november;december'.",
                pattern=_list_of(_schema_enum("month")),
            ),
        ),
        "answer_key",
        (_to_records(), ForeignKey("group_key", "question_groups", "group_key")),
        _answer_rows,
    ),
    Table(
        "sections",
        "One row per free section of a page.",
        (
            _key_column("section_key", "record id / section id"),
            RECORD_ID,
            _id_column("section_id", "section"),
            POSITION,
            _text("heading", "The section's heading.", True),
            _text("text", "The section's text.", True),
        ),
        "section_key",
        (_to_records(),),
        _section_rows,
    ),
    Table(
        "sessions",
        "One row per specialty session.",
        (
            _key_column("session_key", "record id / session id"),
            RECORD_ID,
            _id_column("session_id", "session"),
            POSITION,
            _text("title", "The session's title.", True),
            Column(
                "term",
                "string",
                "The term of the session.",
                enum=_schema_enum("session", "properties", "term"),
            ),
            _text("topic", "The session's topic."),
            AUDIENCES,
            _text("description", "What the session is for.", True),
            Column("date", "date", "The date of the session, YYYY-MM-DD."),
            Column("start_time", "string", "The start time, HH:MM.", pattern=_TIME),
            Column("end_time", "string", "The end time, HH:MM.", pattern=_TIME),
            _text("location", "Where the session takes place."),
        ),
        "session_key",
        (_to_records(),),
        _session_rows,
    ),
    Table(
        "session_advisors",
        "One row per advisor taking part in a session.",
        (
            _key_column("session_advisor_key", "record id / session id / advisor id"),
            RECORD_ID,
            _reference("session_key", "The session (sessions.session_key).", True),
            _reference("advisor_key", "The advisor (advisors.advisor_key).", True),
            POSITION,
        ),
        "session_advisor_key",
        (
            _to_records(),
            ForeignKey("session_key", "sessions", "session_key"),
            ForeignKey("advisor_key", "advisors", "advisor_key"),
        ),
        _session_advisor_rows,
    ),
    Table(
        "advisors",
        "One row per advisor.",
        (
            _key_column("advisor_key", "record id / advisor id"),
            RECORD_ID,
            _id_column("advisor_id", "advisor"),
            POSITION,
            _text("name", "The advisor's name, without degrees.", True),
            _text("department", "The advisor's specialty or department."),
            _text("role", "The advisor's role, such as 'Specialty Career Advisor'."),
            _text("profile_url", "The advisor's profile page."),
            _text("email", "The advisor's email address."),
        ),
        "advisor_key",
        (_to_records(),),
        _advisor_rows,
    ),
    Table(
        "degrees",
        "One row per degree of an advisor or of a contact person.",
        (
            _key_column("degree_key", "record id / advisor or contact id / position"),
            RECORD_ID,
            _reference("advisor_key", "The advisor holding the degree (advisors.advisor_key)."),
            _reference("contact_key", "The contact holding the degree (contacts.contact_key)."),
            POSITION,
            _text("degree", "The degree, such as 'MD'.", True),
        ),
        "degree_key",
        (
            _to_records(),
            ForeignKey("advisor_key", "advisors", "advisor_key"),
            ForeignKey("contact_key", "contacts", "contact_key"),
        ),
        _degree_rows,
    ),
    Table(
        "contacts",
        "One row per contact block, such as 'For more information'.",
        (
            _key_column("contact_key", "record id / contact id"),
            RECORD_ID,
            _id_column("contact_id", "contact"),
            POSITION,
            _text("heading", "The contact block's heading."),
            _reference("advisor_key", "The advisor who is the contact (advisors.advisor_key)."),
            _text("name", "The contact's name, when the contact is not one of the advisors."),
            _text("organization", "The organization."),
            _text("room", "The room."),
            _text("street_address", "The street address."),
            _text("city", "The city."),
            _text("state", "The state."),
            _text("postal_code", "The ZIP or postal code."),
            _text("email", "The contact's email address."),
            _text("phone", "The contact's telephone number."),
        ),
        "contact_key",
        (_to_records(), ForeignKey("advisor_key", "advisors", "advisor_key")),
        _contact_rows,
    ),
    Table(
        "links",
        "One row per link of a page; the URL is empty when the page does not give it.",
        (
            _key_column("link_key", "record id / link id"),
            RECORD_ID,
            _id_column("link_id", "link"),
            POSITION,
            Column(
                "kind",
                "string",
                "What the link is for.",
                True,
                enum=_schema_enum("link", "properties", "kind"),
            ),
            _text("label", "The link's text as the page shows it.", True),
            _text("url", "The link's web address, if the page gives it."),
            _reference("advisor_key", "The advisor the link belongs to (advisors.advisor_key)."),
        ),
        "link_key",
        (_to_records(), ForeignKey("advisor_key", "advisors", "advisor_key")),
        _link_rows,
    ),
)
