"""The CSV export's tables: one row per entity, joined by keys, across every exported record.

Each table has a primary-key column whose values are unique across records (the record's key,
such as 'feinberg/med-peds', begins every key), and a ``record_key`` column referring to
``records``. Lists of free text (short names, authors, titles, degrees) are child tables; lists
of fixed codes (audiences, months) are written in one cell joined by ``;``, which no code
contains. Text with paragraphs is one cell: paragraphs separated by a blank line, list items
each on a line after '- '. ``page_blocks`` gives the order the page shows the blocks in.
"""

from __future__ import annotations

from advising_content.export import csv_rows as rows
from advising_content.export.csv_columns import (
    AUDIENCES,
    POSITION,
    RECORD_KEY,
    SLUG,
    Cell,
    Column,
    ForeignKey,
    Row,
    Table,
    codes,
    flag,
    id_column,
    key_column,
    reference,
    schema_enum,
    text,
    to_records,
    web_address,
)
from advising_content.export.csv_people_tables import PEOPLE_TABLES

__all__ = ["TABLES", "Cell", "Column", "Row", "Table"]


def _period_columns(end: str) -> tuple[Column, ...]:
    return (
        Column(
            f"period_{end}_month",
            "string",
            f"The month the answer's period {end}s in.",
            enum=schema_enum("month"),
        ),
        Column(
            f"period_{end}_season",
            "string",
            f"The season the answer's period {end}s in.",
            enum=schema_enum("time_of_year", "properties", "season"),
        ),
        Column(
            f"period_{end}_part",
            "string",
            f"Early, mid or late in that month or season ({end}).",
            enum=schema_enum("time_of_year", "properties", "part"),
        ),
    )


_RECORDS = Table(
    "records",
    "One row per record (a specialty's advising page), with where it came from.",
    (
        key_column("record_key", "institution id / record id, such as 'feinberg/med-peds'"),
        Column("institution_id", "string", "The institution's id.", True, SLUG),
        Column("record_id", "string", "The record's id within its institution.", True, SLUG),
        text("schema_version", "The schema version the record was written for.", True),
        text("institution", "The institution's name.", True),
        text("specialty", "The specialty's name.", True),
        text("title", "The page's title, when it shows one."),
        web_address("source_url", "The web address of the page the record was transcribed from."),
        Column("source_captured", "date", "The date the page was captured."),
        Column("source_complete", "boolean", "true when the capture holds the whole page."),
        text("quote_text", "The quote the page opens with, if any."),
        text("description_text", "The page's own description of the specialty, if any."),
    ),
    "record_key",
    (),
    rows.record_rows,
)

PAGE_TABLES: tuple[Table, ...] = (
    _RECORDS,
    Table(
        "short_names",
        "One row per short name of a specialty, such as 'med-peds'.",
        (
            key_column("short_name_key", "record key / position"),
            RECORD_KEY,
            POSITION,
            text("short_name", "The short name.", True),
        ),
        "short_name_key",
        (to_records(),),
        rows.short_name_rows,
    ),
    Table(
        "citations",
        "One row per citation: the source of a record's quote or description.",
        (
            key_column("citation_key", "record key / 'quote' or 'description'"),
            RECORD_KEY,
            Column("cites", "string", "What it cites.", True, enum=rows.CITED),
            text("organization", "The organization credited."),
            Column("year", "integer", "The year of publication."),
            text("title", "The title of the work."),
            Column("edition", "integer", "The edition number."),
            text("publisher", "The publisher."),
            text("place", "The place of publication."),
            Column("first_page", "integer", "The first (or only) page quoted."),
            Column("last_page", "integer", "The last page quoted, for a range."),
        ),
        "citation_key",
        (to_records(),),
        rows.citation_rows,
    ),
    Table(
        "citation_authors",
        "One row per author of a citation.",
        (
            key_column("author_key", "citation key / position"),
            RECORD_KEY,
            reference("citation_key", "The citation (citations.citation_key).", True),
            POSITION,
            text("family", "The author's family name.", True),
            text("given", "The author's given names or initials."),
        ),
        "author_key",
        (to_records(), ForeignKey("citation_key", "citations", "citation_key")),
        rows.author_rows,
    ),
    Table(
        "question_groups",
        "One row per group of questions, such as 'M1 and M2 Students'.",
        (
            key_column("group_key", "record key / group id"),
            RECORD_KEY,
            id_column("group_id", "group"),
            POSITION,
            text("heading", "The group's heading as the page shows it, if it shows one."),
            AUDIENCES,
            flag("collapsed", "true when the page shows the group's questions collapsed."),
        ),
        "group_key",
        (to_records(),),
        rows.group_rows,
    ),
    Table(
        "answers",
        "One row per question of a record and its answer.",
        (
            key_column("answer_key", "record key / question key (/ part)"),
            RECORD_KEY,
            reference("group_key", "The question's group (question_groups.group_key).", True),
            Column("position", "integer", "The question's place in its group, from 1.", True),
            Column(
                "question_key",
                "string",
                "The question's key in the question bank, or its own key when custom.",
                True,
                SLUG,
            ),
            Column("part", "integer", "The part of a bank question the page asks in parts."),
            flag("custom", "true when the question is not from the bank."),
            text("question", "The question as the page words it.", True),
            text("answer", "The answer; empty when the page shows none."),
            flag("no_answer", "true when the page shows the question with no answer."),
            flag("cut", "true when the capture of the page stops inside this question."),
            Column(
                "stance",
                "string",
                "The answer's normalized stance, if given.",
                enum=schema_enum("stance"),
            ),
            codes(
                "months",
                "The months the answer names, joined by ';', such as 'november;december'.",
                schema_enum("month"),
            ),
            *_period_columns("start"),
            *_period_columns("end"),
            Column("count_min", "integer", "The number the answer gives, or its lower end."),
            Column("count_max", "integer", "The upper end of the number the answer gives."),
        ),
        "answer_key",
        (to_records(), ForeignKey("group_key", "question_groups", "group_key")),
        rows.answer_rows,
    ),
    Table(
        "sections",
        "One row per free section of a page.",
        (
            key_column("section_key", "record key / section id"),
            RECORD_KEY,
            id_column("section_id", "section"),
            POSITION,
            text("heading", "The section's heading, if it has one."),
            text("text", "The section's text; empty when the page shows none."),
            flag("no_text", "true when the page shows the heading with nothing under it."),
            flag("cut", "true when the capture of the page stops inside this section."),
        ),
        "section_key",
        (to_records(),),
        rows.section_rows,
    ),
    Table(
        "page_blocks",
        "One row per block of a page, in the order the page shows them.",
        (
            key_column("page_block_key", "record key / position"),
            RECORD_KEY,
            Column("position", "integer", "The block's place on the page, from 1.", True),
            Column(
                "kind",
                "string",
                "What the block is.",
                True,
                enum=(
                    "quote",
                    "description",
                    "group",
                    "question",
                    "section",
                    "session",
                    "link",
                    "advisor-group",
                    "advisor",
                    "contact",
                ),
            ),
            Column("block_id", "string", "The block's id, or the question's key.", True, SLUG),
            Column("group_id", "string", "The group of a question.", pattern=SLUG),
            reference("answer_key", "A question's row in answers (answers.answer_key)."),
        ),
        "page_block_key",
        (to_records(), ForeignKey("answer_key", "answers", "answer_key")),
        rows.page_block_rows,
    ),
)
TABLES = PAGE_TABLES + PEOPLE_TABLES
