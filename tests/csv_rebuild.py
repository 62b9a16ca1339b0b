"""Records rebuilt from the CSV export's tables alone, by joining them on their keys: what an
importer of the tables gets back. Text with paragraphs comes back as the one cell holds it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

Row = dict[str, str]
Tables = dict[str, list[Row]]
Record = dict[str, Any]

# The child tables and the column that refers to their parent.
PARENTS = {
    "short_names": "record_key",
    "citations": "record_key",
    "citation_authors": "citation_key",
    "question_groups": "record_key",
    "answers": "group_key",
    "sections": "record_key",
    "sessions": "record_key",
    "session_advisors": "session_key",
    "advisor_groups": "record_key",
    "advisor_group_members": "advisor_group_key",
    "advisors": "record_key",
    "advisor_titles": "advisor_key",
    "contacts": "record_key",
    "links": "record_key",
}


class Joined:
    """The rows of each child table by their parent's key, in the order of their positions."""

    def __init__(self, tables: Tables) -> None:
        self._children: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for table, parent in PARENTS.items():
            for row in tables[table]:
                self._children[table, row[parent]].append(row)
        for row in tables["degrees"]:
            self._children["degrees", row["advisor_key"] or row["contact_key"]].append(row)
        self.advisor_ids = {row["advisor_key"]: row["advisor_id"] for row in tables["advisors"]}

    def of(self, table: str, parent: str) -> list[Row]:
        rows = self._children[table, parent]
        if rows and "position" in rows[0]:
            positions = [int(row["position"]) for row in rows]
            assert positions == list(range(1, len(rows) + 1)), (table, parent)
        return rows

    def advisor(self, row: Row, column: str = "advisor_key") -> dict[str, str]:
        return {"advisor": self.advisor_ids[row[column]]} if row[column] else {}


def _given(row: Row, *columns: str) -> dict[str, str]:
    return {column: row[column] for column in columns if row[column]}


def _numbers(row: Row, **columns: str) -> dict[str, int]:
    return {name: int(row[column]) for name, column in columns.items() if row[column]}


def _flags(row: Row, *columns: str) -> dict[str, bool]:
    assert all(row[column] in ("true", "false") for column in columns)
    return {column: True for column in columns if row[column] == "true"}


def _codes(row: Row, column: str) -> dict[str, list[str]]:
    return {column: row[column].split(";")} if row[column] else {}


def _listed(name: str, values: list[Any]) -> dict[str, list[Any]]:
    return {name: values} if values else {}


def _nested(name: str, value: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: value} if value else {}


def _citation(row: Row, joined: Joined) -> dict[str, Any]:
    authors = [
        {"family": author["family"], **_given(author, "given")}
        for author in joined.of("citation_authors", row["citation_key"])
    ]
    return {
        **_listed("authors", authors),
        **_given(row, "organization", "title", "publisher", "place"),
        **_numbers(row, year="year", edition="edition"),
        **_nested("pages", _numbers(row, first="first_page", last="last_page")),
    }


def _cited(record: Row, joined: Joined) -> dict[str, Any]:
    citations = {row["cites"]: row for row in joined.of("citations", record["record_key"])}
    cited: dict[str, Any] = {}
    for name in ("quote", "description"):
        if record[f"{name}_text"]:
            citation = citations.pop(name, None)
            cited[name] = {
                "text": record[f"{name}_text"],
                **({"citation": _citation(citation, joined)} if citation else {}),
            }
    assert citations == {}, "a citation of nothing"
    return cited


def _question(row: Row) -> dict[str, Any]:
    period = {
        end: {part: row[f"period_{end}_{part}"] for part in ("month", "season", "part")}
        for end in ("start", "end")
    }
    return {
        "key": row["question_key"],
        **_numbers(row, part="part"),
        **_flags(row, "custom"),
        "question": row["question"],
        **_given(row, "answer"),
        **_flags(row, "no_answer", "cut"),
        **_given(row, "stance"),
        **_codes(row, "months"),
        **_nested("period", {end: _given(p, *p) for end, p in period.items() if any(p.values())}),
        **_nested("count", _numbers(row, min="count_min", max="count_max")),
    }


def _group(row: Row, joined: Joined) -> dict[str, Any]:
    questions = [_question(answer) for answer in joined.of("answers", row["group_key"])]
    return {
        "id": row["group_id"],
        **_given(row, "heading"),
        **_codes(row, "audiences"),
        **_flags(row, "collapsed"),
        **_listed("questions", questions),
    }


def _section(row: Row, _: Joined) -> dict[str, Any]:
    return {
        "id": row["section_id"],
        **_given(row, "heading", "text"),
        **_flags(row, "no_text", "cut"),
    }


def _session(row: Row, joined: Joined) -> dict[str, Any]:
    advisors = joined.of("session_advisors", row["session_key"])
    return {
        "id": row["session_id"],
        **_given(row, "title", "term", "topic"),
        **_codes(row, "audiences"),
        **_given(row, "description", "date", "start_time", "end_time", "location"),
        **_listed("advisors", [joined.advisor_ids[x["advisor_key"]] for x in advisors]),
    }


def _advisor_group(row: Row, joined: Joined) -> dict[str, Any]:
    members = joined.of("advisor_group_members", row["advisor_group_key"])
    return {
        "id": row["advisor_group_id"],
        **_given(row, "label"),
        "advisors": [joined.advisor_ids[member["advisor_key"]] for member in members],
    }


def _advisor(row: Row, joined: Joined) -> dict[str, Any]:
    titles = joined.of("advisor_titles", row["advisor_key"])
    return {
        "id": row["advisor_id"],
        "name": row["name"],
        **_listed("degrees", [d["degree"] for d in joined.of("degrees", row["advisor_key"])]),
        **_listed("titles", [title["title"] for title in titles]),
        **_given(row, "department", "profile_url", "email"),
    }


def _contact(row: Row, joined: Joined) -> dict[str, Any]:
    place = ("room", "street_address", "city", "state", "postal_code", "email", "phone")
    return {
        "id": row["contact_id"],
        **_given(row, "heading"),
        **joined.advisor(row),
        **_given(row, "name"),
        **_listed("degrees", [d["degree"] for d in joined.of("degrees", row["contact_key"])]),
        **_given(row, "department", "organization", *place),
    }


def _link(row: Row, joined: Joined) -> dict[str, Any]:
    return {
        "id": row["link_id"],
        **_given(row, "kind", "label", "url"),
        **joined.advisor(row),
        **_given(row, "within"),
    }


_COLLECTIONS = (
    ("question_groups", _group),
    ("sections", _section),
    ("advisor_groups", _advisor_group),
    ("advisors", _advisor),
    ("sessions", _session),
    ("contacts", _contact),
    ("links", _link),
)


def _record(row: Row, joined: Joined) -> Record:
    key = row["record_key"]
    short_names = [name["short_name"] for name in joined.of("short_names", key)]
    source = {
        **_given(row, "source_url", "source_captured"),
        **({"complete": row["source_complete"] == "true"} if row["source_complete"] else {}),
    }
    return {
        "id": row["record_id"],
        "schema_version": row["schema_version"],
        **_nested("source", {k.removeprefix("source_"): v for k, v in source.items()}),
        "institution": {"id": row["institution_id"], "name": row["institution"]},
        "specialty": {"name": row["specialty"], **_listed("short_names", short_names)},
        **_given(row, "title"),
        **_cited(row, joined),
        **{
            name: entries
            for name, build in _COLLECTIONS
            if (entries := [build(entry, joined) for entry in joined.of(name, key)])
        },
    }


def rebuilt(tables: Tables) -> dict[str, Record]:
    """Every record of the tables, by its key, as far as the tables hold it (all but its
    ``page_order``, which ``page_blocks`` holds as the order it gives)."""
    joined = Joined(tables)
    return {row["record_key"]: _record(row, joined) for row in tables["records"]}
