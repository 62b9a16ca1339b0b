"""The commands the benchmark measures, and the check of what ``--help`` and ``--version``
import."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from corpora import REPO
from measure import Tool
from results import ImportCheck

SCHEMA = REPO / "schemas" / "advising-record.schema.json"
FLOOR = REPO / "benchmarks" / "parse_floor.py"
BIN = Path(sys.executable).parent

FLOOR_NAME = "floor"
EXPORTS = {
    "export json+md+csv": ("json", "markdown", "csv"),
    "export xlsx": ("xlsx",),
    "export html": ("html",),
}
# The modules that check content: none of them is needed to print --help or --version.
CHECKING = re.compile(
    r"(yaml|jsonschema|jsonschema_rs|referencing|advising_content\.(validation|file_check"
    r"|file_problems|reading|schema_\w+|\w+_checks|other_records|workers))(\.|$)"
)


def installed(name: str) -> str | None:
    """The path of the command ``name``: the one next to this Python first, else on PATH."""
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


@dataclass(frozen=True)
class Programs:
    """The programs measured; check-jsonschema is None when it is not installed."""

    advising: str
    check_jsonschema: str | None

    @classmethod
    def find(cls) -> Programs:
        advising = installed("advising-content")
        if advising is None:
            raise SystemExit("advising-content is not installed: pip install .")
        return cls(advising, installed("check-jsonschema"))

    def version(self, program: str | None) -> str:
        """What ``program --version`` prints, or "not installed"."""
        if program is None:
            return "not installed"
        told = subprocess.run([program, "--version"], capture_output=True, text=True, check=True)
        return told.stdout.strip().rsplit(" ", 1)[-1]


# As pip does when it installs a package: an editable install run with PYTHONDONTWRITEBYTECODE
# would otherwise compile every changed module again at each run, and measure that too.
_COMPILE = (
    "import advising_content, compileall, os; "
    "compileall.compile_dir(os.path.dirname(advising_content.__file__), quiet=2)"
)


def compile_bytecode(program: str) -> None:
    """Write the bytecode of the advising_content that ``program`` runs, for the Python in its
    first line (the interpreter of a script that pip installed)."""
    with open(program, "rb") as script:
        first = script.readline().decode("utf-8", "replace").strip()
    named = first[2:].split()[:1] if first.startswith("#!") else []
    interpreter = named[0] if named and "python" in Path(named[0]).name else sys.executable
    subprocess.run([interpreter, "-c", _COMPILE], check=True)


def floor(folder: Path) -> Tool:
    """Reading and parsing every YAML file under ``folder`` with libyaml, and nothing else."""
    return Tool(FLOOR_NAME, (sys.executable, str(FLOOR), str(folder)))


def check_jsonschema(programs: Programs, files: list[Path]) -> Tool:
    """check-jsonschema on ``files``, against the project's schema."""
    assert programs.check_jsonschema is not None
    command = (programs.check_jsonschema, "--schemafile", str(SCHEMA), *map(str, files))
    return Tool("check-jsonschema", command)


def validate(programs: Programs, path: Path, expect: tuple[int, ...] = (0,)) -> Tool:
    """``advising-content validate PATH``, a file or a folder."""
    return Tool("validate", (programs.advising, "validate", str(path)), expect)


def valid_corpus_tools(
    programs: Programs, files: list[Path], out: Path, compare: bool
) -> list[Tool]:
    """validate, check-jsonschema (with ``compare``) and the exports, on valid ``files``."""
    folder = str(files[0].parent)
    tools = [validate(programs, files[0].parent)]
    if compare and programs.check_jsonschema:
        tools.append(check_jsonschema(programs, files))
    for name, formats in EXPORTS.items():
        chosen = [option for fmt in formats for option in ("--format", fmt)]
        command = (programs.advising, "export", folder, "--out", str(out), "--quiet", *chosen)
        tools.append(Tool(name, command, out=out))
    return tools


def invalid_corpus_tools(programs: Programs, folder: Path) -> list[Tool]:
    """validate on a corpus where every file has an error: it exits 1."""
    return [validate(programs, folder, expect=(1,))]


def check_imports(programs: Programs, argument: str) -> ImportCheck:
    """What ``advising-content ARGUMENT`` imports, as ``python -X importtime`` reports it."""
    environment = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    command = [programs.advising, argument]
    told = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)
    modules, own_us = [], 0
    for line in told.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        modules.append(name.strip())
        own_us += int(own)
    checking = tuple(name for name in modules if CHECKING.match(name))
    return ImportCheck(f"advising-content {argument}", len(modules), own_us / 1000, checking)
