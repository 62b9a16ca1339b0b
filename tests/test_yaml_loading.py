"""How files are read: encodings, line ends, and YAML features that content must not use."""

from __future__ import annotations

from pathlib import Path

from conftest import MED_PEDS as MED_PEDS_FILE

MED_PEDS = MED_PEDS_FILE.read_bytes()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_byte_order_mark_and_crlf_line_ends_are_fine(cli, tmp_path: Path) -> None:
    _write(tmp_path, "med-peds.yaml", b"\xef\xbb\xbf" + MED_PEDS.replace(b"\n", b"\r\n"))
    outcome = cli("validate", "med-peds.yaml", "--strict", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output == "Checked 1 file: no problems.\n"


def test_positions_count_lines_the_same_with_crlf(cli, tmp_path: Path) -> None:
    broken = MED_PEDS.replace(b"state: IL", b'state: "IL "\n    zip: x').replace(b"\n", b"\r\n")
    _write(tmp_path, "med-peds.yaml", broken)
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.problem_lines == [
        "med-peds.yaml:155:12: warning (whitespace)",
        "med-peds.yaml:156:5: error (unknown-key)",
    ]


def test_invalid_utf8_is_located_at_the_bad_byte(cli, tmp_path: Path) -> None:
    _write(tmp_path, "med-peds.yaml", MED_PEDS.replace(b"name: Cheryl Lee", b"name: Cheryl L\xe9e"))
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.problem_lines == ["med-peds.yaml:143:19: error (encoding)"]
    assert "byte 0xe9" in outcome.messages[0]
    assert "save the file as UTF-8" in outcome.messages[0]


def test_utf16_is_named_as_such(cli, tmp_path: Path) -> None:
    _write(tmp_path, "med-peds.yaml", MED_PEDS.decode("utf-8").encode("utf-16"))
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.problem_lines == ["med-peds.yaml:1:1: error (encoding)"]
    assert "UTF-16" in outcome.messages[0]


def test_a_nul_byte_is_located(cli, tmp_path: Path) -> None:
    _write(tmp_path, "med-peds.yaml", MED_PEDS.replace(b"city: Chicago", b"city: Chi\x00cago"))
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.problem_lines == ["med-peds.yaml:154:14: error (syntax)"]
    assert "U+0000" in outcome.messages[0]


def test_an_impossible_date_is_an_invalid_format(cli, tmp_path: Path) -> None:
    dated = MED_PEDS.replace(b"    term: winter\n", b'    term: winter\n    date: "2027-02-30"\n')
    _write(tmp_path, "med-peds.yaml", dated)
    outcome = cli("validate", "med-peds.yaml", cwd=tmp_path)
    assert outcome.problem_lines == ["med-peds.yaml:129:11: error (invalid-format)"]


def test_an_alias_bomb_is_rejected_without_being_expanded(cli, tmp_path: Path) -> None:
    lines = ["id: bomb", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefghij", "abcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    _write(tmp_path, "bomb.yaml", ("\n".join(lines) + "\n").encode())
    outcome = cli("validate", "bomb.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    rules = [line.rsplit(" ", 1)[1] for line in outcome.problem_lines]
    assert rules.count("(anchor)") == 10
    assert rules.count("(alias)") == 76  # the first 100 problems are shown
    assert "bomb.yaml:3:8: error (alias)" in outcome.problem_lines
    assert outcome.output.splitlines()[-2:] == [
        "bomb.yaml:11:24: note: 5 more problems in this file are not shown (5 alias); fix "
        "the problems above, then validate again (too-many-problems)",
        "Checked 1 file: 105 errors in 1 file.",
    ]


def test_a_python_tag_is_never_executed(cli, tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    payload = f"id: py\nname: !!python/object/apply:pathlib.Path.touch ['{marker}']\n"
    _write(tmp_path, "py.yaml", payload.encode())
    outcome = cli("validate", "py.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert "py.yaml:2:7: error (tag)" in outcome.problem_lines
    assert not marker.exists()
