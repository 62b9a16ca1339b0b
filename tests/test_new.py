"""``advising-content new``: a record to fill in, failing validation until it is filled in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from advising_content.question_bank import load_question_bank

PLACEHOLDER_LINE = re.compile(r"^(\s+)TODO: .*$", re.MULTILINE)


def test_new_writes_every_bank_question_under_its_audience(cli, tmp_path: Path) -> None:
    outcome = cli(
        "new", "cardiology", "--name", "Cardiology", "--institution", "feinberg", cwd=tmp_path
    )
    assert outcome.exit_code == 0, outcome.output
    path = tmp_path / "content" / "cardiology.yaml"
    assert outcome.output.startswith(f"Wrote {Path('content', 'cardiology.yaml')}.")
    record = yaml.safe_load(path.read_text("utf-8"))
    assert record["id"] == "cardiology"
    assert record["institution"]["id"] == "feinberg"
    assert record["specialty"] == {"name": "Cardiology"}
    bank = load_question_bank()
    core = [
        (g.id, g.heading, list(g.audiences), [q.key for q in g.questions if q.core])
        for g in bank.groups
    ]
    assert [
        (group["id"], group["heading"], group["audiences"], [q["key"] for q in group["questions"]])
        for group in record["question_groups"]
    ] == core
    others = ", ".join(q.key for q in bank.questions if not q.core)
    assert f"# {others}." in path.read_text("utf-8")
    for group in record["question_groups"]:
        for entry in group["questions"]:
            assert entry["question"] == bank.get(entry["key"]).question  # type: ignore[union-attr]


def test_a_new_record_fails_with_a_located_error_per_placeholder(cli, tmp_path: Path) -> None:
    cli("new", "cardiology", "--name", "Cardiology", "--institution", "feinberg", cwd=tmp_path)
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.exit_code == 1
    text = (tmp_path / "content" / "cardiology.yaml").read_text("utf-8")
    # Each placeholder is a folded block; the problem points at the block's '>-' indicator.
    expected = []
    for match in PLACEHOLDER_LINE.finditer(text):
        line = text.count("\n", 0, match.start())  # the line above, 1-based
        column = text.splitlines()[line - 1].index(">-") + 1
        expected.append(f"content/cardiology.yaml:{line}:{column}: error (placeholder)")
    assert len(expected) == 12  # the institution and the 11 answers
    assert outcome.problem_lines == expected


def test_a_filled_in_record_validates_with_no_further_change(cli, tmp_path: Path) -> None:
    cli("new", "cardiology", "--name", "Cardiology", "--institution", "feinberg", cwd=tmp_path)
    path = tmp_path / "content" / "cardiology.yaml"
    answers = iter(["Example School of Medicine", "Yes", "no", "1.0", "2027-01-20", "null"] * 3)
    path.write_text(
        PLACEHOLDER_LINE.sub(lambda m: m[1] + next(answers), path.read_text("utf-8")), "utf-8"
    )
    assert "TODO" not in path.read_text("utf-8")
    outcome = cli("validate", "--strict", cwd=tmp_path)
    assert outcome.output == "Checked 1 file: no problems.\n"
    assert outcome.exit_code == 0


def test_new_needs_the_institution_id(cli, tmp_path: Path) -> None:
    missing = cli("new", "cardiology", "--name", "Cardiology", cwd=tmp_path)
    assert missing.exit_code == 2
    assert "Missing option '--institution'" in missing.output
    wrong = cli("new", "cardiology", "--name", "C", "--institution", "Feinberg", cwd=tmp_path)
    assert wrong.exit_code == 2
    assert (
        "'Feinberg' is not an institution id: use lowercase letters, digits and single hyphens, "
        "such as 'feinberg'" in wrong.output
    )
    assert not (tmp_path / "content").exists()


def test_the_optional_parts_shown_in_comments_are_valid(cli, tmp_path: Path) -> None:
    cli("new", "cardiology", "--name", "Cardiology", "--institution", "feinberg", cwd=tmp_path)
    path = tmp_path / "content" / "cardiology.yaml"
    text = PLACEHOLDER_LINE.sub(lambda m: m[1] + "Filled in.", path.read_text("utf-8"))
    head, optional = text.split("# Parts a page may also have", 1)
    uncommented = re.sub(r"^# ?", "", optional.split("\n", 2)[2], flags=re.MULTILINE)
    path.write_text(head + uncommented, "utf-8")
    outcome = cli("validate", "--strict", cwd=tmp_path)
    assert outcome.output == "Checked 1 file: no problems.\n"


def test_a_name_with_yaml_syntax_is_kept_as_text(cli, tmp_path: Path) -> None:
    name = 'Surgery: "General" & #1 — Ünïcödé'
    outcome = cli(
        "new",
        "surgery",
        "--name",
        name,
        "--institution",
        "feinberg",
        "--out",
        "records",
        cwd=tmp_path,
    )
    assert outcome.exit_code == 0
    record = yaml.safe_load((tmp_path / "records" / "surgery.yaml").read_text("utf-8"))
    assert record["specialty"]["name"] == name


def test_an_existing_file_is_never_overwritten(cli, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "cardiology.yaml").write_text("mine\n")
    outcome = cli(
        "new", "cardiology", "--name", "Cardiology", "--institution", "feinberg", cwd=tmp_path
    )
    assert outcome.exit_code == 1
    assert "already exists" in outcome.output
    assert (tmp_path / "content" / "cardiology.yaml").read_text() == "mine\n"
    assert [p.name for p in (tmp_path / "content").iterdir()] == ["cardiology.yaml"]


@pytest.mark.parametrize(
    "record_id", ["Cardiology", "heart_surgery", "x-", "a--b", "a/b", "", "../x"]
)
def test_an_id_that_is_not_a_slug_is_a_usage_error(cli, tmp_path: Path, record_id: str) -> None:
    outcome = cli("new", record_id, "--name", "X", "--institution", "feinberg", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "is not a record id" in outcome.output
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize("name", ["", "   ", "two\nlines"])
def test_a_blank_or_multiline_name_is_a_usage_error(cli, tmp_path: Path, name: str) -> None:
    outcome = cli("new", "x", "--name", name, "--institution", "feinberg", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.splitlines()[-1] == (
        "Error: Invalid value for '--name': give the specialty's name as the page writes it, on "
        "one line"
    )
    assert not (tmp_path / "content").exists()


def test_a_folder_that_cannot_be_written_is_an_error_not_a_crash(tmp_path: Path) -> None:
    from test_permissions import mode
    from unprivileged import run_unprivileged

    (tmp_path / "content").mkdir()
    with mode(tmp_path / "content", 0o555):
        result = run_unprivileged(
            ["new", "surgery", "--name", "Surgery", "--institution", "feinberg"], tmp_path
        )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "Error: cannot write content/surgery.yaml: Permission denied\n"
    assert list((tmp_path / "content").iterdir()) == []


def test_name_is_required(cli, tmp_path: Path) -> None:
    outcome = cli("new", "cardiology", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "Missing option '--name'" in outcome.output


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_the_new_file_has_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    import subprocess

    from conftest import console_script

    result = subprocess.run(
        [
            str(console_script()),
            "new",
            "surgery",
            "--name",
            "Surgery",
            "--institution",
            "feinberg",
            "--out",
            "content",
        ],
        cwd=tmp_path,
        umask=umask,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content" / "surgery.yaml").stat().st_mode & 0o777 == mode
    assert sorted(path.name for path in (tmp_path / "content").iterdir()) == ["surgery.yaml"]
