"""YAML front matter for a Markdown page: the record's id, title, institution, specialty and
source address between two '---' lines, which static site generators read as the page's data.

Every value is a double-quoted scalar on the line of its key, with '"', '\\', line breaks and
every character that is not printable written as escapes: no value can end the block, start a
comment or another key, or read as anything but its own text.
"""

from __future__ import annotations

from advising_content.export.records import Record

DELIMITER = "---"
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def front_matter(record: Record) -> str:
    """The front matter of ``record``'s page, from the opening '---' line to the closing one."""
    source = record.get("source") or {}
    lines = [
        DELIMITER,
        f"id: {quoted(record['id'])}",
        f"title: {quoted(record.get('title') or record['specialty']['name'])}",
        "institution:",
        f"  id: {quoted(record['institution']['id'])}",
        f"  name: {quoted(record['institution']['name'])}",
        f"specialty: {quoted(record['specialty']['name'])}",
    ]
    if source.get("url"):
        lines.append(f"source_url: {quoted(source['url'])}")
    lines.append(DELIMITER)
    return "\n".join(lines) + "\n"


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line."""
    return '"' + "".join(_escaped(character) for character in text) + '"'


def _escaped(character: str) -> str:
    if character in _ESCAPES:
        return _ESCAPES[character]
    # Escaped below, as not printable: controls (U+0085 among them), formats (U+FEFF) and every
    # separator but the space (U+2028, U+2029), so none of YAML 1.1's line breaks stays.
    if character.isprintable():
        return character
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
