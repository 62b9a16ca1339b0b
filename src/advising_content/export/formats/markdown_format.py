"""Markdown: one page per record that reads like the school's advising page."""

from __future__ import annotations

from collections.abc import Callable

from advising_content.export.records import Record
from advising_content.export.registry import file_per_record


def _renderer() -> Callable[[Record], str]:
    from advising_content.export.markdown_pages import record_page

    return record_page


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
