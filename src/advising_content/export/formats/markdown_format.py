"""Markdown: one page per record that reads like the school's advising page."""

from __future__ import annotations

from advising_content.export.registry import Export, ExportFormat
from advising_content.wording import plural


def _file(record_id: str) -> str:
    return f"markdown/{record_id}.md"


def _write(export: Export) -> str:
    from advising_content.export.markdown_pages import record_page

    for record in export.records:
        export.files.write_text(_file(record["id"]), record_page(record))
    return f"{plural(len(export.records), 'Markdown page')} in markdown/"


FORMAT = ExportFormat(
    name="markdown",
    order=2,
    writes="markdown/<record-id>.md: one page per record, as the advising page reads",
    write=_write,
    record_file=_file,
)
