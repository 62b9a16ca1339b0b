"""What YAML 1.1 makes of unquoted text: 'no' is a yes/no value, '1.0' a number, '2027-01-20'
a date. Content is text: such a value is kept with what it was written as, so that the schema's
type check can say what happened and how to quote it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from advising_content.problems import Severity
from advising_content.rules import rule

IMPLICIT_TYPE = rule(
    "implicit-type", Severity.ERROR, "YAML read unquoted text as a yes/no, number or date"
)

CORE = "tag:yaml.org,2002:"
STR = CORE + "str"
MERGE = CORE + "merge"
# What YAML 1.1 makes of an unquoted value that is not text, in the words an editor reads.
KINDS = {
    CORE + "bool": "a yes/no value (boolean)",
    CORE + "int": "a number",
    CORE + "float": "a number",
    CORE + "null": "an empty value (null)",
    CORE + "timestamp": "a date",
}
_RESOLVER = yaml.resolver.Resolver()


@lru_cache(maxsize=4096)
def resolve(plain: str) -> str:
    """The tag YAML gives an unquoted value, such as bool for 'no'."""
    # Keys and short values repeat from file to file: resolve each text once.
    tag = _RESOLVER.resolve(yaml.ScalarNode, plain, (True, False))  # type: ignore[no-untyped-call]
    return str(tag)


def construct(loader: SafeConstructor, tag: str, event: yaml.ScalarEvent) -> Any:
    """The value YAML gives the scalar ``event`` with ``tag``; an impossible one (a date such as
    2025-13-45, or a number too long to convert) keeps its text."""
    node = yaml.ScalarNode(tag, event.value, style=event.style)
    try:
        return SafeConstructor.yaml_constructors[tag](loader, node)
    except ValueError:
        return event.value
