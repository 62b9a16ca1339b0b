"""Format checks that are asserted, not merely annotated, when a record is validated."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from jsonschema import FormatChecker

# RFC 3986: the characters a URI may hold, and percent-encodings of any other octet.
_URI_CHARACTERS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?")
_EMAIL_LOCAL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*"
)


def is_uri(value: object) -> bool:
    """An absolute URI (RFC 3986); a web address must also name its host."""
    if not isinstance(value, str):
        return True
    if not _URI_CHARACTERS.fullmatch(value):
        return False
    parts = urlsplit(value)
    if not parts.scheme or not _SCHEME.fullmatch(parts.scheme):
        return False
    if parts.scheme.lower() in ("http", "https"):
        return _is_host_name(parts.hostname or "")
    return bool(parts.netloc or parts.path)


def is_email(value: object) -> bool:
    """An address of the form local@domain with a domain name of two or more labels, the last
    of them (the top-level domain) two characters or more, ending in a letter."""
    if not isinstance(value, str):
        return True
    local, at, domain = value.rpartition("@")
    if not at or len(local) > 64 or not _EMAIL_LOCAL.fullmatch(local):
        return False
    top = domain.rpartition(".")[2]
    return "." in domain and _is_host_name(domain) and len(top) >= 2 and top[-1].isalpha()


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_date(value: object) -> bool:
    """A calendar date written YYYY-MM-DD that exists (RFC 3339 full-date)."""
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


FORMAT_CHECKS = {"date": is_date, "uri": is_uri, "email": is_email}


def _is_host_name(host: str) -> bool:
    labels = host.split(".")
    return len(host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def format_checker() -> FormatChecker:
    """The jsonschema checker for every format the schema uses: date, uri and email."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=[])
    for name, check in FORMAT_CHECKS.items():
        checker.checks(name)(check)
    return checker
