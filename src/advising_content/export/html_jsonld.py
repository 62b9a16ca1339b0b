"""schema.org JSON-LD of a record page: an ``FAQPage`` of the questions the page answers, the
people it names and the work its quotation cites. Never more than the record says: a value the
record lacks is left out, not guessed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from advising_content.export.html_blocks import web_href
from advising_content.export.records import Record
from advising_content.prose import plain_text


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, "", [])}


def _person(advisor: Mapping[str, Any]) -> dict[str, Any]:
    url = advisor.get("profile_url")
    return _compact(
        {
            "@type": "Person",
            "name": advisor["name"],
            "honorificSuffix": ", ".join(advisor.get("degrees") or []),
            "jobTitle": list(advisor.get("titles") or []),
            "email": advisor.get("email"),
            "url": web_href(url) if url else None,
        }
    )


def _author(author: Mapping[str, Any]) -> dict[str, Any]:
    name = " ".join(str(author[key]) for key in ("given", "family") if author.get(key))
    return _compact(
        {
            "@type": "Person",
            "name": name,
            "givenName": author.get("given"),
            "familyName": author["family"],
        }
    )


def _work(citation: Mapping[str, Any]) -> dict[str, Any]:
    """The cited work: a book when the citation gives an edition or a publisher."""
    book = "edition" in citation or "publisher" in citation
    organization = citation.get("organization")
    return _compact(
        {
            "@type": "Book" if book else "CreativeWork",
            "name": citation.get("title"),
            "author": [_author(author) for author in citation.get("authors") or []]
            or ({"@type": "Organization", "name": organization} if organization else None),
            "datePublished": str(citation["year"]) if "year" in citation else None,
            "bookEdition": str(citation["edition"]) if "edition" in citation else None,
            "publisher": {"@type": "Organization", "name": citation["publisher"]}
            if citation.get("publisher")
            else None,
        }
    )


def _questions(record: Record) -> list[dict[str, Any]]:
    return [
        {
            "@type": "Question",
            "name": question["question"],
            "acceptedAnswer": {"@type": "Answer", "text": plain_text(question["answer"])},
        }
        for group in record.get("question_groups") or []
        for question in group.get("questions") or []
        if "answer" in question
    ]


def record_jsonld(record: Record) -> dict[str, Any]:
    """The JSON-LD document of a record's page."""
    specialty = record["specialty"]
    quote = record.get("quote")
    source = record.get("source") or {}
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": record.get("title") or specialty["name"],
            "about": {"@type": "Thing", "name": specialty["name"]},
            "sourceOrganization": {
                "@type": "EducationalOrganization",
                "name": record["institution"]["name"],
            },
            "isBasedOn": web_href(source["url"]) if source.get("url") else None,
            "mainEntity": _questions(record),
            "mentions": [_person(advisor) for advisor in record.get("advisors") or []],
            "citation": _work(quote["citation"]) if quote else None,
        }
    )


def script_json(document: Mapping[str, Any]) -> str:
    """JSON to embed in a ``<script>`` element: '<', '>' and '&' are written as escapes, so no
    text in it can end the element."""
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
