"""The lines of an advisor block and of a 'For more information' block, read into the record's
advisors and contacts."""

from __future__ import annotations

import re
from typing import Any

from advising_content.page_import.line_kinds import person

_EMAIL = re.compile(r"(?:e-?mail\s*:\s*)?(?P<email>[^@\s]+@[^@\s]+\.[A-Za-z]{2,})", re.IGNORECASE)
_PHONE = re.compile(r"(?:(?:phone|tel)\s*:\s*)?(?P<phone>\+?[\d(][\d\s().-]{6,}\d)", re.IGNORECASE)
_CITY = re.compile(r"(?P<city>[^,]+),\s*(?P<state>[A-Z]{2})\s+(?P<postal_code>\d{5}(?:-\d{4})?)")
_ROOM = re.compile(r".*\b(?:room|suite|floor|building|office)\b.*", re.IGNORECASE)
_UNIT = ("department of ", "division of ", "section of ")


def slug(text: str) -> str:
    """An identifier made of a text's words: lower case letters and digits, joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "item"


def is_unit(text: str) -> bool:
    return text.lower().startswith(_UNIT)


def advisor_from(text: str) -> dict[str, Any] | None:
    found = person(text)
    if found is None:
        return None
    name, degrees = found
    return {"id": slug(name), "name": name, "degrees": degrees}


def add_to_advisor(advisor: dict[str, Any], text: str) -> None:
    """One more line under an advisor's name: an e-mail, a department or a job title."""
    if email := _EMAIL.fullmatch(text):
        advisor["email"] = email.group("email")
    elif is_unit(text) and "department" not in advisor:
        advisor["department"] = text
    else:
        advisor.setdefault("titles", []).append(text)


def add_to_contact(contact: dict[str, Any], text: str, advisors: list[dict[str, Any]]) -> None:
    """One more line of a contact: a person, a department, an address, an e-mail or a phone."""
    found = person(text)
    known = {advisor["name"]: advisor["id"] for advisor in advisors}
    if found and found[0] in known and not _has_person(contact):
        contact["advisor"] = known[found[0]]
    elif found and not _has_person(contact):
        contact["name"], contact["degrees"] = found
    elif email := _EMAIL.fullmatch(text):
        contact["email"] = email.group("email")
    elif phone := _PHONE.fullmatch(text):
        contact["phone"] = phone.group("phone")
    elif city := _CITY.fullmatch(text):
        contact.update({key: value.strip() for key, value in city.groupdict().items()})
    elif is_unit(text) and "department" not in contact:
        contact["department"] = text
    elif text[:1].isdigit() and "street_address" not in contact:
        contact["street_address"] = text
    elif _ROOM.fullmatch(text) and "room" not in contact:
        contact["room"] = text
    else:
        contact["organization"] = " ".join(filter(None, [contact.get("organization"), text]))


def _has_person(contact: dict[str, Any]) -> bool:
    return "advisor" in contact or "name" in contact
