"""Markdown: one page per record that reads like the school's advising page, optionally begun
with YAML front matter for static site generators."""

from __future__ import annotations

from collections.abc import Callable

from advising_content.export.records import Record
from advising_content.export.registry import ExportOptions, file_per_record


def _renderer(options: ExportOptions) -> Callable[[Record], str]:
    from advising_content.export.front_matter import front_matter
    from advising_content.export.markdown_pages import record_page

    if not options.markdown.front_matter:
        return record_page
    return lambda record: front_matter(record) + record_page(record)


FORMAT = file_per_record(
    name="markdown",
    order=2,
    writes="markdown/<institution-id>/<record-id>.md: one page per record, in the order of the "
    "advising page",
    folder="markdown",
    suffix=".md",
    noun="Markdown page",
    renderer=_renderer,
)
