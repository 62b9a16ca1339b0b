"""Bring a record written for an earlier major version of the schema up to the current one.

Each step changes the record's data as little as it can; ``migrate_text`` applies the steps to
the file's text through a round-trip YAML parser, so that comments, key order, quoting and block
styles of everything else stay as the editor wrote them. A record is refused, with its problems
located in the file, when it would still have errors after migrating: those are the editor's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from advising_content.file_problems import FileProblems
from advising_content.modelines import modeline_for, schema_named, with_modeline
from advising_content.problems import Problem, Severity
from advising_content.reading import LoadedDocument, load_file
from advising_content.versions import is_older_major, parsed


class Status(Enum):
    MIGRATED = "migrated"
    CURRENT = "current"
    REFUSED = "refused"


@dataclass
class Outcome:
    """What migrating one file came to: its new text when it was migrated, what changed, or
    the problems that stop it."""

    path: str
    status: Status
    written_for: str = ""
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None
    note: str = ""  # why a file that could not be read or written was not migrated


Step = Callable[[MutableMapping[str, Any], "Options"], list[str]]


@dataclass(frozen=True)
class Options:
    current: str  # the schema version to migrate to
    institution_id: str | None = None  # the id to give the institution, when it has none


def migrate_text(path: str, raw: bytes, options: Options) -> Outcome:
    """Migrate the content file shown as ``path`` with bytes ``raw``."""
    from advising_content.file_check import check_document

    problems = FileProblems(limit=None)
    document = load_file(path, raw, problems).document
    errors = [p for p in problems.found if p.severity is Severity.ERROR]
    if document is None or errors:
        return Outcome(path, Status.REFUSED, problems=errors or problems.found)
    written = document.data.get("schema_version")
    if not is_older_major(written, options.current):
        return _not_older(document, problems, options)
    data = copy.deepcopy(document.data)
    changes = apply_steps(data, options)
    check_document(LoadedDocument(path, data, document.source_map), problems)
    errors = [p for p in problems.found if p.severity is Severity.ERROR]
    if errors:
        return Outcome(path, Status.REFUSED, str(written), changes, errors)
    text = rewritten(raw.decode("utf-8-sig"), options)
    folder = Path(path).parent
    placed = with_modeline(text, modeline_for(folder), folder)
    first = placed.partition("\n")[0]
    if first != text.partition("\n")[0]:
        changes.append(f"its first line points editors to {schema_named(first)}")
    return Outcome(path, Status.MIGRATED, str(written), changes, text=placed)


def _not_older(document: LoadedDocument, problems: FileProblems, options: Options) -> Outcome:
    """A record that needs no migration, or one written for a version this tool cannot read."""
    from advising_content.file_check import check_document

    written = document.data.get("schema_version")
    ours, tools = parsed(written), parsed(options.current)
    if ours is not None and tools is not None and ours[0] == tools[0]:
        return Outcome(document.path, Status.CURRENT, str(written))
    check_document(document, problems)
    version_problems = [p for p in problems.found if p.rule in ("schema-version", "missing-key")]
    stop = [p for p in version_problems if "schema_version" in p.message] or problems.found
    return Outcome(document.path, Status.REFUSED, str(written or ""), problems=stop)


def apply_steps(data: MutableMapping[str, Any], options: Options) -> list[str]:
    """Change ``data`` (a plain or a round-trip mapping) from its major version to the
    current one, step by step; what changed, in words."""
    changes: list[str] = []
    major = parsed(data.get("schema_version"))
    current = parsed(options.current)
    assert major is not None
    assert current is not None
    for number in range(int(major[0]), int(current[0])):
        changes += STEPS[number](data, options)
    data["schema_version"] = _same_style(data["schema_version"], options.current)
    changes.append(f"schema_version is now '{options.current}'")
    return changes


def _one_to_two(data: MutableMapping[str, Any], options: Options) -> list[str]:
    """Schema 2.0.0: the institution has an id; an advisor's 'role' becomes its 'titles'."""
    changes = []
    institution = data.get("institution")
    if isinstance(institution, MutableMapping) and "id" not in institution:
        name = institution.get("name")
        value = options.institution_id or slugged(name if isinstance(name, str) else "")
        insert(institution, 0, "id", value)
        changes.append(f"institution.id is '{value}'")
    advisors = data.get("advisors")
    for index, advisor in enumerate(advisors if isinstance(advisors, list) else []):
        if isinstance(advisor, MutableMapping) and "role" in advisor and "titles" not in advisor:
            position = list(advisor).index("role")
            titles = _sequence(data, [advisor["role"]])
            _move_comment(advisor, "role", titles)
            del advisor["role"]
            insert(advisor, position, "titles", titles)
            name = advisor.get("id") if isinstance(advisor.get("id"), str) else index + 1
            changes.append(f"the role of advisor '{name}' is now its titles")
    return changes


STEPS: dict[int, Step] = {1: _one_to_two}


def slugged(name: str) -> str:
    """An id made of a name: 'Northwestern University' becomes 'northwestern-university'."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "-".join(words) or "institution"


def insert(mapping: MutableMapping[str, Any], position: int, key: str, value: Any) -> None:
    """Put ``key`` at ``position`` among the keys of ``mapping``, round-trip or plain."""
    if hasattr(mapping, "insert"):
        mapping.insert(position, key, value)
        return
    entries = list(mapping.items())
    entries.insert(position, (key, value))
    mapping.clear()
    mapping.update(entries)


def _sequence(data: MutableMapping[str, Any], values: list[Any]) -> Any:
    """A list of the same kind as ``data`` holds: round-trip for a round-trip mapping."""
    if hasattr(data, "insert"):
        from ruamel.yaml.comments import CommentedSeq

        return CommentedSeq(values)
    return values


def _move_comment(mapping: Any, key: str, sequence: Any) -> None:
    """Keep the comment or blank lines after ``mapping[key]`` after the first item of
    ``sequence`` instead, when both are round-trip nodes."""
    comments = getattr(mapping, "ca", None)
    entry = comments.items.pop(key, None) if comments is not None else None
    if entry and len(entry) > 2 and entry[2] is not None and hasattr(sequence, "ca"):
        sequence.ca.items[0] = [entry[2], None]


def _same_style(old: Any, new: str) -> Any:
    """``new`` written in the quotes ``old`` was written in."""
    style = type(old)
    return style(new) if isinstance(old, str) and style is not str else new


def rewritten(text: str, options: Options) -> str:
    """The text of a record migrated to ``options.current``, everything else kept."""
    from advising_content.round_trip import dumped, loaded

    document, layout = loaded(text)
    apply_steps(document, options)
    return dumped(document, layout)
