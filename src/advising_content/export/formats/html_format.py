"""HTML: a static site for students and advising offices, ready to host anywhere."""

from __future__ import annotations

from advising_content.export.registry import Export, ExportFormat
from advising_content.wording import plural


def _record_file(key: str) -> str:
    from advising_content.export.html_site import record_file

    return record_file(key)


def _write(export: Export) -> str:
    from advising_content.export.html_site import site_files

    files = site_files(export.records)
    for relative, text in files.items():
        export.files.write_text(relative, text)
    return f"{plural(len(files), 'file')} of a static site in html/"


FORMAT = ExportFormat(
    name="html",
    order=5,
    writes="html/: a static site: an index, a page per record as its advising page reads, "
    "a page per bank question setting the answers side by side, and a coverage matrix",
    write=_write,
    record_file=_record_file,
)
