"""``advising-content fix``: what needs no judgement is mended in place, and every other byte of
the file is kept; what cannot be mended safely is said, with its place, and left."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advising_content.mending import MENDABLE_RULES
from advising_content.mending.characters import BECOMES_SPACE, REMOVED
from advising_content.mending.mender import mend_text
from advising_content.mending.scalars import reads
from advising_content.rules import catalogue
from conftest import MED_PEDS, REPO
from unprivileged import run_unprivileged

RECORD = """\
# A record with nothing to mend.
id: fixing
schema_version: "2.0.0"
institution:
  id: feinberg
  name: Example School of Medicine
specialty:
  name: Example Specialty
  short_names: [ES]
question_groups:
  - id: m3-m4
    heading: M3 and M4 Students
    audiences: [M3, M4]
    questions:
      - key: away-rotations
        question: Does your specialty recommend doing away rotations?
        # As the page says:
        answer: Yes, one or two.
        stance: recommended
"""
NOTHING_TO_MEND = "Checked 1 file: 0 mended, 1 with nothing to mend, 0 not mended.\n"
ONE_MENDED = "Checked 1 file: 1 mended, 0 with nothing to mend, 0 not mended.\n"


def _record(folder: Path, text: str, name: str = "fixing.yaml") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _edited(*replacements: tuple[str, str]) -> str:
    text = RECORD
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _mends(cli, tmp_path: Path, before: str, after: str, told: str) -> None:
    """Fixing ``before`` writes exactly ``after``, says ``told`` and exits 0; validate then
    finds nothing, and fixing again changes nothing."""
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert (outcome.exit_code, outcome.output) == (0, f"Mended fixing.yaml: {told}.\n" + ONE_MENDED)
    assert path.read_bytes() == after.encode("utf-8")
    validated = cli("validate", "--strict", "fixing.yaml", cwd=tmp_path)
    assert validated.output == "Checked 1 file: no problems.\n"
    again = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert (again.exit_code, again.output) == (0, NOTHING_TO_MEND)
    assert path.read_bytes() == after.encode("utf-8")


def test_the_record_has_nothing_to_mend(cli, tmp_path: Path) -> None:
    _record(tmp_path, RECORD)
    assert cli("validate", "--strict", "fixing.yaml", cwd=tmp_path).exit_code == 0


def test_a_file_with_nothing_to_mend_is_not_written(cli, tmp_path: Path) -> None:
    path = _record(tmp_path, RECORD.replace("\n", "\r\n"))
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert (outcome.exit_code, outcome.output) == (0, NOTHING_TO_MEND)
    assert path.read_bytes() == RECORD.replace("\n", "\r\n").encode("utf-8")
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert [entry.name for entry in tmp_path.iterdir()] == ["fixing.yaml"]


def test_a_non_breaking_space_becomes_an_ordinary_one(cli, tmp_path: Path) -> None:
    _mends(
        cli,
        tmp_path,
        _edited(("name: Example Specialty", "name: Example\u00a0Specialty")),
        RECORD,
        "1 non-breaking space replaced with an ordinary space",
    )


def test_special_spaces_written_as_escapes_are_mended_as_escapes(cli, tmp_path: Path) -> None:
    _mends(
        cli,
        tmp_path,
        _edited(("[ES]", '["E\\u200bS", "F\\_G", "H\\u202fI"]')),
        _edited(("[ES]", '["ES", "F G", "H I"]')),
        "2 non-breaking spaces replaced with ordinary spaces, "
        "1 invisible zero-width character removed",
    )


def test_every_zero_width_character_is_removed(cli, tmp_path: Path) -> None:
    _mends(
        cli,
        tmp_path,
        _edited(
            ("name: Example Specialty", "name: Ex\u200bam\u200cple \u200dSpe\u2060cial\ufeffty")
        ),
        RECORD,
        "5 invisible zero-width characters removed",
    )


def test_a_joiner_between_emoji_is_left_and_said(cli, tmp_path: Path) -> None:
    before = _edited(("name: Example Specialty", "name: Example \U0001f469\u200d\u2695 Specialty"))
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "fixing.yaml:8:9: mend by hand: 'name' contains a zero-width joiner (U+200D) after "
        "'\U0001f469'; replace it with an ordinary space, or remove it (special-space)\n"
        "Checked 1 file: 0 mended, 1 with nothing to mend, 0 not mended; "
        "1 problem to mend by hand.\n"
    )
    assert path.read_bytes() == before.encode("utf-8")


def test_past_100_problems_left_in_a_file_the_rest_are_counted(cli, tmp_path: Path) -> None:
    names = ", ".join(f"E{number} \U0001f469\u200d\u2695" for number in range(101))
    _record(tmp_path, _edited(("[ES]", f"[{names}]")))
    lines = cli("fix", "fixing.yaml", cwd=tmp_path).output.splitlines()
    assert len(lines) == 102
    assert lines[99].startswith("fixing.yaml:9:")
    assert lines[99].endswith(
        "item 100 of 'short_names' contains a zero-width joiner (U+200D) "
        "after '\U0001f469'; replace it with an ordinary space, or remove it "
        "(special-space)"
    )
    assert lines[100:] == [
        "fixing.yaml: 1 more problem to mend by hand",
        "Checked 1 file: 0 mended, 1 with nothing to mend, 0 not mended; "
        "101 problems to mend by hand.",
    ]


def test_spaces_around_a_text_are_removed_inside_its_quotes(cli, tmp_path: Path) -> None:
    _mends(
        cli,
        tmp_path,
        _edited(
            ("name: Example School of Medicine", "name: ' Example School of Medicine\u00a0'"),
            ("name: Example Specialty", 'name: "\\tExample Specialty\\n"'),
        ),
        _edited(
            ("name: Example School of Medicine", "name: 'Example School of Medicine'"),
            ("name: Example Specialty", 'name: "Example Specialty"'),
        ),
        "2 texts with spaces or line breaks removed from their start or end",
    )


def test_a_block_that_ends_with_line_breaks_strips_them(cli, tmp_path: Path) -> None:
    block = "answer: {}\n          Yes, one\n          or two.\u00a0\n\n        stance"
    _mends(
        cli,
        tmp_path,
        _edited(("answer: Yes, one or two.\n        stance", block.format(">"))),
        _edited(
            (
                "answer: Yes, one or two.\n        stance",
                block.format(">-").replace("\u00a0", ""),
            )
        ),
        "1 text with spaces or line breaks removed from its start or end",
    )


def test_a_kept_block_strips_instead(cli, tmp_path: Path) -> None:
    before = (
        "answer: |+ # the page's lines\n          Yes, one\n          or two.\n\n\n        stance"
    )
    _mends(
        cli,
        tmp_path,
        _edited(("answer: Yes, one or two.\n        stance", before)),
        _edited(
            (
                "answer: Yes, one or two.\n        stance",
                before.replace("|+", "|-"),
            )
        ),
        "1 text with spaces or line breaks removed from its start or end",
    )


def test_spaces_that_begin_a_block_are_left_to_the_editor(cli, tmp_path: Path) -> None:
    before = _edited(
        (
            "answer: Yes, one or two.",
            "answer: |2-\n           Yes, one\n          or two.",
        )
    )
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "fixing.yaml:18:17: mend by hand: 'answer' begins with a space or line break; "
        "remove it (whitespace)\n"
        "Checked 1 file: 0 mended, 1 with nothing to mend, 0 not mended; "
        "1 problem to mend by hand.\n"
    )
    assert path.read_bytes() == before.encode("utf-8")


def test_a_mend_that_would_change_the_yaml_around_it_is_not_made(cli, tmp_path: Path) -> None:
    # Without its leading non-breaking space, '- Example' would begin a list; the other mend of
    # the file is made all the same.
    before = _edited(
        ("name: Example Specialty", "name: \u00a0- Example"),
        ("stance: recommended", "stance: no"),
    )
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "Mended fixing.yaml: 1 value put in quotes, so that it is read as text.\n"
        "fixing.yaml:8:9: mend by hand: 'name' contains a non-breaking space (U+00A0) at its "
        "start; replace it with an ordinary space, or remove it (special-space)\n"
        "fixing.yaml:8:9: mend by hand: 'name' begins with a space or line break; remove it "
        "(whitespace)\n"
        "Checked 1 file: 1 mended, 0 with nothing to mend, 0 not mended; "
        "2 problems to mend by hand.\n"
    )
    assert path.read_bytes() == before.replace("stance: no", 'stance: "no"').encode("utf-8")


def test_yaml_1_1_values_where_text_belongs_are_quoted(cli, tmp_path: Path) -> None:
    _mends(
        cli,
        tmp_path,
        _edited(
            ("name: Example Specialty", "name: yes"),
            ("[ES]", "[no, 1.5, ~, 2026-01-15, '17:30']"),
            ("answer: Yes, one or two.", "answer: 17:30"),
        ),
        _edited(
            ("name: Example Specialty", 'name: "yes"'),
            ("[ES]", '["no", "1.5", "~", "2026-01-15", \'17:30\']'),
            ("answer: Yes, one or two.", 'answer: "17:30"'),
        ),
        "6 values put in quotes, so that they are read as text",
    )


def test_a_key_yaml_reads_as_yes_or_no_is_quoted(cli, tmp_path: Path) -> None:
    path = _record(tmp_path, _edited(("  short_names: [ES]\n", "  short_names: [ES]\n  on: 1\n")))
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.output == (
        "Mended fixing.yaml: 1 value put in quotes, so that it is read as text.\n" + ONE_MENDED
    )
    assert path.read_text("utf-8") == _edited(
        ("  short_names: [ES]\n", '  short_names: [ES]\n  "on": 1\n')
    )


FOUR_SPACES = """\
id: fixing
schema_version: "2.0.0"
institution:
    id: feinberg
    name: Example School of Medicine
specialty:
    name: Example Specialty
question_groups:
    - id: m3-m4
      heading: M3 and M4 Students
      audiences: [M3, M4]
      questions:
          - key: away-rotations
            question: Does your specialty recommend doing away rotations?
            answer: Yes, one or two.
"""


def test_tabs_that_indent_become_the_files_own_step(cli, tmp_path: Path) -> None:
    # With tabs 2 or 8 spaces wide, the file would not parse; 4 is its step.
    tabbed = FOUR_SPACES.replace("\n    name: Example Specialty", "\n\tname: Example Specialty")
    tabbed = tabbed.replace("\n      heading", "\n\t  heading")
    tabbed = tabbed.replace("\n      audiences", "\n \t  audiences")
    tabbed = tabbed.replace("\n          - key", "\n\t\t  - key")
    assert tabbed.count("\t") == 5
    _mends(cli, tmp_path, tabbed, FOUR_SPACES, "4 lines indented with spaces instead of tabs")


def test_tabs_whose_width_changes_what_the_file_says_are_left(cli, tmp_path: Path) -> None:
    # Two spaces wide, the tab makes 'short_names' a key beside 'name'; four, a key inside it.
    before = _edited(("name: Example Specialty\n", "name:\n\tshort_names: [ES]\n"))
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "fixing.yaml:9:1: not mended: this line is indented with a tab, and the file reads "
        "differently depending on how many spaces a tab is; indent the lines that begin with "
        "tabs with spaces\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )
    assert path.read_bytes() == before.encode("utf-8")


def test_a_tab_inside_a_block_of_text_is_kept(cli, tmp_path: Path) -> None:
    block = "answer: |-\n          Yes, one\n          \tor two."
    before = _edited(
        ("\n  name: Example Specialty", "\n\tname: Example Specialty"),
        ("answer: Yes, one or two.", block),
    )
    after = _edited(("answer: Yes, one or two.", block))
    _mends(cli, tmp_path, before, after, "1 line indented with spaces instead of tabs")


def test_a_syntax_error_is_told_with_its_place_and_the_file_left(cli, tmp_path: Path) -> None:
    before = _edited(
        ("heading: M3 and M4 Students", "heading: Note: M3"),
        ("name: Example Specialty", "name: Example\u00a0Specialty"),
    )
    path = _record(tmp_path, before)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "fixing.yaml:12:18: not mended: YAML syntax error: mapping values are not allowed in "
        "this context; a ': ' (colon and space) inside a value needs quotes: put the whole "
        "value in quotes\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )
    assert path.read_bytes() == before.encode("utf-8")
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_tabs_mended_leave_the_syntax_error_after_them_told(cli, tmp_path: Path) -> None:
    before = _edited(
        ("\n  name: Example Specialty", "\n\tname: Example Specialty"),
        ("heading: M3 and M4 Students", "heading: Note: M3"),
    )
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.output.splitlines()[0] == (
        "fixing.yaml:12:18: not mended: YAML syntax error: mapping values are not allowed in "
        "this context; a ': ' (colon and space) inside a value needs quotes: put the whole "
        "value in quotes"
    )
    assert path.read_bytes() == before.encode("utf-8")


def test_crlf_line_ends_and_a_byte_order_mark_are_kept(cli, tmp_path: Path) -> None:
    before = "\ufeff" + _edited(
        ("\n  name: Example Specialty", "\n\tname: Example\u00a0Specialty"),
        ("stance: recommended", "stance: no"),
    ).replace("\n", "\r\n")
    after = "\ufeff" + _edited(("stance: recommended", 'stance: "no"')).replace("\n", "\r\n")
    path = _record(tmp_path, before)
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.output == (
        "Mended fixing.yaml: 1 non-breaking space replaced with an ordinary space, "
        "1 value put in quotes, so that it is read as text, "
        "1 line indented with spaces instead of tabs.\n" + ONE_MENDED
    )
    assert path.read_bytes() == after.encode("utf-8")


def test_diff_shows_the_changes_and_writes_nothing(cli, tmp_path: Path) -> None:
    before = _edited(
        ("\n  name: Example Specialty", "\n\tname: Example\u00a0Specialty"),
        ("stance: recommended", "stance: no"),
    )
    path = _record(tmp_path, before)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    outcome = cli("fix", "--diff", "fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "Would mend fixing.yaml: 1 non-breaking space replaced with an ordinary space, "
        "1 value put in quotes, so that it is read as text, "
        "1 line indented with spaces instead of tabs.\n"
        "--- fixing.yaml\n"
        "+++ fixing.yaml (mended)\n"
        "@@ -5,7 +5,7 @@\n"
        "   id: feinberg\n"
        "   name: Example School of Medicine\n"
        " specialty:\n"
        "-\\tname: Example\\xa0Specialty\n"
        "+  name: Example Specialty\n"
        "   short_names: [ES]\n"
        " question_groups:\n"
        "   - id: m3-m4\n"
        "@@ -16,4 +16,4 @@\n"
        "         question: Does your specialty recommend doing away rotations?\n"
        "         # As the page says:\n"
        "         answer: Yes, one or two.\n"
        "-        stance: no\n"
        '+        stance: "no"\n'
        "Checked 1 file: 1 to mend, 0 with nothing to mend, 0 not mended.\n"
    )
    assert path.read_bytes() == before.encode("utf-8")
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert [entry.name for entry in tmp_path.iterdir()] == ["fixing.yaml"]


def test_diff_with_nothing_to_mend_exits_0(cli, tmp_path: Path) -> None:
    _record(tmp_path, RECORD)
    outcome = cli("fix", "--diff", "fixing.yaml", cwd=tmp_path)
    assert (outcome.exit_code, outcome.output) == (
        0,
        "Checked 1 file: 0 to mend, 1 with nothing to mend, 0 not mended.\n",
    )


def test_diff_places_what_is_left_in_the_file_as_it_is(cli, tmp_path: Path) -> None:
    # The tab that is mended comes before the joiner that is left, on the same line.
    before = _edited(
        ("\n  name: Example Specialty", "\n\tname: Example \U0001f469\u200d\u2695 Specialty")
    )
    _record(tmp_path, before)
    left = (
        "mend by hand: 'name' contains a zero-width joiner (U+200D) after "
        "'\U0001f469'; replace it with an ordinary space, or remove it (special-space)"
    )
    shown = cli("fix", "--diff", "fixing.yaml", cwd=tmp_path)
    assert f"fixing.yaml:8:8: {left}" in shown.output.splitlines()
    mended = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert mended.output.splitlines()[1] == f"fixing.yaml:8:9: {left}"


def test_after_fix_validate_no_longer_reports_the_mended_problems(cli, tmp_path: Path) -> None:
    before = _edited(
        ("name: Example School of Medicine", "name: Example School of Medicine\u00a0"),
        ("name: Example Specialty", "name: Example\u200bSpecialty"),
        ("stance: recommended", "stance: depends\n        months: [november]"),
        ("[ES]", "[yes]"),
    )
    _record(tmp_path, before)
    problems = cli("validate", "fixing.yaml", cwd=tmp_path).problem_lines
    assert problems == [
        "fixing.yaml:6:9: warning (special-space)",
        "fixing.yaml:6:9: warning (whitespace)",
        "fixing.yaml:8:9: warning (special-space)",
        "fixing.yaml:9:17: error (implicit-type)",
        "fixing.yaml:20:17: error (fact-not-taken)",
    ]
    assert cli("fix", "fixing.yaml", cwd=tmp_path).exit_code == 0
    after = cli("validate", "fixing.yaml", cwd=tmp_path).problem_lines
    assert after == ["fixing.yaml:20:17: error (fact-not-taken)"]


def test_a_mended_file_keeps_its_permissions(cli, tmp_path: Path) -> None:
    path = _record(tmp_path, _edited(("stance: recommended", "stance: no")))
    path.chmod(0o640)
    cli("fix", "fixing.yaml", cwd=tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert 'stance: "no"' in path.read_text("utf-8")


def test_a_folder_is_searched_and_each_file_told(cli, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    _record(tmp_path / "content", RECORD)
    other = RECORD.replace("fixing", "other").replace("stance: recommended", "stance: no")
    _record(tmp_path / "content", other, "other.yaml")
    outcome = cli("fix", cwd=tmp_path)
    assert outcome.output == (
        "Mended content/other.yaml: 1 value put in quotes, so that it is read as text.\n"
        "Checked 2 files: 1 mended, 1 with nothing to mend, 0 not mended.\n"
    )


def test_a_link_out_of_the_folder_is_not_written_through(cli, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = _record(elsewhere, _edited(("stance: recommended", "stance: no")))
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "fixing.yaml").symlink_to(target)
    before = target.read_bytes()
    outcome = cli("fix", "content/fixing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "content/fixing.yaml:1:1: not mended: the file is a symbolic link to a file outside "
        "the folder checked, so it was not changed; run fix on the file it leads to\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )
    assert target.read_bytes() == before
    searched = cli("fix", "content", cwd=tmp_path)
    assert searched.output.splitlines()[0] == (
        "content/fixing.yaml:1:1: not mended: this is a symbolic link to a file outside "
        "content, so it was not read; move the file into content, or name it on the command "
        "line to check it"
    )
    assert target.read_bytes() == before


def test_a_link_inside_the_folder_is_written_through_and_stays_a_link(cli, tmp_path: Path) -> None:
    (tmp_path / "content" / "records").mkdir(parents=True)
    target = _record(
        tmp_path / "content" / "records", _edited(("stance: recommended", "stance: no"))
    )
    link = tmp_path / "content" / "fixing.yaml"
    link.symlink_to(Path("records") / "fixing.yaml")
    outcome = cli("fix", "content/fixing.yaml", cwd=tmp_path)
    assert outcome.output.splitlines()[0] == (
        "Mended content/fixing.yaml: 1 value put in quotes, so that it is read as text."
    )
    assert link.is_symlink()
    assert 'stance: "no"' in target.read_text("utf-8")


def test_a_read_only_file_is_left_as_it_is(tmp_path: Path) -> None:
    path = _record(tmp_path, _edited(("stance: recommended", "stance: no")))
    before = path.read_bytes()
    path.chmod(0o444)
    result = run_unprivileged(["fix", "fixing.yaml"], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "fixing.yaml:1:1: not mended: the file is read-only, so it was not changed\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )
    assert path.read_bytes() == before


def test_a_file_in_a_folder_that_cannot_be_written_is_told(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    path = _record(tmp_path / "locked", _edited(("stance: recommended", "stance: no")))
    before = path.read_bytes()
    (tmp_path / "locked").chmod(0o555)
    try:
        result = run_unprivileged(["fix", "locked"], cwd=tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.returncode == 1
    assert result.stdout == (
        "locked/fixing.yaml:1:1: not mended: the file cannot be written: Permission denied\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )
    assert path.read_bytes() == before
    assert sorted(entry.name for entry in (tmp_path / "locked").iterdir()) == ["fixing.yaml"]


def test_a_file_that_is_not_utf8_is_told(cli, tmp_path: Path) -> None:
    path = tmp_path / "fixing.yaml"
    path.write_bytes(RECORD.encode("utf-8").replace(b"Example Specialty", b"Example\xa0Specialty"))
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.output == (
        "fixing.yaml:8:16: not mended: the file is not UTF-8 text: byte 0xa0 cannot be read "
        "here; save the file as UTF-8\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )


def test_a_file_too_large_to_be_a_record_is_told(cli, tmp_path: Path) -> None:
    padding = 2 * 1024 * 1024 - len(RECORD) - 3
    _record(tmp_path, RECORD + "# " + "x" * padding + "\n")
    assert (tmp_path / "fixing.yaml").stat().st_size == 2 * 1024 * 1024
    outcome = cli("fix", "fixing.yaml", cwd=tmp_path)
    assert outcome.output == (
        "fixing.yaml:1:1: not mended: the file is 2 MiB; a content file may be at most "
        "1 MiB, so it was not read\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )


def test_a_broken_link_in_the_folder_is_told(cli, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "fixing.yaml").symlink_to("gone.yaml")
    outcome = cli("fix", "content", cwd=tmp_path)
    assert outcome.output == (
        "content/fixing.yaml:1:1: not mended: the file cannot be read: No such file or "
        "directory\n"
        "Checked 1 file: 0 mended, 0 with nothing to mend, 1 not mended.\n"
    )


def test_a_path_that_does_not_exist_is_a_usage_error(cli, tmp_path: Path) -> None:
    outcome = cli("fix", "missing.yaml", cwd=tmp_path)
    assert outcome.exit_code == 2
    # The line between, "Try 'advising-content fix --help' for help.", is click's, and its
    # wording changes with click's version (8.1 names -h).
    lines = outcome.output.splitlines()
    assert lines[0] == "Usage: advising-content fix [OPTIONS] [PATH]..."
    assert lines[-1] == "Error: Invalid value for '[PATH]...': 'missing.yaml' does not exist"


def test_without_a_path_or_a_content_folder_is_a_usage_error(cli, tmp_path: Path) -> None:
    outcome = cli("fix", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.endswith(
        "Error: no PATH given and there is no content/ directory here; name the content files "
        "or directories to check\n"
    )


def test_the_installed_command_mends_too(tmp_path: Path) -> None:
    path = _record(tmp_path, _edited(("stance: recommended", "stance: no")))
    result = run_unprivileged(["fix", "fixing.yaml"], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Mended fixing.yaml: 1 value put in quotes, so that it is read as text.\n" + ONE_MENDED
    )
    assert 'stance: "no"' in path.read_text("utf-8")


def test_the_mendable_rules_are_rules_of_the_validator() -> None:
    assert sorted(MENDABLE_RULES) == ["implicit-type", "special-space", "whitespace"]
    assert MENDABLE_RULES.issubset(catalogue())


def test_the_special_spaces_mended_are_those_the_validator_reports() -> None:
    from advising_content.text_checks import special_space

    assert BECOMES_SPACE.isdisjoint(REMOVED)
    for character in BECOMES_SPACE | REMOVED:
        assert special_space("'x'", f"a{character}b") is not None
    others = {chr(code) for code in range(0x20, 0x3000)} - BECOMES_SPACE - REMOVED
    assert [c for c in sorted(others) if special_space("'x'", f"a{c}b") is not None] == []


def test_the_readme_example_is_real(cli, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### Mending mechanical problems: `fix`", 1)[1]
    example = re.search(r"```\n(Mended content/med-peds\.yaml: .+?\n)```", section, re.DOTALL)
    assert example is not None
    (tmp_path / "content").mkdir()
    record = MED_PEDS.read_text("utf-8")
    record = record.replace("name: Cheryl Lee", "name: Cheryl\u00a0Lee")
    record = record.replace('postal_code: "60611"', "postal_code: 60611")
    (tmp_path / "content" / "med-peds.yaml").write_text(record, "utf-8")
    outcome = cli("fix", cwd=tmp_path)
    assert outcome.output == example[1]
    assert (tmp_path / "content" / "med-peds.yaml").read_bytes() == MED_PEDS.read_bytes()


@pytest.mark.parametrize("option", ["--help", "-h"])
def test_help_names_what_is_mended(cli, option: str) -> None:
    outcome = cli("fix", option)
    assert outcome.exit_code == 0
    assert "Mend in place what needs no judgement" in outcome.output
    assert "--diff" in outcome.output


_PIECES = ["\u00a0", "\u200b", "\u200d", "\ufeff", "\u3000", "\t", " ", "\n", "\r\n", "yes",
           "1.5", "~", "'", '"', "\\", "#", ": ", "- ", "|", ">", "\x85", "\U0001f469"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, len(RECORD)), st.sampled_from(_PIECES)), max_size=5),
    st.sets(st.integers(1, RECORD.count("\n  ")), max_size=3),
)
def test_whatever_the_text_mending_it_is_safe_and_done_once(insertions, tabbed) -> None:
    text = RECORD
    indented = [found.start() for found in re.finditer("\n  ", RECORD)]
    for number in sorted(tabbed, reverse=True):  # these lines begin with a tab, not 2 spaces
        at = indented[number - 1]
        text = text[: at + 1] + "\t" + text[at + 3 :]
    for at, piece in sorted(insertions, reverse=True):
        text = text[:at] + piece + text[at:]
    mending = mend_text("fixing.yaml", text)
    if mending.note is None and mending.after != text:
        assert reads(mending.after)
        again = mend_text("fixing.yaml", mending.after)
        assert (again.after, again.note) == (mending.after, None)
