"""The export writes indented JSON itself, faster than the json module does: whatever it writes
must be the json module's text for the same value (2-space indent, characters kept)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from advising_content.export.json_documents import dumps, record_document
from advising_content.export.json_text import streamed
from advising_content.export.ordering import in_schema_order
from advising_content.resources import load_schema
from strategies import records

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.sampled_from('a"\\\n\t\u00e9\u2028\x00 /<') | st.characters())
)
# JSON's own values, which the export's writer writes.
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)
# Values the json module writes, among them what the export's writer leaves to it: keys that
# are not text, and tuples.
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)


def _json_module(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@given(_VALUES)
def test_dumps_writes_what_the_json_module_writes(value: Any) -> None:
    assert dumps(value) == _json_module(value)


@given(records())
def test_a_record_is_written_as_the_json_module_writes_it_in_schema_order(
    record: dict[str, Any],
) -> None:
    assert record_document(record) == _json_module(in_schema_order(record, load_schema()))


@given(
    st.dictionaries(st.text(max_size=5), _JSON, max_size=3),
    st.lists(_JSON, max_size=4),
    st.booleans(),
)
def test_a_document_written_in_pieces_is_the_json_modules_text(
    document: dict[str, Any], items: list[Any], mapping: bool
) -> None:
    given_items = [(f"name-{n}", item) for n, item in enumerate(items)] if mapping else items
    whole = {**document, "listed": dict(given_items) if mapping else items}
    pieces = streamed({**document, "listed": None}, "listed", given_items, mapping=mapping)
    assert "".join(pieces) == _json_module(whole)
