"""What the exports write from: a valid record's data, as the validator read it."""

from collections.abc import Mapping
from typing import Any

Record = Mapping[str, Any]


def record_key(record: Record) -> str:
    """The record's key among those of every institution: 'feinberg/med-peds'."""
    return f"{record['institution']['id']}/{record['id']}"
