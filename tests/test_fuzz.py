"""Fuzzing the loader and the validator: arbitrary bytes, and random mutations of valid files.

Bounded by example counts: FUZZ_EXAMPLES (default 200) per target; CI raises it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advising_content.cli import main
from advising_content.file_check import check_bytes
from advising_content.rules import catalogue
from conftest import ALL_FIELDS, EXPORT_EXAMPLES, MED_PEDS, PROBLEM_LINE

RULES = catalogue()

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEEDS = [
    (MED_PEDS).read_bytes(),
    ALL_FIELDS.read_bytes(),
    (EXPORT_EXAMPLES / "hostile-text.yaml").read_bytes(),
]
YAML_PIECES = [b"\n", b"  ", b"\t", b": ", b"- ", b"&a ", b"*a", b"!!python/object:os.system ",
               b"<<: ", b"---\n", b"...", b"? ", b"[", b"]", b"{", b"}", b'"', b"'", b"#", b"|",
               b">-", b"no", b"2027-01-20", b"1.0", b"~", b"\xef\xbb\xbf", b"\x00", b"\xff",
               b"\r", b"\xe2\x80\xa8", b"%YAML 1.1\n", b"TODO", b"=cmd", b'"a\\nb\\x85": ',
               b'"\\t"']  # fmt: skip


def _check(path: str, data: bytes) -> None:
    checked = check_bytes(path, data)
    for problem in checked.problems:
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.rule in RULES
        assert problem.message
        assert problem.severity is RULES[problem.rule].severity


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 40)))
        operation = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        piece = draw(st.one_of(st.sampled_from(YAML_PIECES), st.binary(min_size=1, max_size=6)))
        if operation == "delete":
            del data[start:end]
        elif operation == "insert":
            data[start:start] = piece
        elif operation == "replace":
            data[start:end] = piece
        else:
            data[start:start] = data[start:end]
    return bytes(data)


@FUZZ
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes_give_only_located_problems(data: bytes) -> None:
    _check("fuzz.yaml", data)


@FUZZ
@given(data=mutated())
def test_mutations_of_valid_files_give_only_located_problems(data: bytes) -> None:
    _check("med-peds.yaml", data)


@settings(max_examples=max(EXAMPLES // 4, 25), deadline=None)
@given(data=mutated())
def test_the_cli_exits_0_or_1_with_located_problems_on_mutated_files(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "med-peds.yaml")
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1)
    *problems, summary = result.output.splitlines()
    assert all(PROBLEM_LINE.match(line) for line in problems), problems
    assert summary.startswith("Checked 1 file: ")
    assert (result.exit_code == 1) == any(": error: " in line for line in problems)


def _full_verdict(data: object) -> bool:
    from jsonschema import Draft202012Validator

    from advising_content.resources import load_schema
    from advising_content.string_formats import format_checker

    validator = Draft202012Validator(load_schema(), format_checker=format_checker())
    return not any(True for _ in validator.iter_errors(data))


@FUZZ
@given(data=mutated())
def test_the_quick_schema_gate_agrees_with_the_full_check(data: bytes) -> None:
    from advising_content.reading import load_file
    from advising_content.schema_gate import conforms

    document = load_file("med-peds.yaml", data).document
    if document is not None:
        assert conforms(document.data) == _full_verdict(document.data)


def test_the_quick_schema_gate_agrees_on_every_example_file() -> None:
    from advising_content.reading import load_file
    from advising_content.schema_gate import conforms
    from conftest import EXAMPLES

    verdicts = set()
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        document = load_file(str(path), path.read_bytes()).document
        if document is not None:
            verdict = conforms(document.data)
            assert verdict == _full_verdict(document.data), path
            verdicts.add(verdict)
    assert verdicts == {True, False}
