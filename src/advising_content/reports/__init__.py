"""The report formats: how a validation report is printed. Each is one module of this package
that defines ``REPORTER``; the registry finds them, and the command line's choices and the
README's table follow from what each says of itself."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from advising_content.markdown_tables import markdown_table

if TYPE_CHECKING:
    from advising_content.validation import ValidationReport


@dataclass(frozen=True)
class Reporter:
    name: str
    # Where the format comes among the formats: in --help and the docs.
    order: int
    # What it prints, in a line of the docs and of --help.
    prints: str
    # The report as printed, given whether --strict was given.
    render: Callable[[ValidationReport, bool], str]


def formats_table() -> str:
    """The README's table of report formats."""
    rows = [(f"`{reporter.name}`", reporter.prints) for reporter in reporters().values()]
    return markdown_table(("Format", "Prints"), rows)


@cache
def reporters() -> dict[str, Reporter]:
    """Every report format, by name, in order."""
    modules = [
        importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)
    ]
    found = [module.REPORTER for module in modules if hasattr(module, "REPORTER")]
    return {reporter.name: reporter for reporter in sorted(found, key=lambda r: r.order)}
