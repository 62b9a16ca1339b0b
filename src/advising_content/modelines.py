"""The first line of a record that tells an editor its schema, with no settings and no network:
``# yaml-language-server: $schema=../schemas/advising-record.schema.json``, a path from the
record's folder to the copy of the schema in its content repository.

The content repository of a folder is the nearest folder, from it upwards, that holds the
schema (``schemas/advising-record.schema.json``) or a ``.git``; failing that, the current
folder when the folder is inside it; failing that, the folder itself.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePosixPath

SCHEMA_IN_REPOSITORY = PurePosixPath("schemas", "advising-record.schema.json")
MODELINE = "# yaml-language-server: $schema="
OUR_SCHEMA_ID = "urn:advising-content:schema:advising-record:"
# What yaml-language-server takes for a modeline, and the schema it names.
_MODELINE = re.compile(r"^#\s+(?:yaml-language-server\s*:|\$schema:)")
_SCHEMA = re.compile(r"\$schema(?:=|:[^\S\r\n]*)(\S+)")


def repository_root(folder: Path) -> Path:
    """The content repository that ``folder`` (which may not exist yet) belongs to."""
    folder = Path(os.path.abspath(folder))
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_IN_REPOSITORY).exists() or (candidate / ".git").exists():
            return candidate
    here = Path(os.getcwd())
    return here if folder.is_relative_to(here) else folder


def schema_path(root: Path) -> Path:
    """Where the content repository ``root`` keeps its copy of the schema."""
    return root.joinpath(*SCHEMA_IN_REPOSITORY.parts)


def modeline_for(folder: Path) -> str:
    """The first line of a record kept in ``folder``."""
    target = schema_path(repository_root(folder))
    relative = os.path.relpath(target, os.path.abspath(folder))
    return MODELINE + PurePosixPath(*Path(relative).parts).as_posix()


def with_modeline(text: str, wanted: str, folder: Path) -> str:
    """``text`` with a modeline as its first line: the one it has, when that leads to this
    schema from ``folder``, or else ``wanted``; any other modeline of its header is dropped."""
    lines = text.split("\n")
    header = 0
    while header < len(lines) and (lines[header].startswith("#") or not lines[header].strip()):
        header += 1
    found = [line for line in lines[:header] if _MODELINE.match(line)]
    kept = found[0] if found and leads_to_our_schema(found[0], folder) else wanted
    rest = [line for line in lines[:header] if not _MODELINE.match(line)] + lines[header:]
    return "\n".join([kept, *rest])


def schema_named(line: str) -> str:
    """The schema a modeline names, as it names it ('' for none)."""
    named = _SCHEMA.search(line)
    return named[1] if named else ""


def leads_to_our_schema(line: str, folder: Path) -> bool:
    """Whether the modeline ``line`` names, from ``folder``, a file that is this schema."""
    named = schema_named(line)
    if not named or re.match(r"^[a-z][a-z0-9+.-]*:", named, re.IGNORECASE):
        return False
    return is_our_schema(folder / named)


def is_our_schema(path: Path) -> bool:
    """Whether ``path`` is a copy of advising-content's schema, of any version."""
    try:
        with open(path, encoding="utf-8") as stream:
            found = json.load(stream)
    except (OSError, ValueError):
        return False
    return isinstance(found, dict) and str(found.get("$id", "")).startswith(OUR_SCHEMA_ID)
