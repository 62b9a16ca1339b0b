"""The editor knows the schema, with no settings and no network: the YAML language server that
VS Code's YAML extension runs (yaml-language-server, pinned in tests/language_server) finds the
schema from a record's first line, or from the workspace settings ``new`` writes, and checks,
completes and explains the record as the validator would.

The server needs Node.js. Without ``node`` these tests are skipped, except under CI, where
.ci/run installs it; the server itself is installed once (npm ci) when it is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advising_content.question_bank import load_question_bank
from advising_content.resources import load_schema
from conftest import ALL_FIELDS, CONTENT, REPO, console_script
from lsp_client import LspClient
from needs import npm_package, program

pytestmark = pytest.mark.external

PACKAGE = REPO / "tests" / "language_server"
SERVER = PACKAGE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
PLACEHOLDER = (
    "Write the text the page gives here: this still holds the placeholder 'TODO', or nothing "
    "but spaces."
)
NOT_A_STANCE = (
    'Not a stance: use one of "yes" or "no" (in quotes, or YAML reads them as true and false), '
    "required, recommended, optional, not-recommended, not-needed, not-applicable, depends."
)
ERROR = 1  # an LSP diagnostic's severity


def _server_command() -> list[str]:
    node = program("node", "these tests drive yaml-language-server, a Node.js program")
    npm_package(PACKAGE, "yaml-language-server")
    return [node, str(SERVER), "--stdio"]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(console_script()), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def _settings(workspace: Path) -> dict[str, Any]:
    """The settings VS Code sends for the workspace: those of .vscode/settings.json, and no
    schema store, which would be fetched from the network."""
    written = json.loads((workspace / ".vscode" / "settings.json").read_text("utf-8"))
    yaml_settings = {key.removeprefix("yaml."): value for key, value in written.items()}
    return {"yaml": {**yaml_settings, "schemaStore": {"enable": False}}}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("workspace")
    made = _run(
        "new", "cardiology", "--name", "Cardiology", "--institution", "feinberg", cwd=folder
    )
    assert made.returncode == 0, made.stdout + made.stderr
    return folder


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[LspClient]:
    client = LspClient(_server_command(), _settings(workspace))
    try:
        client.initialize(workspace)
        yield client
    finally:
        client.close()


def _starts(diagnostics: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Where each diagnostic begins, as line:column counted from 1, the validator's way."""
    return sorted(
        (d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in diagnostics
    )


def _validated(path: Path, rule: str) -> list[tuple[int, int]]:
    """Where ``advising-content validate`` reports the problems of ``rule`` in ``path``."""
    report = json.loads(_run("validate", "--format", "json", str(path), cwd=path.parent).stdout)
    return sorted((p["line"], p["column"]) for p in report["problems"] if p["rule"] == rule)


def _record(workspace: Path, record_id: str, key: str, stance: str) -> Path:
    """A record of one question, in content/, pointing to the schema from its first line."""
    question = load_question_bank().get("research-importance")
    assert question is not None
    path = workspace / "content" / f"{record_id}.yaml"
    path.write_text(
        "# yaml-language-server: $schema=../schemas/advising-record.schema.json\n"
        f"id: {record_id}\n"
        'schema_version: "2.0.0"\n'
        "institution: {id: feinberg, name: Example School of Medicine}\n"
        "specialty: {name: Cardiology}\n"
        "question_groups:\n"
        "  - id: m1-m2\n"
        "    questions:\n"
        f"      - key: {key}\n"
        f"        question: {question.question}\n"
        "        answer: Not needed.\n"
        f"        stance: {stance}\n",
        "utf-8",
    )
    return path


def _place(path: Path, start: str) -> tuple[int, int]:
    """The line and column (0-based) where ``start`` begins in ``path``."""
    for number, line in enumerate(path.read_text("utf-8").splitlines()):
        if start in line:
            return number, line.index(start)
    raise AssertionError(f"{start!r} is not in {path}")


def test_a_new_record_has_an_error_at_each_placeholder(server, workspace) -> None:
    path = workspace / "content" / "cardiology.yaml"
    diagnostics = server.diagnostics_of(server.open(path))
    assert {(d["severity"], d["message"]) for d in diagnostics} == {(ERROR, PLACEHOLDER)}
    expected = _validated(path, "placeholder")
    assert len(expected) == 12  # the institution's name and the 11 answers
    assert _starts(diagnostics) == expected


def test_completion_after_key_offers_every_key_of_the_bank(server, workspace) -> None:
    path = _record(workspace, "completion", "", "not-needed")
    line, column = _place(path, "- key: ")
    offered = server.completion(server.open(path), line, column + len("- key: "))
    assert sorted(offered) == sorted(question.key for question in load_question_bank().questions)


def test_a_hover_on_stance_names_it_and_says_what_it_takes(server, workspace) -> None:
    path = _record(workspace, "hover", "research-importance", "not-needed")
    uri = server.open(path)
    assert server.diagnostics_of(uri) == []
    line, column = _place(path, "stance:")
    shown = server.hover(uri, line, column + 1)
    assert shown.startswith("#### Stance\n\nThe answer's verdict in one word, where the answer ")
    assert "such as 'not-needed' for an answer of 'Not needed'." in shown
    allowed = shown.split("Allowed Values:", 1)[1]
    stances = load_schema()["$defs"]["stance"]["enum"]
    assert all(f"* `{json.dumps(value) if value in ('yes', 'no') else value}`" in allowed
               for value in stances)  # fmt: skip


def test_a_wrong_stance_is_an_error_where_validate_reports_it(server, workspace) -> None:
    path = _record(workspace, "wrong-stance", "research-importance", "maybe")
    diagnostics = server.diagnostics_of(server.open(path))
    expected = _validated(path, "not-allowed")
    assert len(expected) == 1
    assert _starts(diagnostics) == expected
    assert [(d["severity"], d["message"]) for d in diagnostics] == [(ERROR, NOT_A_STANCE)]


def test_no_is_a_yes_no_value_in_the_editor_as_in_the_validator(server, workspace) -> None:
    path = _record(workspace, "yaml-1-1", "research-importance", "no")
    diagnostics = server.diagnostics_of(server.open(path))
    expected = _validated(path, "implicit-type")
    assert len(expected) == 1
    assert _starts(diagnostics) == expected
    assert [(d["severity"], d["message"]) for d in diagnostics] == [(ERROR, NOT_A_STANCE)]


def test_a_record_outside_content_finds_the_schema_by_its_first_line(server, workspace) -> None:
    made = _run("new", "surgery", "--name", "Surgery", "--institution", "x", "--out", "drafts",
                cwd=workspace)  # fmt: skip
    assert made.stdout.splitlines()[1:] == []  # the schema and settings were there already
    path = workspace / "drafts" / "surgery.yaml"
    diagnostics = server.diagnostics_of(server.open(path))
    expected = _validated(path, "placeholder")
    assert len(expected) == 12
    assert _starts(diagnostics) == expected


def test_the_workspace_settings_find_the_schema_without_a_first_line(server, workspace) -> None:
    text = (workspace / "content" / "cardiology.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: ")
    path = workspace / "content" / "ecu" / "cardiology.yaml"
    path.parent.mkdir()
    path.write_text(text.split("\n", 1)[1], "utf-8")
    diagnostics = server.diagnostics_of(server.open(path))
    expected = _validated(path, "placeholder")
    assert len(expected) == 12
    assert _starts(diagnostics) == expected


@pytest.mark.parametrize(
    "record",
    [CONTENT / "med-peds.yaml", *sorted((REPO / "examples").rglob("*.yaml"))],
    ids=lambda path: path.relative_to(REPO).as_posix(),
)
def test_the_records_of_this_repository_find_the_schema_and_pass(server, record: Path) -> None:
    assert record.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../" + "../" * (record.parent != CONTENT)
        + "schemas/advising-record.schema.json\n"
    )  # fmt: skip
    assert server.diagnostics_of(server.open(record)) == []


def _titles_by_key() -> dict[str, set[str]]:
    """The titles the schema gives the properties of each name."""
    titles: dict[str, set[str]] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict) and "title" in prop:
                    titles.setdefault(name, set()).add(prop["title"])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(load_schema())
    return titles


def test_a_hover_on_any_key_names_its_own_field(server, workspace) -> None:
    path = workspace / "content" / "all-fields.yaml"
    shutil.copyfile(ALL_FIELDS, path)
    uri = server.open(path)
    assert server.diagnostics_of(uri) == []
    titles = _titles_by_key()
    hovered = 0
    for number, line in enumerate(path.read_text("utf-8").splitlines()):
        key = re.match(r"^( *(?:- )*)([a-z_]+):", line)
        if key is None:
            continue
        title = server.hover(uri, number, len(key[1]) + 1).split("\n", 1)[0]
        # Where every choice of an anyOf holds, the server says the title once per choice.
        named = set(title.removeprefix("#### ").split(" || "))
        assert named <= titles[key[2]], (number + 1, line, title)
        hovered += 1
    assert hovered > 100
