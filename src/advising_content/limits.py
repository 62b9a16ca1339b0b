"""Limits on what a content file may hold. An advising record is a few kilobytes, a handful of
levels deep, with tens of entries; these limits are far above that and far below what could
exhaust memory or time."""

from __future__ import annotations

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_ENTRIES = 1000
MAX_TEXT_CHARS = 20_000
MAX_KEY_CHARS = 100


def size_text(count: int) -> str:
    """A byte count for people: '1 MiB', '50.0 MiB', '812 KiB'."""
    if count >= 1024 * 1024:
        mebibytes = count / (1024 * 1024)
        return f"{mebibytes:.0f} MiB" if mebibytes.is_integer() else f"{mebibytes:.1f} MiB"
    return f"{count // 1024} KiB" if count >= 1024 else f"{count} bytes"
