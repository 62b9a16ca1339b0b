"""The files of a content repository that let an editor check records as they are typed: the
schema the records' first lines point to, and VS Code's workspace settings and recommended
extension. A file is written where there is none, and the schema is refreshed only over a copy
of itself: nothing an editor wrote is ever replaced."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from advising_content.cli.record_files import create_file
from advising_content.display import shown
from advising_content.modelines import SCHEMA_IN_REPOSITORY, is_our_schema, schema_path

SETTINGS = Path(".vscode", "settings.json")
EXTENSIONS = Path(".vscode", "extensions.json")
YAML_EXTENSION = "redhat.vscode-yaml"
RECORD_FILES = ["content/**/*.yaml", "content/**/*.yml"]
SCHEMA = Path(*SCHEMA_IN_REPOSITORY.parts)
_SCHEMA_KEY = f"./{SCHEMA_IN_REPOSITORY}"


def settings_text() -> str:
    """VS Code's workspace settings: the schema for the records under content/, and YAML 1.1,
    so that the editor reads ``no`` and dates as the validator does."""
    settings = {"yaml.schemas": {_SCHEMA_KEY: RECORD_FILES}, "yaml.yamlVersion": "1.1"}
    return json.dumps(settings, indent=2) + "\n"


def extensions_text() -> str:
    return json.dumps({"recommendations": [YAML_EXTENSION]}, indent=2) + "\n"


@dataclass
class Setup:
    """What setting up a content repository did, and what the editor is left to do."""

    root: Path
    written: list[Path] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    def shown(self, relative: Path) -> str:
        """A file of the repository as the editor names it: from the current folder."""
        return shown(os.path.relpath(self.root / relative))

    def command(self) -> str:
        """The command that refreshes this repository's files."""
        root = os.path.relpath(self.root)
        return "advising-content editor" + ("" if root == "." else f" {shown(root)}")


def schema_text() -> str:
    from advising_content.resources import SCHEMA_FILE, read_text

    return read_text(SCHEMA_FILE)


def add_schema(setup: Setup) -> bool:
    """Write the schema where the repository has none; say so when the one it has differs.
    Whether it was written."""
    target = schema_path(setup.root)
    if not target.exists() and not target.is_symlink():
        return _created(setup, SCHEMA, schema_text())
    where = setup.shown(SCHEMA)
    if not is_our_schema(target):
        setup.advice.append(
            f"{where} is not advising-content's schema, yet the records' first lines point "
            f"editors to it; move it away, then run: {setup.command()}"
        )
    elif not _same(target, schema_text()):
        setup.advice.append(
            f"{where} is another version's schema; refresh it with: {setup.command()}"
        )
    return False


def add_vscode_files(setup: Setup) -> None:
    """Write VS Code's settings and recommended extension where the repository has none, and
    say what to add to those it has."""
    settings = setup.root / SETTINGS
    if not settings.exists() and not settings.is_symlink():
        _created(setup, SETTINGS, settings_text())
    elif str(SCHEMA_IN_REPOSITORY) not in _text(settings):
        pairs = (
            f'"yaml.schemas": {json.dumps({_SCHEMA_KEY: RECORD_FILES})}, "yaml.yamlVersion": "1.1"'
        )
        setup.advice.append(
            f"{setup.shown(SETTINGS)} is left as it is; for VS Code to check the records, "
            f"add to it: {pairs}"
        )
    extensions = setup.root / EXTENSIONS
    if not extensions.exists() and not extensions.is_symlink():
        _created(setup, EXTENSIONS, extensions_text())
    elif YAML_EXTENSION not in _text(extensions):
        setup.advice.append(
            f'{setup.shown(EXTENSIONS)} is left as it is; add "{YAML_EXTENSION}" to its '
            '"recommendations"'
        )


def refresh_schema(setup: Setup) -> str:
    """Write the schema, or replace the copy of it the repository has with this version's;
    what was done. A file that is not a copy of the schema is left as it is (ValueError); one
    that cannot be written raises OSError."""
    target = schema_path(setup.root)
    where = setup.shown(SCHEMA)
    if target.is_symlink():
        raise ValueError(f"{where} is a symbolic link; it was left as it is")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        create_file(target, schema_text())
        return f"Wrote {where}."
    if not is_our_schema(target):
        raise ValueError(f"{where} is not advising-content's schema; it was left as it is")
    if _same(target, schema_text()):
        return f"{where} is up to date."
    _replace(target, schema_text())
    return f"Refreshed {where}."


def written_line(setup: Setup) -> str | None:
    """The line that tells what was written, if anything was."""
    if not setup.written:
        return None
    names = [setup.shown(path) for path in setup.written]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"For editors, wrote {listed} (see the README: Editing with VS Code)."


def _created(setup: Setup, relative: Path, text: str) -> bool:
    target = setup.root / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        create_file(target, text)
    except OSError as error:
        if isinstance(error, FileExistsError) and target.exists():
            return False  # written in the meantime, by someone else
        reason = shown(error.strerror or str(error))
        setup.advice.append(f"cannot write {setup.shown(relative)}: {reason}")
        return False
    setup.written.append(relative)
    return True


def _text(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError:
        return ""


def _same(path: Path, text: str) -> bool:
    return _text(path) == text


def _replace(target: Path, text: str) -> None:
    """Replace ``target`` whole, in one step."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.new")
    try:
        create_file(temporary, text)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def for_records(folder: Path) -> list[str]:
    """Set up the content repository of ``folder`` for the records written there: the schema
    where it has none and, in a repository new to advising-content, VS Code's files. The lines
    that tell the editor what was done, and what is theirs to do."""
    from advising_content.modelines import repository_root

    setup = Setup(repository_root(folder))
    if add_schema(setup):
        add_vscode_files(setup)
    line = written_line(setup)
    return ([line] if line else []) + setup.advice
