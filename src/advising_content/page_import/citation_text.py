"""A book citation as the pages print it, read into the record's structured citation:
'— Freeman, B. (2013). The Ultimate Guide to Choosing a Medical Specialty. 3rd Ed. Lange Medical
Books/McGraw-Hill: New York. p. 81-82.'"""

from __future__ import annotations

import re
from typing import Any

_CITATION = re.compile(
    r"[—\u2013―]\s*(?P<authors>.+?)\s*\((?P<year>\d{4})\)\.\s*"
    r"(?P<title>.+?)\.\s*"
    r"(?:(?P<edition>\d+)\s*(?:st|nd|rd|th)\s+ed(?:ition)?\.\s*)?"
    r"(?:(?P<publisher>[^:]+?)\s*:\s*(?P<place>[^.]+?)\s*\.\s*)?"
    r"(?:pp?\.\s*(?P<first>\d+)(?:\s*[-\u2013]\s*(?P<last>\d+))?\s*\.?)?",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"\s*(?P<family>[^,&]+?)\s*,\s*(?P<given>(?:[A-Z][a-z]?\.\s*)+)\s*(?:,|&|and)?"
)


def parsed_citation(text: str) -> dict[str, Any] | None:
    """The citation a line gives, or None when it is not written as the pages write one."""
    found = _CITATION.fullmatch(text)
    if found is None:
        return None
    authors = _authors(found.group("authors"))
    if authors is None:
        return None
    citation: dict[str, Any] = {"authors": authors, "year": int(found.group("year"))}
    citation["title"] = found.group("title").strip()
    if found.group("edition"):
        citation["edition"] = int(found.group("edition"))
    for part in ("publisher", "place"):
        if found.group(part):
            citation[part] = found.group(part).strip()
    if found.group("first"):
        pages = {"first": int(found.group("first"))}
        if found.group("last"):
            pages["last"] = int(found.group("last"))
        citation["pages"] = pages
    return citation


def _authors(text: str) -> list[dict[str, str]] | None:
    authors, position = [], 0
    while position < len(text):
        found = _AUTHOR.match(text, position)
        if found is None or found.end() == position:
            return None
        authors.append({"family": found.group("family"), "given": found.group("given").strip()})
        position = found.end()
    return authors or None
