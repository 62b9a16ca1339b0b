"""Input within every documented limit cannot make output or memory explode: a file shows at
most 100 problems, then one line that counts the rest by rule, and its checking stops after
10,000; values echoed in messages are shortened."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROBLEM_LINE, console_script

MIB = 1024 * 1024
MAX_PEAK_MIB = 100
MAX_OUTPUT_BYTES = 100_000


def _rows(first: str, row: str, count: int) -> str:
    """``first``, then ``count`` copies of ``row``: a file within every limit."""
    return first + "\n" + "\n".join([row] * count) + "\n"


def _list(item: str, count: int) -> str:
    return "[" + ", ".join([item] * count) + "]"


# Each holds fewer than 50,000 values, no list or mapping of more than 1000 entries, no text
# over 20,000 characters, and at most 1 MiB (the long id aside: it is the text limit's case).
HOSTILE = {
    "aliases": lambda: _rows("id: aliases\na: &a x\nk:", "  - " + _list("*a", 900), 55),
    "anchors": lambda: _rows("id: anchors\nk:", "  - " + _list("&a x", 999), 49),
    "tags": lambda: _rows("id: tags\nk:", "  - " + _list("!t x", 999), 49),
    "duplicate-keys": lambda: "id: duplicate-keys\nx: {" + ", ".join(["a: 1"] * 170_000) + "}\n",
    "formulas": lambda: _rows("id: formulas\nk:", "  - " + _list("=x", 999), 49),
    "empty-questions": lambda: _rows(
        "id: empty-questions\nquestion_groups:", "  - questions: " + _list("{}", 999), 16
    ),
    "long-id": lambda: "id: " + "a" * (MIB - 100) + "\n",
}


def _run_measured(
    arguments: list[str], cwd: Path
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the command; return its outcome and its peak memory in MiB."""
    measure = (
        "import resource, subprocess, sys\n"
        "result = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(result.stdout)\n"
        "sys.stderr.write(result.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(result.returncode)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", measure, str(console_script()), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    *stderr, peak = result.stderr.splitlines()
    result.stderr = "\n".join(stderr)
    return result, int(peak) / 1024


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_within_the_limits_gives_bounded_output(tmp_path: Path, name: str) -> None:
    data = HOSTILE[name]().encode()
    assert len(data) <= MIB
    (tmp_path / f"{name}.yaml").write_bytes(data)
    result, peak = _run_measured(["validate", f"{name}.yaml"], tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert len(result.stdout.encode()) < MAX_OUTPUT_BYTES
    assert peak < MAX_PEAK_MIB, f"peak memory {peak:.0f} MiB"
    lines = result.stdout.splitlines()
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1])
    assert all(len(line) < 1000 for line in lines)
    assert len(lines) <= 102  # 100 problems, one line counting the rest, the summary


def test_the_problems_past_the_first_100_are_counted_by_rule(tmp_path: Path) -> None:
    (tmp_path / "aliases.yaml").write_bytes(HOSTILE["aliases"]().encode())
    result, _ = _run_measured(["validate", "aliases.yaml"], tmp_path)
    lines = result.stdout.splitlines()
    assert len(lines) == 102
    assert lines[-2:] == [
        "aliases.yaml:4:402: note: 9,900 more problems in this file are not shown "
        "(9,900 alias), and it was not checked past its first 10,000 problems; fix the "
        "problems above, then validate again (too-many-problems)",
        "Checked 1 file: 10,000 errors in 1 file. Checking stopped early in 1 file with too many "
        "problems.",
    ]


def test_the_json_report_counts_every_problem_found(tmp_path: Path) -> None:
    (tmp_path / "formulas.yaml").write_bytes(HOSTILE["formulas"]().encode())
    result, _ = _run_measured(["validate", "--format", "json", "formulas.yaml"], tmp_path)
    document = json.loads(result.stdout)
    assert document["counts"] == {"files": 1, "errors": 5, "warnings": 9_995}
    assert len(document["problems"]) == 101
    assert document["problems"][-1]["rule"] == "too-many-problems"


def test_several_hostile_files_stay_within_the_limits_together(tmp_path: Path) -> None:
    for number in range(4):
        (tmp_path / f"aliases-{number}.yaml").write_bytes(HOSTILE["aliases"]().encode())
    result, peak = _run_measured(["validate", "."], tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.encode()) < 4 * MAX_OUTPUT_BYTES
    assert peak < MAX_PEAK_MIB, f"peak memory {peak:.0f} MiB"


LONG = "x" * 19_000
MINIMAL = "\n".join([
    'schema_version: "2.0.0"',
    "institution: {name: School}",
    "specialty: {name: Specialty}",
    "question_groups:",
    "  - {id: g, heading: Heading, audiences: [M3, M4], questions: [QUESTION]}",
])  # fmt: skip
QUESTION = "{key: away-rotations, question: Q, answer: A}"
ECHOES = {
    "id": ("id: " + "a" * 19_000, QUESTION),
    "schema-version": ("id: schema-version\nschema_version: '" + "1" * 19_000 + ".0.0'", QUESTION),
    "question-key": ("id: question-key", f"{{key: {LONG}, question: Q, answer: A}}"),
    "stance": ("id: stance", f"{{key: away-rotations, question: Q, answer: A, stance: {LONG}}}"),
    "number": ("id: number", "{key: away-rotations, question: Q, answer: " + "9" * 4000 + "}"),
    "anchor": ("id: anchor\nextra: &" + LONG + " x", QUESTION),
    "tag": ("id: tag\nextra: !" + LONG + " x", QUESTION),
    "alias": ("id: alias\nextra: *" + LONG, QUESTION),
    "word": ("id: word", f'{{key: away-rotations, question: Q, answer: "{LONG}\\u00a0\\u0007"}}'),
    "reference": (f"id: reference\ncontacts: [{{id: c, advisor: {'a' * 19_000}}}]", QUESTION),
    "duplicate-id": (
        f"id: duplicate-id\nadvisors: [{{id: {'a' * 19_000}, name: A}}, {{id: {'a' * 19_000}, "
        "name: B}]",
        QUESTION,
    ),
}


def test_no_message_repeats_a_long_value_in_full(tmp_path: Path) -> None:
    for name, (head, question) in ECHOES.items():
        body = MINIMAL.replace("QUESTION", question)
        if "schema_version" in head:
            body = body.replace('schema_version: "2.0.0"\n', "")
        (tmp_path / f"{name}.yaml").write_text(f"{head}\n{body}\n", "utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "id.yaml").write_bytes((tmp_path / "id.yaml").read_bytes())
    result, _ = _run_measured(["validate", "."], tmp_path)
    rules = {line.rsplit(" (", 1)[-1] for line in result.stdout.splitlines()[:-1]}
    assert rules >= {
        "id-file-name)", "duplicate-record)", "schema-version)", "unknown-question)",
        "not-allowed)", "implicit-type)", "anchor)", "tag)", "alias)", "special-space)",
        "control-character)", "unknown-reference)", "duplicate-id)",
    }  # fmt: skip
    for line in result.stdout.splitlines():
        assert len(line) < 600, line[:300]
