"""The quick ways through a file give what the full ways give, or leave the file to them.

A file read quickly is checked with the data and positions of the quick reading, so they must be
the full reading's: the same data, every value and key at the same place, the same unquoted
values that YAML read as something other than text; and a file the full reading finds a
problem of YAML in is never read quickly. And a text that the checks of a text are spared, one
at a time or all together, is one in which none of them finds a problem.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from advising_content.file_problems import FileProblems
from advising_content.problems import JsonPath
from advising_content.reading.context import Reading
from advising_content.reading.decoding import decode
from advising_content.reading.document import _Builder
from advising_content.reading.quick import read_quickly
from advising_content.source_map import SourceMap
from advising_content.text_checks import TEXT_CHECKS, all_unremarkable, unremarkable
from conftest import CONTENT, EXAMPLES
from test_fuzz import FUZZ, mutated


def _assert_same_reading(raw: bytes) -> bool:
    """Hold the quick reading of ``raw`` to the full one; True when it was read quickly."""
    text = decode("x.yaml", raw)
    if not isinstance(text, str):
        return False
    reading = Reading("x.yaml", text, FileProblems(limit=None), SourceMap())
    full = _Builder(reading).build()
    quick = read_quickly(text)
    if quick is None:
        assert full.problems or full.document is None
        return False
    assert not full.problems
    assert full.document is not None
    data, positions = quick
    assert data == full.document.data
    assert _types(data) == _types(full.document.data)
    source_map = reading.source_map
    for location in [*source_map.values, *_beyond(source_map.values)]:
        assert positions.value_at(location) == source_map.value_at(location), location
        assert positions.implicit_at(location) == source_map.implicit_at(location), location
        assert positions.key_at(location) == source_map.key_at(location), location
        assert not positions.was_reported(location)
    return True


def _types(value: object) -> object:
    """The value with the type of every scalar, which == alone does not tell (1 == 1.0 == True)."""
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    return type(value), value


def _beyond(locations: dict[JsonPath, object]) -> list[JsonPath]:
    """Locations where nothing is written, below and beside those where something is."""
    return [
        extra
        for location in locations
        for extra in ((*location, "missing"), (*location, 0), (*location, 10_000), (*location, -1))
    ]


def test_every_example_and_content_file_reads_the_same_quickly() -> None:
    paths = sorted([*EXAMPLES.rglob("*.yaml"), *CONTENT.rglob("*.yaml")])
    quick = [path for path in paths if _assert_same_reading(path.read_bytes())]
    assert Path(CONTENT / "med-peds.yaml") in quick
    assert len(quick) > len(paths) // 2


def test_a_file_with_a_problem_of_yaml_is_left_to_the_full_reading() -> None:
    record = (CONTENT / "med-peds.yaml").read_bytes()
    for change in (
        (b"id: med-peds", b"id: &a med-peds"),
        (b"  name: Internal", b"  name: !!str Internal"),
        (b"  complete: true", b"  complete: true\n  complete: false"),
        (b"  name: Internal Medicine-Pediatrics", b"  name: Internal # Medicine"),
        (b"source:", b"? [a]\n: b\nsource:"),
        (b"source:", b"1: b\nsource:"),
        (b"id: med-peds", b"id: med-peds\n---\nid: other"),
    ):
        changed = record.replace(*change, 1)
        assert changed != record
        assert not _assert_same_reading(changed), change


@FUZZ
@given(data=mutated())
def test_mutated_files_read_the_same_quickly_or_are_left_to_the_full_reading(
    data: bytes,
) -> None:
    _assert_same_reading(data)


TEXT_PIECES = [" ", "\t", "\n", "|", "TODO", "TO", "DO", "=", "+", "-", "@", "a", "\u00a0",
               "\u200b", "\x07", "\x85", "\x1f", "\u3000", "é"]  # fmt: skip
texts = st.lists(st.sampled_from(TEXT_PIECES) | st.text(max_size=3), max_size=6).map("".join)


@FUZZ
@given(values=st.lists(texts, max_size=6))
def test_texts_told_unremarkable_together_are_each_unremarkable(values: list[str]) -> None:
    if all_unremarkable(values):
        assert all(unremarkable(value) for value in values)
    assert all_unremarkable([value for value in values if unremarkable(value) and "|" not in value])


@FUZZ
@given(value=texts)
def test_no_check_finds_a_problem_in_an_unremarkable_text(value: str) -> None:
    if unremarkable(value):
        assert [check("field", value) for _, check in TEXT_CHECKS] == [None] * len(TEXT_CHECKS)
