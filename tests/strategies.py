"""Hypothesis strategies for advising records that the schema and the validator accept."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from advising_content.question_bank import load_question_bank
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
    .filter(bool)
)  # empty text is an error
slug = st.from_regex(r"[a-z0-9]{1,5}(?:-[a-z0-9]{1,4}){0,2}", fullmatch=True)


def _enum(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(DEFS[name]["enum"])


def _unique(strategy: st.SearchStrategy[Any], max_size: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, min_size=1, max_size=max_size, unique=True)


def _optional(draw: st.DrawFn, target: dict[str, Any], key: str, value: Any) -> None:
    if draw(st.booleans()):
        target[key] = draw(value) if isinstance(value, st.SearchStrategy) else value


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A record that the schema accepts and the validator's own checks pass."""
    ids = iter(draw(st.lists(slug, min_size=40, max_size=40, unique=True)))
    record: dict[str, Any] = {
        "id": next(ids),
        "schema_version": "1.0.0",
        "institution": {"name": draw(text)},
        "specialty": {"name": draw(text)},
    }
    _optional(draw, record["specialty"], "short_names", _unique(text, 3))
    if draw(st.booleans()):
        citation: dict[str, Any] = {
            "authors": draw(
                st.lists(
                    st.builds(lambda f, g: {"family": f, "given": g}, text, text),
                    min_size=1,
                    max_size=2,
                )
            ),
            "year": draw(st.integers(1000, 9999)),
            "title": draw(text),
        }
        _optional(draw, citation, "edition", st.integers(1, 30))
        _optional(draw, citation, "publisher", text)
        _optional(draw, citation, "place", text)
        _optional(draw, citation, "pages", st.builds(lambda f: {"first": f}, st.integers(1, 999)))
        record["quote"] = {"text": draw(text), "citation": citation}

    bank = load_question_bank()
    groups = []
    used_keys: set[str] = set()
    for group in bank.groups:
        if groups and not draw(st.booleans()):
            continue
        questions = []
        for question in draw(
            st.lists(st.sampled_from(group.questions), min_size=1, max_size=3, unique=True)
        ):
            entry: dict[str, Any] = {
                "key": question.key,
                "question": draw(text),
                "answer": draw(text),
            }
            _optional(draw, entry, "stance", _enum("stance"))
            _optional(draw, entry, "months", _unique(_enum("month"), 3))
            questions.append(entry)
            used_keys.add(question.key)
        if draw(st.booleans()):
            key = "custom-" + next(ids)
            questions.append(
                {"key": key, "custom": True, "question": draw(text), "answer": draw(text)}
            )
        groups.append({
            "id": next(ids),
            "heading": draw(text),
            "audiences": list(group.audiences),
            "questions": questions,
        })  # fmt: skip
    record["question_groups"] = groups

    advisors = []
    for _ in range(draw(st.integers(0, 2))):
        advisor: dict[str, Any] = {"id": next(ids), "name": draw(text)}
        _optional(draw, advisor, "degrees", _unique(text, 2))
        _optional(draw, advisor, "department", text)
        _optional(draw, advisor, "role", text)
        _optional(draw, advisor, "profile_url", "https://example.edu/people/" + next(ids))
        _optional(draw, advisor, "email", next(ids) + "@example.edu")
        advisors.append(advisor)
    advisor_ids = [advisor["id"] for advisor in advisors]
    if advisors:
        record["advisors"] = advisors
    sessions = []
    for _ in range(draw(st.integers(0, 2))):
        session: dict[str, Any] = {"id": next(ids), "title": draw(text), "description": draw(text)}
        _optional(draw, session, "term", _enum_path("session", "term"))
        _optional(draw, session, "topic", text)
        _optional(draw, session, "audiences", _unique(_enum("audience"), 4))
        _optional(draw, session, "date", "2027-01-20")
        _optional(draw, session, "location", text)
        if advisor_ids:
            _optional(draw, session, "advisors", _unique(st.sampled_from(advisor_ids), 2))
        sessions.append(session)
    if sessions:
        record["sessions"] = sessions
    contacts = []
    for _ in range(draw(st.integers(0, 2))):
        contact: dict[str, Any] = {"id": next(ids)}
        if advisor_ids and draw(st.booleans()):
            contact["advisor"] = draw(st.sampled_from(advisor_ids))
        else:
            contact["name"] = draw(text)
            _optional(draw, contact, "degrees", _unique(text, 2))
        for key in ("heading", "organization", "room", "city", "phone"):
            _optional(draw, contact, key, text)
        contacts.append(contact)
    if contacts:
        record["contacts"] = contacts
    links = []
    for _ in range(draw(st.integers(0, 2))):
        link: dict[str, Any] = {"id": next(ids), "kind": "external-resource", "label": draw(text)}
        _optional(draw, link, "url", "https://example.edu/" + next(ids))
        links.append(link)
    if links:
        record["links"] = links
    return record


def _enum_path(definition: str, prop: str) -> st.SearchStrategy[str]:
    return st.sampled_from(DEFS[definition]["properties"][prop]["enum"])
