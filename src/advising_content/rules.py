"""Every rule a problem can name, each one definition beside the code that checks it.

A rule is made with ``rule()`` in the module that checks it, and ``Rule.at`` is the only way a
problem is made: every problem carries the name and severity of a rule that exists. ``catalogue``
gathers the rules, in the order a file is checked, for the ``rules`` command and the README.
"""

from __future__ import annotations

import importlib
import sys
from typing import NamedTuple

from advising_content.markdown_tables import markdown_table
from advising_content.mending import FIX_HINT, MENDABLE_RULES
from advising_content.problems import JsonPath, Problem, Severity
from advising_content.source_map import Position

# The modules that define rules, in the order they check a file: finding and reading it, its
# YAML, its shape (the schema), its meaning, and the report.
CHECKING_MODULES = (
    "advising_content.discovery",
    "advising_content.file_check",
    "advising_content.reading.decoding",
    "advising_content.reading.parse_errors",
    "advising_content.reading.document",
    "advising_content.reading.strictness",
    "advising_content.reading.limit_checks",
    "advising_content.reading.implicit",
    "advising_content.schema_messages",
    "advising_content.record_checks",
    "advising_content.question_checks",
    "advising_content.question_text_checks",
    "advising_content.layout_checks",
    "advising_content.text_checks",
    "advising_content.validation",
    "advising_content.file_problems",
)


class Rule(NamedTuple):
    name: str
    severity: Severity
    meaning: str
    module: str  # where it is defined and checked

    def at(self, path: str, position: Position, message: str, location: JsonPath = ()) -> Problem:
        """A problem of this rule at ``position`` of the file shown as ``path``; the message of
        one that ``advising-content fix`` mends says so."""
        if self.name in MENDABLE_RULES:
            message += FIX_HINT
        return Problem(
            path, position.line, position.column, self.severity, self.name, message, location
        )


_DEFINED: dict[str, Rule] = {}


def rule(name: str, severity: Severity, meaning: str, *, depth: int = 1) -> Rule:
    """Define a rule of the calling module (or, for a helper that defines rules for its
    caller, of the module ``depth`` calls up); a name may be defined once."""
    if name in _DEFINED:
        raise ValueError(f"the rule '{name}' is defined twice")
    module = str(sys._getframe(depth).f_globals["__name__"])
    defined = Rule(name, severity, meaning, module)
    _DEFINED[name] = defined
    return defined


def catalogue() -> dict[str, Rule]:
    """Every rule, by name, in the order a file is checked (module by module, then in the order
    each module defines them)."""
    for module in CHECKING_MODULES:
        importlib.import_module(module)
    unlisted = {found.module for found in _DEFINED.values()} - set(CHECKING_MODULES)
    if unlisted:
        raise LookupError(f"rules are defined in {sorted(unlisted)}: add them to CHECKING_MODULES")
    sequence = {name: index for index, name in enumerate(_DEFINED)}
    ordered = sorted(
        _DEFINED.values(),
        key=lambda r: (CHECKING_MODULES.index(r.module), sequence[r.name]),
    )
    return {defined.name: defined for defined in ordered}


def rules_table(rules: dict[str, Rule]) -> str:
    """The README's table of rules."""
    rows = [(f"`{r.name}`", str(r.severity), r.meaning) for r in rules.values()]
    return markdown_table(("Rule", "Severity", "Meaning"), rows)
