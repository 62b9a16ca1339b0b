"""Acceptance fixtures: every valid file passes; every invalid file gives exactly these problems."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES

POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))

# Each invalid file with its exact problems, as 'line:col: severity (rule)', in output order.
NEGATIVE: dict[str, list[str]] = {
    "anchors-and-aliases.yaml": [
        "9:14: error (anchor)",
        "13:19: error (alias)",
        "15:9: error (anchor)",
        "19:9: error (merge-key)",
        "19:9: error (missing-key)",  # 'answer', which the merge key was to bring
        "19:9: error (missing-key)",  # 'question', likewise
    ],
    "complex-key.yaml": [
        "2:1: error (missing-key)",  # 'specialty', which the complex key hid
        "6:3: error (complex-key)",
    ],
    "duplicate-ids.yaml": [
        "15:14: error (duplicate-question)",
        "21:9: error (duplicate-id)",
        "24:9: error (duplicate-id)",
    ],
    "duplicate-key.yaml": [
        "7:3: error (duplicate-key)",
        "16:9: error (duplicate-key)",
    ],
    "empty-file.yaml": ["1:1: error (empty-file)"],
    "empty-text.yaml": [
        "16:17: error (empty-text)",  # a required text: write it
        "20:11: error (empty-text)",  # an optional text: remove the key
    ],
    "formula-like.yaml": [
        "8:17: warning (formula-like)",
        "8:63: warning (formula-like)",
        "16:17: warning (formula-like)",
        "20:12: warning (formula-like)",
    ],
    "inline-comment.yaml": [
        "5:37: warning (inline-comment)",
        "15:28: warning (inline-comment)",
    ],
    "invalid-formats.yaml": [
        "1:5: error (invalid-format)",
        "2:17: error (invalid-format)",
        "19:11: error (invalid-format)",
        "20:17: error (invalid-format)",
        "21:11: error (not-allowed)",
        "25:12: error (invalid-format)",
        "26:18: error (invalid-format)",
        "29:12: error (invalid-format)",
        "30:18: error (invalid-format)",
        "34:18: error (invalid-format)",
        "37:11: error (not-allowed)",
        "39:10: error (invalid-format)",
    ],
    "missing-keys.yaml": [
        "1:1: error (missing-key)",
        "2:14: error (missing-key)",
        "6:5: error (missing-key)",
        "9:9: error (missing-key)",
        "12:5: error (missing-key)",
        "15:5: error (missing-key)",
    ],
    "multiple-documents.yaml": ["15:1: error (multiple-documents)"],
    "newer-schema-version.yaml": ["3:17: error (schema-version)"],
    "older-schema-version.yaml": ["3:17: error (schema-version)"],
    "placeholders.yaml": [
        "14:17: error (placeholder)",
        "17:17: error (placeholder)",
    ],
    "question-bank-mismatches.yaml": [
        "12:14: error (question-audience)",
        "15:14: error (unknown-question)",
        "18:14: error (custom-question)",
    ],
    "syntax-error.yaml": ["9:18: error (syntax)"],
    "tab-indentation.yaml": ["8:1: error (syntax)"],
    "tags.yaml": [
        "15:17: error (tag)",
        "17:5: error (tag)",
        "19:14: error (tag)",
        "20:11: error (tag)",
    ],
    "text-warnings.yaml": [
        "4:9: warning (whitespace)",
        "6:9: warning (special-space)",
        "7:17: warning (whitespace)",
        "7:24: warning (special-space)",
        "15:17: warning (whitespace)",
    ],
    "top-level-list.yaml": ["1:1: error (not-a-mapping)"],
    "unknown-keys.yaml": [
        "7:3: error (unknown-key)",
        "16:9: error (unknown-key)",
        "20:5: error (unknown-key)",
    ],
    "unknown-references.yaml": [
        "19:26: error (unknown-reference)",
        "25:14: error (unknown-reference)",
        "30:14: error (unknown-reference)",
    ],
    "wrong-file-name.yaml": ["1:5: error (id-file-name)"],
    "wrong-types.yaml": [
        "3:14: error (wrong-type)",
        "5:9: error (wrong-type)",
        "6:16: error (wrong-type)",
        "12:11: error (wrong-type)",
        "14:14: error (out-of-range)",
        "15:30: error (wrong-type)",
        "19:16: error (too-few-items)",
        "24:17: error (wrong-type)",
        "25:17: error (not-allowed)",
        "26:18: error (not-allowed)",
        "26:33: error (duplicate-item)",
    ],
    "yaml-1-1-values.yaml": [
        "2:17: error (implicit-type)",
        "7:17: error (implicit-type)",
        "15:17: error (implicit-type)",
        "18:17: error (implicit-type)",
        "21:16: error (empty-value)",
        "26:11: error (implicit-type)",
        "27:17: error (implicit-type)",
        "30:11: error (implicit-type)",
        "31:18: error (implicit-type)",
        "32:5: error (implicit-type)",
    ],
}


def test_every_negative_file_has_its_expected_problems_stated() -> None:
    on_disk = {path.name for path in (EXAMPLES / "negative").glob("*.yaml")}
    assert on_disk == set(NEGATIVE)


@pytest.mark.parametrize("path", POSITIVE, ids=[path.name for path in POSITIVE])
def test_valid_files_pass_strictly(cli, path) -> None:
    outcome = cli("validate", "--strict", path.name, cwd=path.parent)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output == "Checked 1 file: no problems.\n"


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_invalid_files_report_exactly_their_problems(cli, name) -> None:
    outcome = cli("validate", name, cwd=EXAMPLES / "negative")
    assert outcome.problem_lines == [f"{name}:{expected}" for expected in NEGATIVE[name]]
    only_warnings = all(": warning " in line for line in NEGATIVE[name])
    assert outcome.exit_code == (0 if only_warnings else 1)


def test_all_problems_of_all_files_in_one_run_sorted_by_file_line_column(cli) -> None:
    outcome = cli("validate", ".", cwd=EXAMPLES / "negative")
    expected = [f"{name}:{line}" for name in sorted(NEGATIVE) for line in NEGATIVE[name]]
    assert outcome.problem_lines == expected
    assert outcome.exit_code == 1
    errors = sum(": error " in line for line in expected)
    warnings = len(expected) - errors
    assert outcome.output.splitlines()[-1] == (
        f"Checked {len(NEGATIVE)} files: {errors} errors and {warnings} warnings "
        f"in {len(NEGATIVE)} files."
    )
