"""Markdown: one page per record that reads like the school's advising page, optionally begun
with YAML front matter for static site generators."""

from __future__ import annotations

from advising_content.export.records import record_key
from advising_content.export.registry import Export, ExportFormat
from advising_content.wording import plural


def _page_file(key: str) -> str:
    return f"markdown/{key}.md"


def _write(export: Export) -> str:
    from advising_content.export.front_matter import front_matter
    from advising_content.export.markdown_pages import record_page

    with_front_matter = export.options.markdown.front_matter
    for record in export.records:
        page = record_page(record)
        if with_front_matter:
            page = front_matter(record) + page
        export.files.write_text(_page_file(record_key(record)), page)
    return f"{plural(len(export.records), 'Markdown page')} in markdown/"


FORMAT = ExportFormat(
    name="markdown",
    order=2,
    writes="markdown/<institution-id>/<record-id>.md: one page per record, in the order of the "
    "advising page",
    write=_write,
    record_file=_page_file,
)
