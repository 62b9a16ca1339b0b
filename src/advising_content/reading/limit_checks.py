"""The limits on how many values a file holds and how deeply they nest, checked as they add up:
past one, the file is not read further (an advising record is far within them)."""

from __future__ import annotations

from yaml.events import Event

from advising_content.limits import MAX_DEPTH, MAX_ENTRIES, MAX_VALUES
from advising_content.problems import JsonPath, Severity
from advising_content.reading.context import Abandon, Reading, position_of
from advising_content.rules import Rule, rule

TOO_DEEP = rule(
    "too-deep", Severity.ERROR, f"lists and mappings nested more than {MAX_DEPTH} levels deep"
)
TOO_MANY_ENTRIES = rule(
    "too-many-entries", Severity.ERROR, f"a list or mapping with more than {MAX_ENTRIES} entries"
)
TOO_MANY_VALUES = rule(
    "too-many-values", Severity.ERROR, f"a file with more than {MAX_VALUES:,} values"
)


def values_limit(reading: Reading, values: int, event: Event, location: JsonPath) -> None:
    _limit(
        reading,
        TOO_MANY_VALUES,
        values > MAX_VALUES,
        event,
        location,
        f"the file holds more than {MAX_VALUES:,} values here, far more than an advising "
        "record holds (a few hundred)",
    )


def entries_limit(reading: Reading, entries: int, event: Event, location: JsonPath) -> None:
    _limit(
        reading,
        TOO_MANY_ENTRIES,
        entries > MAX_ENTRIES,
        event,
        location,
        f"this list or mapping has more than {MAX_ENTRIES} entries, far more than an "
        "advising record holds",
    )


def depth_limit(reading: Reading, depth: int, event: Event, location: JsonPath) -> None:
    _limit(
        reading,
        TOO_DEEP,
        depth >= MAX_DEPTH,
        event,
        location,
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep here, far "
        "deeper than an advising record goes",
    )


def _limit(
    reading: Reading, found: Rule, exceeded: bool, event: Event, location: JsonPath, what: str
) -> None:
    """Stop reading the file, with a problem, when a limit is ``exceeded``."""
    if exceeded:
        message = what + "; the file is not read further"
        reading.report(found, position_of(event), message, location)
        raise Abandon
