"""Each rule is one definition, beside its check; problems are made by their rule only; the
schema's keywords each have their message; the rules command lists them all."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
from pathlib import Path

import pytest

import advising_content
from advising_content.problems import Problem, Severity
from advising_content.resources import load_schema
from advising_content.rules import CHECKING_MODULES, catalogue, rule
from advising_content.schema_messages import KEYWORD_MESSAGES
from conftest import REPO

SOURCE = REPO / "src" / "advising_content"
# Keywords of JSON Schema that never fail by themselves: annotations, and those whose failures
# are those of the parts of the schema they apply.
NEVER_FAIL = {"$defs", "$id", "$ref", "$schema", "description", "title", "examples",
              "properties", "items", "then", "else", "allOf",
              "patternErrorMessage", "errorMessage"}  # fmt: skip


def _every_module() -> list[str]:
    prefix = advising_content.__name__ + "."
    return [info.name for info in pkgutil.walk_packages(advising_content.__path__, prefix)]


def test_every_rule_is_defined_in_a_checking_module() -> None:
    for module in _every_module():
        if not module.endswith("__main__"):
            importlib.import_module(module)
    rules = catalogue()  # fails on a rule defined in a module it does not list
    assert {defined.module for defined in rules.values()} == set(CHECKING_MODULES)


def _calls_of(name: str, path: Path) -> int:
    tree = ast.parse(path.read_text("utf-8"))
    return sum(
        isinstance(node, ast.Call) and getattr(node.func, "id", None) == name
        for node in ast.walk(tree)
    )


def test_problems_are_made_by_their_rule_only() -> None:
    making = [
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if _calls_of("Problem", path)
    ]
    assert making == ["rules.py"]


def test_a_rule_is_defined_once() -> None:
    with pytest.raises(ValueError, match="the rule 'syntax' is defined twice"):
        rule("syntax", Severity.ERROR, "again")


def _keywords(node: object) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for keyword, value in node.items():
            found.add(keyword)
            if keyword in ("properties", "$defs"):
                found |= {k for sub in value.values() for k in _keywords(sub)}
            elif keyword == "if":  # its failures only choose between then and else
                found.discard("if")
            elif keyword not in ("enum", "const", "required", "examples"):
                found |= _keywords(value)
    elif isinstance(node, list):
        found |= {k for item in node for k in _keywords(item)}
    return found


def test_every_keyword_the_schema_uses_has_its_message() -> None:
    used = {k for k in _keywords(load_schema()) if not k.startswith("x-")} - NEVER_FAIL
    assert set(KEYWORD_MESSAGES) == used


def _nodes(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in _nodes(value))]
    if isinstance(node, list):
        return [found for item in node for found in _nodes(item)]
    return []


def test_the_schema_has_the_shapes_its_messages_are_written_for() -> None:
    nodes = _nodes(load_schema())
    choices = [node["anyOf"] for node in nodes if "anyOf" in node]
    assert choices, "the anyOf message is for choices between required keys"
    for branches in choices:
        assert all(set(branch) == {"required"} for branch in branches)  # type: ignore[union-attr]
    assert {node["minItems"] for node in nodes if "minItems" in node} == {1}
    # A value of the wrong form is told what the form is: its description says.
    assert all(node.get("description") for node in nodes if "pattern" in node or "format" in node)


def test_the_rules_command_lists_every_rule(cli) -> None:
    text = cli("rules")
    assert text.exit_code == 0
    assert text.output.splitlines()[0] == (
        "unreadable          error    a file or folder that cannot be read, or a file that is "
        "not a regular file"
    )
    assert len(text.output.splitlines()) == len(catalogue())
    document = json.loads(cli("rules", "--format", "json").output)
    assert [entry["name"] for entry in document["rules"]] == list(catalogue())
    assert document["rules"][-1] == {
        "name": "too-many-problems",
        "severity": "note",
        "meaning": "a file's problems beyond its first 100, counted by rule; checking a file "
        "stops at 10,000",
    }
    markdown = cli("rules", "--format", "markdown").output
    assert markdown.splitlines()[:3] == [
        "| Rule | Severity | Meaning |",
        "|------|----------|---------|",
        "| `unreadable` | error | a file or folder that cannot be read, or a file that is not "
        "a regular file |",
    ]
    assert Path(REPO / "README.md").read_text("utf-8").count(markdown) == 1


def test_the_message_of_a_problem_is_capped() -> None:
    from advising_content.file_problems import MAX_MESSAGE_CHARS, FileProblems
    from advising_content.source_map import START

    found = FileProblems()
    found.add(catalogue()["syntax"].at("x.yaml", START, "x" * 5000))
    assert len(found.found[0].message) == MAX_MESSAGE_CHARS == 1000
    assert found.found[0].message.endswith("x…")


def test_each_format_has_a_place_of_its_own() -> None:
    from advising_content.export.registry import export_formats
    from advising_content.reports import reporters

    for registry in (export_formats(), reporters()):
        orders = [entry.order for entry in registry.values()]
        assert len(set(orders)) == len(orders)


def test_the_command_line_loads_no_checking_code_until_a_command_runs() -> None:
    import subprocess
    import sys

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, advising_content.cli; print(*sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    heavy = (
        "yaml",
        "ruamel",
        "jsonschema",
        "jsonschema_rs",
        "multiprocessing",
        "concurrent.futures",
    )
    assert [name for name in loaded if name.startswith(heavy)] == []
    checking = ("reading", "schema_check", "record_checks", "question_checks", "layout_checks")
    checking += ("text_checks", "content_checks", "migration", "round_trip")
    assert [
        n for n in loaded if n.startswith(tuple(f"advising_content.{c}" for c in checking))
    ] == []


def _problem(
    where: tuple[str, int, int],
    name: str,
    message: str,
    severity: Severity = Severity.ERROR,
    location: tuple[str, ...] = (),
) -> Problem:
    return Problem(*where, severity, name, message, location)


def test_problems_sort_by_file_line_column_rule_and_message() -> None:
    ordered = [
        _problem(("a.yaml", 1, 5), "syntax", "z"),
        _problem(("a.yaml", 2, 1), "schema", "b"),
        _problem(("a.yaml", 2, 1), "schema", "c"),
        _problem(("a.yaml", 2, 1), "syntax", "a"),
        _problem(("a.yaml", 2, 3), "schema", "a"),
        _problem(("b.yaml", 1, 1), "schema", "a"),
    ]
    assert sorted(ordered[number] for number in (4, 0, 5, 2, 3, 1)) == ordered
    assert ordered[1] <= ordered[2] < ordered[3]
    assert ordered[5] >= ordered[4] > ordered[0]


def test_neither_severity_nor_location_orders_or_tells_problems_apart() -> None:
    error = _problem(("a.yaml", 1, 5), "syntax", "z")
    warning = _problem(("a.yaml", 1, 5), "syntax", "z", Severity.WARNING, ("id",))
    assert warning == error
    assert not warning < error
    assert not error < warning
    with pytest.raises(TypeError):
        assert error < ("a.yaml", 1, 5)
