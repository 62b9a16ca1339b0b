"""Schema versions as records state them, compared by semantic versioning: a minor version
adds what older tools do not know, a major version can make valid content invalid, and patch
versions check alike."""

from __future__ import annotations

import re
from typing import Any

_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


class VersionNumber(str):
    """A number of a version, compared as a number however many digits it has: semantic
    versioning allows no leading zeros, so the longer number is the larger."""

    def _key(self) -> tuple[int, str]:
        return len(self), str(self)

    def __lt__(self, other: object) -> bool:
        return isinstance(other, VersionNumber) and self._key() < other._key()

    def __gt__(self, other: object) -> bool:
        return isinstance(other, VersionNumber) and self._key() > other._key()


Version = tuple[VersionNumber, VersionNumber, VersionNumber]


def parsed(value: Any) -> Version | None:
    """The three numbers of a version such as '2.0.0', or None for anything else."""
    found = _SEMVER.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        return None
    major, minor, patch = (VersionNumber(part) for part in found.groups())
    return major, minor, patch


def is_older_major(written: Any, current: str) -> bool:
    """True when a record's ``schema_version`` is of a major version before ``current``'s."""
    ours, tools = parsed(written), parsed(current)
    return ours is not None and tools is not None and ours[0] < tools[0]
