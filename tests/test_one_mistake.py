"""One mistake, one message: a value already reported is not reported again through the checks
that build on it, and a value is shown in a message as it is written."""

from __future__ import annotations

import shutil

from conftest import MED_PEDS

RECORD = MED_PEDS


def _edited(tmp_path, old: str, new: str):
    target = tmp_path / "med-peds.yaml"
    shutil.copyfile(RECORD, target)
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


def test_an_audience_typo_is_one_error_not_one_per_question(cli, tmp_path) -> None:
    _edited(tmp_path, "audiences: [M3, M4]", "audiences: [M3, M5]")
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.output.splitlines() == [
        "med-peds.yaml:71:21: error: 'M5' is not an allowed value for item 2 of 'audiences'; "
        "use one of: 'M1', 'M2', 'M3', 'M4' (not-allowed)",
        "Checked 1 file: 1 error in 1 file.",
    ]


def test_a_wrong_audience_that_is_allowed_still_moves_the_questions(cli, tmp_path) -> None:
    _edited(tmp_path, "audiences: [M3, M4]", "audiences: [M1, M2]")
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert "(question-audience)" in outcome.output
    assert outcome.problem_lines[0] == "med-peds.yaml:73:14: error (question-audience)"


def test_a_malformed_key_is_one_error_that_says_how_to_write_it(cli, tmp_path) -> None:
    _edited(tmp_path, "- key: away-rotations", "- key: Away Rotations")
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.output.splitlines() == [
        "med-peds.yaml:82:14: error: 'Away Rotations' is not a valid identifier for 'key': a "
        "lowercase identifier: letters a-z and digits in words joined by single hyphens, such "
        "as 'cheryl-lee'; write it as 'away-rotations' (invalid-format)",
        "Checked 1 file: 1 error in 1 file.",
    ]


def test_a_line_break_shows_the_same_in_a_value_and_in_a_key(cli, tmp_path) -> None:
    _edited(
        tmp_path,
        "    audiences: [M3, M4]\n",
        '    audiences: [M3, "M4\\nM5"]\n    "new\\nkey": 1\n',
    )
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.messages == [
        "'M4\\nM5' is not an allowed value for item 2 of 'audiences'; use one of: 'M1', 'M2', "
        "'M3', 'M4'",
        "unknown key 'new\\nkey' in question group 'M3 and M4 Students'; the keys allowed here "
        "are: 'id', 'heading', 'audiences', 'questions', 'collapsed'",
    ]
