"""Bytes into text: a content file is UTF-8, with or without a byte-order mark."""

from __future__ import annotations

from advising_content.problems import Problem, Severity
from advising_content.rules import rule
from advising_content.source_map import START, Position

ENCODING = rule(
    "encoding", Severity.ERROR, "the file is not UTF-8 text (the byte or BOM is located)"
)

_UTF16_OR_32_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_UTF8_BOM = b"\xef\xbb\xbf"


def decode(path: str, raw: bytes) -> str | Problem:
    """The text of the file shown as ``path``, or the problem that it is not UTF-8."""
    for bom, encoding in _UTF16_OR_32_BOMS.items():
        if raw.startswith(bom):
            return ENCODING.at(
                path, START, f"the file is saved as {encoding} text; save it as UTF-8"
            )
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return ENCODING.at(
            path,
            Position(line, column),
            f"the file is not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be read here; "
            "save the file as UTF-8",
        )
