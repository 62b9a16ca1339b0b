"""What spreadsheet programs do with text, which the CSV export and the text checks guard
against (OWASP, "CSV Injection")."""

from __future__ import annotations

# A spreadsheet runs a cell that begins with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
