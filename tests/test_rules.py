"""Each rule is one definition, beside its check; problems are made by their rule only; the
schema's keywords each have their message; the rules command lists them all."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import advising_content
from advising_content.problems import Severity
from advising_content.resources import load_schema
from advising_content.rules import CHECKING_MODULES, catalogue, rule
from advising_content.schema_messages import KEYWORD_MESSAGES
from conftest import REPO

SOURCE = REPO / "src" / "advising_content"
# Keywords of JSON Schema that never fail by themselves: annotations, and those whose failures
# are those of the parts of the schema they apply.
NEVER_FAIL = {"$defs", "$id", "$ref", "$schema", "description", "title", "examples",
              "properties", "items", "if", "then", "else", "allOf"}  # fmt: skip


def _every_module() -> list[str]:
    prefix = advising_content.__name__ + "."
    return [info.name for info in pkgutil.walk_packages(advising_content.__path__, prefix)]


def test_every_rule_is_defined_in_a_checking_module() -> None:
    for module in _every_module():
        if not module.endswith("__main__"):
            importlib.import_module(module)
    rules = catalogue()  # fails on a rule defined in a module it does not list
    assert {defined.module for defined in rules.values()} == set(CHECKING_MODULES)


def test_problems_are_made_by_their_rule_only() -> None:
    making = [
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if re.search(r"\bProblem\(", path.read_text("utf-8"))
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
            elif keyword not in ("enum", "const", "required", "examples"):
                found |= _keywords(value)
    elif isinstance(node, list):
        found |= {k for item in node for k in _keywords(item)}
    return found


def test_every_keyword_the_schema_uses_has_its_message() -> None:
    used = {k for k in _keywords(load_schema()) if not k.startswith("x-")} - NEVER_FAIL
    assert set(KEYWORD_MESSAGES) == used


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
