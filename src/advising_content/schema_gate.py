"""A quick yes or no: does a record conform to the schema?

Most records do, and for them this is all the schema check costs: the schema is compiled once
by jsonschema-rs. Only a record that does not conform is checked again by ``schema_check``,
which finds every problem and words it for editors. A test holds the two to the same verdict.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from advising_content.resources import load_schema
from advising_content.signals import signals_deferred
from advising_content.string_formats import FORMAT_CHECKS

# jsonschema-rs imports modules of the standard library as it loads and as it compiles, and
# panics when one of those imports fails, as when Ctrl-C or SIGTERM interrupts it: it does
# both with the two signals held, heard as soon as it is done.
with signals_deferred():
    import jsonschema_rs


@cache
def validator() -> Any:
    """The schema, compiled by jsonschema-rs, formats included."""
    schema = load_schema()
    with signals_deferred():
        return jsonschema_rs.validator_for(schema, formats=FORMAT_CHECKS, validate_formats=True)


def conforms(data: Any) -> bool:
    """True when ``data`` satisfies the schema, formats included."""
    try:
        return bool(validator().is_valid(data))
    except ValueError:  # a value JSON has no type for, such as a date YAML read unquoted
        return False
