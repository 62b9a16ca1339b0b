"""The Python API that the command line is a thin layer over."""

from __future__ import annotations

from pathlib import Path

import pytest

import advising_content
from advising_content import Problem, Severity, validate_paths
from conftest import EXAMPLES, MED_PEDS


def test_problems_are_values_sorted_by_file_line_and_column() -> None:
    report = validate_paths([EXAMPLES / "negative"])
    problems = report.problems
    assert problems
    assert all(isinstance(problem, Problem) for problem in problems)
    assert problems == sorted(problems, key=lambda p: (p.path, p.line, p.column))
    assert report.error_count == sum(entry.errors for entry in report.files)
    assert report.warning_count == sum(entry.warnings for entry in report.files)
    for entry in report.files:
        errors = sum(p.severity is Severity.ERROR for p in entry.problems)
        warnings = sum(p.severity is Severity.WARNING for p in entry.problems)
        if any(p.rule == "too-many-problems" for p in entry.problems):  # some are not shown
            assert (entry.errors + entry.warnings, errors + warnings) == (117, 100)
        else:
            assert (entry.errors, entry.warnings) == (errors, warnings)
    assert not report.passed()


def test_a_problem_carries_its_location_as_a_json_pointer(tmp_path: Path) -> None:
    text = (MED_PEDS).read_text("utf-8")
    (tmp_path / "med-peds.yaml").write_text(text.replace("degrees: [MD]", "degrees: [MD, 7]"))
    [problem] = validate_paths([tmp_path]).problems
    assert problem == Problem(
        str(tmp_path / "med-peds.yaml"),
        144,
        19,
        Severity.ERROR,
        "implicit-type",
        problem.message,
        ("advisors", 0, "degrees", 1),
    )
    assert problem.pointer == "/advisors/0/degrees/1"
    assert problem.message.startswith("YAML reads 7 as a number, but item 2 of 'degrees'")


def test_the_core_never_prints(capsys: pytest.CaptureFixture[str]) -> None:
    validate_paths([EXAMPLES])
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_a_missing_path_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        validate_paths([tmp_path / "nowhere"])


def test_a_record_id_may_be_used_once_across_files(tmp_path: Path) -> None:
    text = (MED_PEDS).read_text("utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "med-peds.yaml").write_text(text)
    report = validate_paths([tmp_path])
    first, second = (str(tmp_path / folder / "med-peds.yaml") for folder in ("a", "b"))
    assert [(p.path, p.line, p.column, p.rule) for p in report.problems] == [
        (second, 5, 5, "duplicate-record")
    ]
    assert first in report.problems[0].message


def test_two_institutions_may_each_have_a_record_of_the_same_id(tmp_path: Path) -> None:
    text = (MED_PEDS).read_text("utf-8")
    for folder in ("feinberg", "ecu"):
        (tmp_path / folder).mkdir()
        mine = text.replace("  id: feinberg\n", f"  id: {folder}\n")
        (tmp_path / folder / "med-peds.yaml").write_text(mine)
    assert validate_paths([tmp_path]).problems == []


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    text = (MED_PEDS).read_text("utf-8")
    (tmp_path / "med-peds.yaml").write_text(text.replace("city: Chicago", 'city: " Chicago"'))
    report = validate_paths([tmp_path])
    assert (report.error_count, report.warning_count) == (0, 1)
    assert report.passed()
    assert not report.passed(strict=True)


def test_the_version_is_the_package_version() -> None:
    from importlib.metadata import version

    assert advising_content.__version__ == version("advising-content")


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = advising_content.no_such_name  # type: ignore[attr-defined]


def test_checking_in_parallel_reports_exactly_what_checking_in_turn_does(tmp_path: Path) -> None:
    from audit_events import watching

    record = (MED_PEDS).read_text("utf-8")
    for number in range(40):
        record_id = f"r{number}"
        text = record.replace("id: med-peds\n", f"id: {record_id}\n", 1)
        if number % 7 == 0:
            text = text.replace("state: IL", "state: [IL]")
        (tmp_path / f"{record_id}.yaml").write_text(text, "utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "r3.yaml").write_text(record.replace("id: med-peds\n", "id: r3\n", 1))
    for name in ("negative", "positive"):
        for path in (EXAMPLES / name).glob("*.yaml"):
            (tmp_path / path.name).write_bytes(path.read_bytes())

    forks: list[object] = []
    with watching("os.fork", forks.append):
        in_turn = validate_paths([tmp_path], keep_data=True, workers=1)
    assert forks == []
    with watching("os.fork", forks.append):
        in_parallel = validate_paths([tmp_path], keep_data=True, workers=2)
    assert len(forks) == 2, "two worker processes check the files"
    assert in_parallel.problems == in_turn.problems
    assert [f.data for f in in_parallel.files] == [f.data for f in in_turn.files]
    assert any(p.rule == "duplicate-record" for p in in_parallel.problems)
    assert sum(p.rule == "wrong-type" for p in in_parallel.problems) >= 6
