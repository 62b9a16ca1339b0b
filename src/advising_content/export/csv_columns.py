"""The columns and tables of the CSV export, and the columns many tables share.

Patterns and allowed values come from the schema, so that the data package and the schema never
differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any

from advising_content.export.records import Record
from advising_content.identifiers import slug_pattern
from advising_content.resources import load_schema

Cell = str | int | bool | None
Row = dict[str, Cell]

LIST_SEPARATOR = ";"
# The schema's times, HH:MM, as a Table Schema time format (Python's strptime).
TIME_FORMAT = "%H:%M"


def schema_enum(*path: str) -> tuple[str, ...]:
    """The allowed values the schema gives at ``path`` under ``$defs``, so the two never differ."""
    node: Any = load_schema()["$defs"]
    for part in path:
        node = node[part]
    return tuple(node["enum"])


SLUG = slug_pattern()


@dataclass(frozen=True)
class Column:
    name: str
    # A Table Schema type: string, integer, boolean, date, time, or list: codes in one cell
    # joined by LIST_SEPARATOR, each one of ``enum``.
    type: str
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    # A Table Schema format: 'uri' or 'email' of a string, TIME_FORMAT of a time.
    format: str | None = None


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

    @cached_property
    def cells(self) -> Callable[[Row], tuple[Cell, ...]]:
        """A row's cells, in the order of the columns."""
        names = self.column_names
        if len(names) == 1:  # itemgetter of one name gives the cell itself, not a tuple
            return lambda row: (row[names[0]],)
        return itemgetter(*names)


def key(*parts: str | int) -> str:
    """A row key: the record's key and the entity's id or position, joined by '/'."""
    return "/".join(map(str, parts))


def key_column(name: str, what: str) -> Column:
    return Column(
        name, "string", f"Primary key: {what}.", required=True, pattern=f"{SLUG}(?:/{SLUG})*"
    )


def reference(name: str, what: str, required: bool = False) -> Column:
    return Column(name, "string", what, required=required, pattern=f"{SLUG}(?:/{SLUG})*")


RECORD_KEY = Column(
    "record_key",
    "string",
    "The record (records.record_key), such as 'feinberg/med-peds'.",
    required=True,
    pattern=f"{SLUG}/{SLUG}",
)
POSITION = Column(
    "position", "integer", "The entry's place in its list on the page, from 1.", required=True
)


def codes(name: str, description: str, values: Sequence[str]) -> Column:
    """A list of fixed codes in one cell, joined by LIST_SEPARATOR, which no code contains."""
    return Column(name, "list", description, enum=tuple(values))


AUDIENCES = codes(
    "audiences",
    "The years of medical school addressed, joined by ';', such as 'M1;M2'.",
    schema_enum("audience"),
)


def id_column(name: str, what: str) -> Column:
    return Column(name, "string", f"The {what}'s id within its record.", True, SLUG)


def text(name: str, description: str, required: bool = False) -> Column:
    return Column(name, "string", description, required=required)


def flag(name: str, description: str) -> Column:
    return Column(name, "boolean", description, required=True)


def to_records() -> ForeignKey:
    return ForeignKey("record_key", "records", "record_key")


def web_address(name: str, description: str) -> Column:
    return Column(name, "string", description, format="uri")


def email_address(name: str, description: str) -> Column:
    return Column(name, "string", description, format="email")


def time_of_day(name: str, description: str) -> Column:
    return Column(name, "time", description, format=TIME_FORMAT)
