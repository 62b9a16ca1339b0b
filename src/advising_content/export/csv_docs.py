"""The README's list of the CSV tables, from the tables themselves."""

from __future__ import annotations

from advising_content.export.csv_tables import TABLES


def tables_list() -> str:
    """One bullet per table: its file, what a row is, its keys and its columns."""
    lines = []
    for table in TABLES:
        joins = [
            f"`{foreign.column}` → `{foreign.table}`"
            for foreign in table.foreign_keys
            if foreign.table != "records"
        ]
        also = f"; also {', '.join(joins)}" if joins else ""
        columns = ", ".join(f"`{name}`" for name in table.column_names)
        description = table.description[0].lower() + table.description[1:]
        lines.append(
            f"- `{table.name}.csv`, {description} Key `{table.primary_key}`{also}. "
            f"Columns: {columns}."
        )
    return "\n".join(lines) + "\n"
