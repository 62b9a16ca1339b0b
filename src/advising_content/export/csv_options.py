"""The options of the CSV export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CsvOptions:
    """``excel``: begin each file with a byte-order mark, so spreadsheet programs read UTF-8.
    ``raw``: write values untouched, for machine importers, instead of neutralizing formulas."""

    excel: bool = False
    raw: bool = False
