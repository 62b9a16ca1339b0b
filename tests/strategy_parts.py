"""Hypothesis strategies for the parts of an advising record: texts, citations, facts, and the
people, sessions, contacts and links of a page. ``strategies`` puts them together."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from hypothesis import strategies as st

from advising_content.resources import load_schema

DEFS = load_schema()["$defs"]
# Text as editors may write it: anything but control characters (an error) and lone surrogates.
CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
CONTROL += "".join(chr(c) for c in [0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)])
HOSTILE = ["=", "+", "-", "@", "<", ">", "&", "*", "_", "`", "#", "|", "[", "]", "\\", '"', ",",
           "\n", "\r\n", "\r", "\t", "1.", "---", "<script>", "&amp;", "é", "医", "🙂"]  # fmt: skip

text = (
    st.lists(
        st.one_of(
            st.text(
                st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROL),
                max_size=12,
            ),
            st.sampled_from(HOSTILE),
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .map(lambda written: written if re.search(r"\S", written) else written + "a")
    .map(lambda written: written.replace("TODO", "T0D0"))
)  # a text of nothing but spaces is an error, and so is one still holding the placeholder
bullets = st.lists(text, min_size=1, max_size=3).map(lambda items: {"list": items})
prose = st.one_of(text, st.lists(st.one_of(text, bullets), min_size=1, max_size=3))
slug = st.from_regex(r"[a-z0-9]{1,5}(?:-[a-z0-9]{1,4}){0,2}", fullmatch=True)
dates = st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat)
times = st.times().map(lambda time: time.strftime("%H:%M"))


def enum(name: str, *path: str) -> st.SearchStrategy[str]:
    node = DEFS[name]
    for part in path:
        node = node["properties"][part]
    return st.sampled_from(node["enum"])


def unique(strategy: st.SearchStrategy[Any], max_size: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, min_size=1, max_size=max_size, unique=True)


def optional(draw: st.DrawFn, target: dict[str, Any], key: str, value: Any) -> None:
    if draw(st.booleans()):
        target[key] = draw(value) if isinstance(value, st.SearchStrategy) else value


def _time_of_year(draw: st.DrawFn) -> dict[str, str]:
    point = {"month": draw(enum("month"))}
    if draw(st.booleans()):
        point = {"season": draw(enum("time_of_year", "season"))}
    optional(draw, point, "part", enum("time_of_year", "part"))
    return point


@st.composite
def periods(draw: st.DrawFn) -> dict[str, Any]:
    period = {"start": _time_of_year(draw)}
    if draw(st.booleans()):
        period["end"] = _time_of_year(draw)
    return period


@st.composite
def counts(draw: st.DrawFn) -> dict[str, int]:
    count = {"min": draw(st.integers(0, 1000))}
    optional(draw, count, "max", st.integers(count["min"], 1000))
    return count


@st.composite
def citations(draw: st.DrawFn) -> dict[str, Any]:
    """Authors, an organization, or both; and the parts of a published work."""
    citation: dict[str, Any] = {}
    person = st.fixed_dictionaries({"family": text}, optional={"given": text})
    if draw(st.booleans()):
        citation["authors"] = draw(st.lists(person, min_size=1, max_size=2))
    if "authors" not in citation or draw(st.booleans()):
        citation["organization"] = draw(text)
    optional(draw, citation, "year", st.integers(1000, 9999))
    for key in ("title", "publisher", "place"):
        optional(draw, citation, key, text)
    optional(draw, citation, "edition", st.integers(1, 30))
    if draw(st.booleans()):
        first = draw(st.integers(1, 999))
        pages = {"first": first}
        optional(draw, pages, "last", st.integers(first, 999))
        citation["pages"] = pages
    return citation


def advisors(draw: st.DrawFn, ids: Iterator[str]) -> list[dict[str, Any]]:
    advisors = []
    for _ in range(draw(st.integers(0, 3))):
        advisor: dict[str, Any] = {"id": next(ids), "name": draw(text)}
        optional(draw, advisor, "degrees", unique(text, 2))
        optional(draw, advisor, "titles", unique(text, 2))
        optional(draw, advisor, "department", text)
        optional(draw, advisor, "profile_url", "https://example.edu/people/" + next(ids))
        optional(draw, advisor, "email", next(ids) + "@example.edu")
        advisors.append(advisor)
    return advisors


def advisor_groups(draw: st.DrawFn, ids: Iterator[str], advisors: list[str]) -> list[Any]:
    """Groups of advisors, each shown in one group at most."""
    groups = []
    free = list(advisors)
    for _ in range(draw(st.integers(0, 2))):
        if not free:
            break
        members = draw(unique(st.sampled_from(free), 2))
        free = [name for name in free if name not in members]
        group: dict[str, Any] = {"id": next(ids)}
        optional(draw, group, "label", text)
        groups.append({**group, "advisors": members})
    return groups


def sessions(draw: st.DrawFn, ids: Iterator[str], advisors: list[str]) -> list[Any]:
    sessions = []
    for _ in range(draw(st.integers(0, 2))):
        session: dict[str, Any] = {"id": next(ids), "title": draw(text)}
        optional(draw, session, "term", enum("session", "term"))
        optional(draw, session, "topic", text)
        optional(draw, session, "audiences", unique(enum("audience"), 4))
        session["description"] = draw(prose)
        optional(draw, session, "date", dates)
        optional(draw, session, "start_time", times)
        optional(draw, session, "end_time", times)
        optional(draw, session, "location", text)
        if advisors:
            optional(draw, session, "advisors", unique(st.sampled_from(advisors), 2))
        sessions.append(session)
    return sessions


def contacts(draw: st.DrawFn, ids: Iterator[str], advisors: list[str]) -> list[Any]:
    """Contacts that are an advisor, a person named here, an organization or a department."""
    contacts = []
    postal_codes = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 -]{0,6}[A-Za-z0-9]", fullmatch=True)
    for _ in range(draw(st.integers(0, 2))):
        contact: dict[str, Any] = {"id": next(ids)}
        optional(draw, contact, "heading", text)
        who = draw(
            st.sampled_from(["name", "organization", "department", "advisor"][: 3 + bool(advisors)])
        )
        if who == "advisor":
            contact["advisor"] = draw(st.sampled_from(advisors))
        elif who == "name":
            contact["name"] = draw(text)
            optional(draw, contact, "degrees", unique(text, 2))
        for key in ("department", "organization"):
            if who == key or draw(st.booleans()):
                contact[key] = draw(text)
        for key in ("room", "street_address", "city", "state", "phone"):
            optional(draw, contact, key, text)
        optional(draw, contact, "postal_code", postal_codes)
        optional(draw, contact, "email", next(ids) + "@example.edu")
        contacts.append(contact)
    return contacts


def links(draw: st.DrawFn, ids: Iterator[str], advisors: list[str], texts: list[str]) -> list[Any]:
    """Links on their own, an advisor's profile links, and links inside a question or section."""
    links = []
    kinds = list(DEFS["link"]["properties"]["kind"]["enum"])
    if not advisors:
        kinds.remove("advisor-profile")
    for _ in range(draw(st.integers(0, 3))):
        link: dict[str, Any] = {"id": next(ids), "kind": draw(st.sampled_from(kinds))}
        link["label"] = draw(text)
        optional(draw, link, "url", "https://example.edu/" + next(ids))
        if link["kind"] == "advisor-profile":
            link["advisor"] = draw(st.sampled_from(advisors))
        elif texts:
            optional(draw, link, "within", st.sampled_from(texts))
        links.append(link)
    return links
