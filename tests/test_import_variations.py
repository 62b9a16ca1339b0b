"""What copying a page does to its text does not change what ``import`` makes of it: blank
lines, leading spaces, non-breaking spaces, typographic quotes, Windows line ends, a heading's
trailing colon, or the page saved as HTML instead of copied."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SOURCES

PAGES = [*sorted((SOURCES / "pages").glob("*.txt")), SOURCES / "med-peds-advising-page.txt"]
_HEADINGS = re.compile(r"(?im)^(\s*for more information)$")


def _more_blank_lines(text: str) -> str:
    return "\n\n" + re.sub(r"\n\n+", lambda run: run.group(0) * 2, text) + "\n\n\n"


def _fewer_blank_lines(text: str) -> str:
    return re.sub(r"\n\n+", "\n\n", text)


def _leading_spaces(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.split("\n"))


def _non_breaking_spaces(text: str) -> str:
    return "\n".join(line.replace(" ", "\u00a0") + "\u00a0" for line in text.split("\n"))


def _windows_line_ends(text: str) -> str:
    return text.replace("\n", "\r\n")


def _typographic_quotes(text: str) -> str:
    text = re.sub(r'"(\S)', "“\\1", text)
    return text.replace('"', "”").replace("'", "\u2019")


def _colons_moved(text: str) -> str:
    text = _HEADINGS.sub(r"\1:", text.replace("Advisor:\n", "Advisor\n"))
    return re.sub(r"(?m)^(.*Students)$", r"\1:", text)


VARIATIONS: dict[str, Callable[[str], str]] = {
    "more blank lines": _more_blank_lines,
    "fewer blank lines": _fewer_blank_lines,
    "leading spaces": _leading_spaces,
    "non-breaking spaces": _non_breaking_spaces,
    "windows line ends": _windows_line_ends,
    "typographic quotes": _typographic_quotes,
    "trailing colons": _colons_moved,
}


def _folded(value: Any) -> Any:
    """What the variations change in a record's text: quote marks and a trailing colon."""
    if isinstance(value, dict):
        return {key: _folded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_folded(item) for item in value]
    if isinstance(value, str):
        return value.translate(str.maketrans("“”\u2019", '""\'')).removesuffix(":")
    return value


def _imported(cli: Any, page: Path, out: Path) -> dict[str, Any]:
    outcome = cli(
        "import", str(page), "--out", str(out), "--id", "page", "--name", "Specialty",
        "--institution", "A School of Medicine", "--institution-id", "school",
    )  # fmt: skip
    assert outcome.exit_code in (0, 1), outcome.output
    record: dict[str, Any] = yaml.safe_load((out / "page.yaml").read_text("utf-8"))
    record.pop("id")
    return record


@pytest.mark.parametrize("variation", VARIATIONS)
@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_a_variation_of_the_copy_imports_the_same(
    cli: Any, tmp_path: Path, page: Path, variation: str
) -> None:
    text = page.read_text("utf-8")
    varied = tmp_path / "varied" / page.name
    varied.parent.mkdir()
    varied.write_bytes(VARIATIONS[variation](text).encode("utf-8"))
    expected = _imported(cli, page, tmp_path / "original")
    assert _folded(_imported(cli, varied, tmp_path / "out")) == _folded(expected)


def as_html(text: str) -> str:
    """The page as a browser saves it: a paragraph per run of lines, a line break between the
    lines of a run, bulleted lines as a list, the capture note as the canonical address."""
    lines = text.split("\n")
    head = ""
    if lines[0].startswith("source: "):
        head = f'<link rel="canonical" href="{html.escape(lines.pop(0)[8:].strip())}">'
    body = []
    for run in re.split(r"\n\s*\n", "\n".join(lines)):
        rows = [row.strip() for row in run.split("\n") if row.strip()]
        if rows and all(row.startswith("•") for row in rows):
            items = "".join(f"<li>{html.escape(row[1:].strip())}</li>" for row in rows)
            body.append(f"<ul>\n{items}</ul>")
        elif rows:
            body.append("<p>" + "<br>\n".join(map(html.escape, rows)) + "</p>")
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>A page</title>{head}"
        "<style>p { margin: 0 }</style><script>var hidden = 'not page text';</script></head>"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_a_page_saved_as_html_imports_as_its_copy(cli: Any, tmp_path: Path, page: Path) -> None:
    saved = tmp_path / "saved" / f"{page.stem}.html"
    saved.parent.mkdir()
    saved.write_text(as_html(page.read_text("utf-8")), "utf-8")
    assert _imported(cli, saved, tmp_path / "out") == _imported(cli, page, tmp_path / "copy")
