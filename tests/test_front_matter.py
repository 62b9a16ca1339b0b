"""`export --front-matter`: each Markdown page begins with YAML front matter that reads back as
exactly the record's values, whatever text they hold, and the page after it is unchanged."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from advising_content.export.front_matter import front_matter
from conftest import ALL_FIELDS, CONTENT, EXPORT_EXAMPLES, REPO, tree

SOURCES = [CONTENT, REPO / "examples", ALL_FIELDS, EXPORT_EXAMPLES]
# How MkDocs finds YAML front matter (mkdocs.utils.meta): Jekyll and Hugo also end it at the
# first line that is '---'.
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
HOSTILE = [
    "---",
    "...",
    "a: b",
    "# not a comment",
    "x\n---\ny",
    "line\r\nbreak",
    'say "hi"',
    "it's",
    "back\\slash \\n",
    "&anchor *alias !tag | > % @ `",
    "{[flow]}, - item",
    "null",
    "yes",
    "1.0",
    "2026-01-20",
    "~",
    "",
    " spaced ",
    "tab\there",
    "next\x85line",
    "line\u2028separator",
    "paragraph\u2029separator",
    "\ufeffbyte-order mark",
    "no\u00a0break and zero\u200bwidth",
    "bell\x07 escape\x1b[31m nul\x00",
    "private\ue000 noncharacter\uffff",
    "émoji 😀 and 中文",
]


def _export(folder: Path, *options: str) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = folder / "out"
    arguments = ["export", *map(str, SOURCES), "--out", str(out), *options]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    plain = _export(tmp_path_factory.mktemp("plain"))
    return plain, _export(tmp_path_factory.mktemp("front"), "--front-matter")


def _expected(record: dict[str, Any]) -> dict[str, Any]:
    url = (record.get("source") or {}).get("url")
    return {
        "id": record["id"],
        "title": record.get("title") or record["specialty"]["name"],
        "institution": {"id": record["institution"]["id"], "name": record["institution"]["name"]},
        "specialty": record["specialty"]["name"],
        **({"source_url": url} if url else {}),
    }


def _records() -> dict[str, dict[str, Any]]:
    files = [CONTENT / "med-peds.yaml", *sorted((REPO / "examples").rglob("*.yaml"))]
    files += [ALL_FIELDS, *sorted(EXPORT_EXAMPLES.glob("*.yaml"))]
    loaded = [yaml.safe_load(path.read_text("utf-8")) for path in files]
    return {f"{record['institution']['id']}/{record['id']}": record for record in loaded}


def _split(page: str) -> tuple[dict[str, Any], str]:
    """The front matter as MkDocs finds it, read with a YAML parser, and the page after it."""
    found = MKDOCS_FRONT_MATTER.match(page)
    assert found, page[:200]
    return yaml.safe_load(found[1]), page[found.end() :]


def test_each_page_begins_with_the_records_values_and_is_otherwise_unchanged(
    exports: tuple[Path, Path],
) -> None:
    plain, front = exports
    records = _records()
    pages = sorted((front / "markdown").rglob("*.md"))
    assert len(pages) == len(records)
    for page in pages:
        key = page.relative_to(front / "markdown").with_suffix("").as_posix()
        data, rest = _split(page.read_text("utf-8"))
        assert data == _expected(records[key]), key
        assert rest == (plain / "markdown" / f"{key}.md").read_text("utf-8"), key


def test_a_source_address_is_given_when_the_record_has_one(exports: tuple[Path, Path]) -> None:
    page = (exports[1] / "markdown" / "feinberg" / "all-fields.md").read_text("utf-8")
    assert page.startswith(
        "---\n"
        'id: "all-fields"\n'
        'title: "Specialty Choice: Example Specialty"\n'
        "institution:\n"
        '  id: "feinberg"\n'
        '  name: "Example School of Medicine"\n'
        'specialty: "Example Specialty"\n'
        'source_url: "https://www.example.edu/advising/example-specialty"\n'
        "---\n# "
    )


def test_only_the_markdown_pages_change(exports: tuple[Path, Path]) -> None:
    plain, front = (tree(out) for out in exports)
    assert plain.keys() == front.keys()
    changed = {name for name in plain if plain[name] != front[name]}
    assert changed == {"manifest.json"} | {name for name in plain if name.startswith("markdown/")}


def test_front_matter_is_deterministic(tmp_path: Path, exports: tuple[Path, Path]) -> None:
    assert tree(_export(tmp_path, "--front-matter")) == tree(exports[1])


def _record(text: str) -> dict[str, Any]:
    return {
        "id": "hostile",
        "title": text,
        "institution": {"id": "school", "name": text},
        "specialty": {"name": text},
        "source": {"url": text or "https://example.edu/"},
    }


def _check_block(record: dict[str, Any]) -> None:
    block = front_matter(record)
    lines = block.split("\n")
    assert block.splitlines() == lines[:-1], "a character other than \\n breaks a line"
    assert [line for line in lines if line in ("---", "...")] == ["---", "---"]
    assert all(re.fullmatch(r'(  )?[a-z_]+:( ".*")?', line) for line in lines[1:-2]), block
    data, rest = _split(block + "# Page\n")
    assert data == _expected(record)
    assert rest == "# Page\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_no_value_can_break_out_of_its_quotes(text: str) -> None:
    _check_block(_record(text))


def test_hostile_values_are_written_as_escapes() -> None:
    block = front_matter(_record('x\n---\ny: "z" \\ \u2028\x85\ufeff\u00a0\x07 é😀'))
    assert ('title: "x\\n---\\ny: \\"z\\" \\\\ \\u2028\\u0085\\ufeff\\u00a0\\u0007 é😀"\n') in block


@given(st.text(), st.text(), st.text())
def test_any_text_reads_back_as_itself(title: str, name: str, specialty: str) -> None:
    record = _record(title) | {
        "institution": {"id": "school", "name": name},
        "specialty": {"name": specialty},
    }
    _check_block(record)


def test_the_option_is_described_in_help(cli) -> None:
    shown = " ".join(cli("export", "--help").output.split())
    assert (
        "--front-matter Begin each Markdown page with YAML front matter (id, title, institution, "
        "specialty, source URL) for static site generators."
    ) in shown
