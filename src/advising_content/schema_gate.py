"""A quick yes or no: does a record conform to the schema?

Most records do, and for them this is all the schema check costs: the schema is compiled once
by jsonschema-rs. Only a record that does not conform is checked again by ``schema_check``,
which finds every problem and words it for editors. A test holds the two to the same verdict.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema_rs

from advising_content.resources import load_schema
from advising_content.string_formats import FORMAT_CHECKS


@cache
def validator() -> Any:
    """The schema, compiled by jsonschema-rs, formats included."""
    return jsonschema_rs.validator_for(load_schema(), formats=FORMAT_CHECKS, validate_formats=True)


def conforms(data: Any) -> bool:
    """True when ``data`` satisfies the schema, formats included."""
    try:
        return bool(validator().is_valid(data))
    except ValueError:  # a value JSON has no type for, such as a date YAML read unquoted
        return False
