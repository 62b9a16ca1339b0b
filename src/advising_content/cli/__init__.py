"""The ``advising-content`` command line: a thin layer over the package's API."""

from __future__ import annotations

import click

from advising_content import __version__
from advising_content.cli.editor import editor
from advising_content.cli.export import export
from advising_content.cli.fix import fix
from advising_content.cli.import_pages import import_pages
from advising_content.cli.migrate import migrate
from advising_content.cli.new import new
from advising_content.cli.questions import questions
from advising_content.cli.rules import rules
from advising_content.cli.schema import schema
from advising_content.cli.validate import validate


@click.group(
    name="advising-content",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="advising-content")
def main() -> None:
    """Validate specialty career-advising records and export them for other school systems.

    Content files are YAML records, one per specialty page, such as content/med-peds.yaml.
    """


main.add_command(validate)
main.add_command(export)
main.add_command(new)
main.add_command(import_pages)
main.add_command(migrate)
main.add_command(schema)
main.add_command(editor)
main.add_command(questions)
main.add_command(rules)
main.add_command(fix)
