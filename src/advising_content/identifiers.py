"""Ids of records and of their entries: slugs, as the schema defines them (``$defs/slug``)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from advising_content.resources import load_schema


@cache
def slug_pattern() -> str:
    """The schema's pattern of a slug, without its anchors: ``[a-z0-9]+(?:-[a-z0-9]+)*``."""
    pattern: str = load_schema()["$defs"]["slug"]["pattern"]
    return pattern.removeprefix("^").removesuffix("$")


@cache
def _slug() -> re.Pattern[str]:
    return re.compile(slug_pattern())


def is_slug(value: object) -> bool:
    """True for text that is a slug, such as 'med-peds' or 'cheryl-lee'."""
    return isinstance(value, str) and _slug().fullmatch(value) is not None


def as_slug(value: object) -> str | None:
    """The slug an editor most likely meant by ``value``, such as 'away-rotations' for
    'Away Rotations'; None when no slug can be made of it."""
    if not isinstance(value, str):
        return None
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    written = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return written if is_slug(written) else None


def record_id_of(data: dict[str, Any]) -> str | None:
    """The record's id, when it is a well-formed one."""
    value = data.get("id")
    return value if is_slug(value) else None


def record_key_of(data: dict[str, Any]) -> str | None:
    """The key that names a record among those of every institution, such as
    'feinberg/med-peds'; the id alone for a record that names no institution id."""
    record_id = record_id_of(data)
    institution = data.get("institution")
    institution_id = institution.get("id") if isinstance(institution, dict) else None
    if record_id is None or not is_slug(institution_id):
        return record_id
    return f"{institution_id}/{record_id}"
