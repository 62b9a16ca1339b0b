"""Syntax errors reported at the slip, with advice that mends it.

The negative examples pin the common slips (syntax-quote-left-open, syntax-key-indented-more,
syntax-key-indented-between); these tests pin the cases where the advice must not change.
"""

from __future__ import annotations

from pathlib import Path

HEAD = """id: example
schema_version: "2.0.0"
institution:
  id: feinberg
  name: Example School of Medicine
"""


def _validate(cli, tmp_path: Path, body: str) -> list[str]:
    (tmp_path / "example.yaml").write_text(HEAD + body, encoding="utf-8")
    outcome = cli("validate", "example.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    return [line for line in outcome.output.splitlines() if line.startswith("example.yaml:")]


def test_a_colon_in_a_continued_value_may_be_text_or_a_key(cli, tmp_path) -> None:
    lines = _validate(
        cli,
        tmp_path,
        "specialty:\n  name: Example\n    Specialty: the second line\n",  # line 8
    )
    assert lines == [
        "example.yaml:8:14: error: YAML syntax error: mapping values are not allowed in this "
        "context; 'Specialty' is indented 2 spaces more than 'name' on line 7, so it reads as "
        "more of that value: line it up with 'name' if it is a key beside it, or put the whole "
        "value in quotes if the ': ' belongs to the text (syntax)"
    ]


def test_a_colon_in_a_value_on_its_own_line_gets_the_advice_to_quote(cli, tmp_path) -> None:
    lines = _validate(cli, tmp_path, "specialty:\n  name: Example: Specialty\n")
    assert lines == [
        "example.yaml:7:16: error: YAML syntax error: mapping values are not allowed in this "
        "context; a ': ' (colon and space) inside a value needs quotes: put the whole value in "
        "quotes (syntax)"
    ]


def test_a_quoted_value_over_several_lines_is_not_blamed_for_a_later_slip(cli, tmp_path) -> None:
    lines = _validate(
        cli,
        tmp_path,
        'specialty:\n  name: "Example\n    Specialty"\n   short_names: [ES]\n',  # line 9
    )
    assert lines == [
        "example.yaml:9:4: error: YAML syntax error: did not find expected key; 'short_names' "
        "is indented 1 space more than 'name' on line 7: line it up with 'name' if it is a key "
        "beside it (syntax)"
    ]


def test_a_single_quote_left_open_is_reported_where_it_opens(cli, tmp_path) -> None:
    lines = _validate(
        cli,
        tmp_path,
        "specialty:\n  name: 'Example Specialty\n  short_names: ['ES']\n",  # line 7
    )
    assert lines == [
        "example.yaml:7:9: error: YAML syntax error: the quoted value that begins here with ' "
        "is not closed on its line, so the lines after it up to the next ' (line 8) are read "
        "as part of it; end it with ' where the value ends (syntax)"
    ]
