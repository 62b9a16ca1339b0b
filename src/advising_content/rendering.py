"""How an advising page writes a record's structured parts as text.

Citations, names with degrees, city lines and session headings are stored in parts; these
functions put the parts back together the way the school's pages show them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st, ..."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def author_text(author: Mapping[str, Any]) -> str:
    """'Freeman, B.': the family name, then the given names or initials."""
    given = author.get("given")
    return f"{author['family']}, {given}" if given else str(author["family"])


def citation_text(citation: Mapping[str, Any]) -> str:
    """A citation as the pages give it, such as
    'Freeman, B. (2013). Title. 3rd Ed. Publisher: Place. p. 81-82.', or for one credited to an
    organization alone, '(Source: American College of Surgeons)'."""
    if not citation.get("authors"):
        credited = " ".join(
            str(citation[key]) for key in ("organization", "title") if key in citation
        )
        return f"(Source: {credited})"
    authors = [author_text(author) for author in citation["authors"]]
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + ", & " + authors[-1]
    parts = [names + (f" ({citation['year']})." if "year" in citation else ".")]
    if "title" in citation:
        parts.append(f"{citation['title']}.")
    if "edition" in citation:
        parts.append(f"{ordinal(citation['edition'])} Ed.")
    where = [str(citation[key]) for key in ("publisher", "place") if citation.get(key)]
    if where:
        parts.append(": ".join(where) + ".")
    pages = citation.get("pages")
    if pages:
        span = f"{pages['first']}-{pages['last']}" if "last" in pages else f"{pages['first']}"
        parts.append(f"p. {span}.")
    return " ".join(parts)


def name_with_degrees(name: str, degrees: Sequence[str] = ()) -> str:
    """'Cheryl Lee, MD'."""
    return ", ".join([name, *degrees])


def city_line(contact: Mapping[str, Any]) -> str:
    """'Chicago, IL 60611': city, state and postal code, with whichever parts are given."""
    region = " ".join(str(contact[key]) for key in ("state", "postal_code") if contact.get(key))
    return ", ".join(part for part in (str(contact.get("city") or ""), region) if part)


def session_heading(session: Mapping[str, Any]) -> str:
    """'Medicine-Pediatrics Specialty Session - Winter / Residency Application Information'."""
    heading = str(session["title"])
    if session.get("term"):
        heading += f" - {str(session['term']).capitalize()}"
    if session.get("topic"):
        heading += f" / {session['topic']}"
    return heading


def advisor_by_id(record: Mapping[str, Any], advisor_id: str) -> Mapping[str, Any]:
    """The advisor of a valid record with the id ``advisor_id``."""
    return next(x for x in record.get("advisors") or [] if x["id"] == advisor_id)


def profile_links(record: Mapping[str, Any], advisor: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The record's 'advisor-profile' links to ``advisor``'s profile, in record order."""
    return [
        item
        for item in record.get("links") or []
        if item["kind"] == "advisor-profile" and item.get("advisor") == advisor["id"]
    ]
