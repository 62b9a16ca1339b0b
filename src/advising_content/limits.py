"""Limits on what a content file may hold. An advising record is a few kilobytes, a handful of
levels deep, with tens of entries; these limits are far above that and far below what could
exhaust memory or time."""

from __future__ import annotations

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_ENTRIES = 1000
MAX_VALUES = 50_000
MAX_TEXT_CHARS = 20_000
MAX_KEY_CHARS = 100


def size_text(count: int) -> str:
    """A byte count for people: '1 MiB', '50.0 MiB', '812 KiB'."""
    if count >= 1024 * 1024:
        mebibytes = count / (1024 * 1024)
        return f"{mebibytes:.0f} MiB" if mebibytes.is_integer() else f"{mebibytes:.1f} MiB"
    return f"{count // 1024} KiB" if count >= 1024 else f"{count} bytes"


def size_comparison(size: int, limit: int) -> str:
    """'the file is 50.0 MiB; a content file may be at most 1 MiB', in exact bytes when the
    two sizes would otherwise read as the same number."""
    shown, allowed = size_text(size), size_text(limit)
    if _same_number(shown, allowed):
        shown, allowed = f"{size:,} bytes", f"{limit:,} bytes ({allowed})"
    return f"the file is {shown}; a content file may be at most {allowed}"


def _same_number(first: str, second: str) -> bool:
    (number, unit), (other, other_unit) = first.split(" "), second.split(" ")
    return unit == other_unit and float(number) == float(other)


def limits_table() -> str:
    """The README's table of the limits on a content file, each with the rule that reports it."""
    from advising_content.file_problems import CHECKED_PER_FILE, SHOWN_PER_FILE
    from advising_content.markdown_tables import markdown_table

    rows = [
        ("size of a content file (not read at all beyond it)", size_text(MAX_FILE_BYTES),
         "file-too-large"),
        ("nesting of lists and mappings", f"{MAX_DEPTH} levels", "too-deep"),
        ("entries in one list or mapping", f"{MAX_ENTRIES}", "too-many-entries"),
        ("values in one file", f"{MAX_VALUES:,}", "too-many-values"),
        ("length of a text value", f"{MAX_TEXT_CHARS:,} characters", "text-too-long"),
        ("length of a key", f"{MAX_KEY_CHARS} characters", "text-too-long"),
        ("problems shown for one file (the rest are counted by rule)", f"{SHOWN_PER_FILE}",
         "too-many-problems"),
        ("problems found in one file before its checking stops", f"{CHECKED_PER_FILE:,}",
         "too-many-problems"),
    ]  # fmt: skip
    return markdown_table(("Limit", "Value", "Rule"), [(a, b, f"`{c}`") for a, b, c in rows])
