"""The ``advising-content`` command line: a thin layer over the package's API."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

from advising_content import __version__

# Each command, by name: the module of advising_content.cli that defines it, as a function of
# the same name.
COMMANDS = {
    "validate": "validate",
    "export": "export",
    "new": "new",
    "import": "import_pages",
    "migrate": "migrate",
    "schema": "schema",
    "editor": "editor",
    "questions": "questions",
    "rules": "rules",
    "fix": "fix",
}


class _Commands(MutableMapping[str, click.Command]):
    """The commands by name, each imported when it is first asked for: a command loads what
    it needs alone, and --version nothing."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module = self._modules[name]
            command = getattr(importlib.import_module(f"advising_content.cli.{module}"), module)
            assert isinstance(command, click.Command)
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command
        self._modules.setdefault(name, name)

    def __delitem__(self, name: str) -> None:
        del self._modules[name]
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


@click.group(
    name="advising-content",
    commands=_Commands(dict(COMMANDS)),
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="advising-content")
def main() -> None:
    """Validate specialty career-advising records and export them for other school systems.

    Content files are YAML records, one per specialty page, such as content/med-peds.yaml.
    """
