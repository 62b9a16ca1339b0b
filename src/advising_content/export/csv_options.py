"""The options of the CSV export."""

from __future__ import annotations

from typing import NamedTuple


class PackageInfo(NamedTuple):
    """What datapackage.json says of the data that only its publisher knows, each left out when
    not given: ``license``, an Open Definition license id (such as 'CC-BY-4.0') or the web
    address of the license; ``homepage``, a web address; ``version``, a semantic version."""

    license: str | None = None
    homepage: str | None = None
    version: str | None = None


class CsvOptions(NamedTuple):
    """``excel``: begin each file with a byte-order mark, so spreadsheet programs read UTF-8.
    ``raw``: write values untouched, for machine importers, instead of neutralizing formulas.
    ``package``: the publisher's facts for datapackage.json."""

    excel: bool = False
    raw: bool = False
    package: PackageInfo = PackageInfo()
