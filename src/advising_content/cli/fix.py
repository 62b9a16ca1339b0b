"""``advising-content fix``: mend in place what needs no judgement."""

from __future__ import annotations

from collections import Counter

import click

from advising_content.cli.paths import DEFAULT_CONTENT, content_paths, existing_paths
from advising_content.exit_codes import ExitCode


@click.command()
@click.argument("paths", nargs=-1, callback=existing_paths, metavar="[PATH]...")
@click.option("--diff", "diff", is_flag=True, help="Show the changes as a diff; write nothing.")
def fix(paths: tuple[str, ...], diff: bool) -> None:
    """Mend in place what needs no judgement: special spaces, values to quote, tabs.

    PATH is a content file or a directory searched for *.yaml and *.yml files;
    the default is content/. Mends non-breaking and zero-width spaces, spaces at
    the start or end of a text, values that YAML would read as yes/no, a number
    or a date where text belongs (they are put in quotes), and tabs used for
    indentation; every other character of the file stays as it is. A file that
    cannot be mended, such as one with another YAML syntax error, is left as it
    is, and said so. Exits 0 when nothing is left to mend, 1 when a file could
    not be mended or a problem is left to mend by hand (with --diff, also when a
    file would be mended), 2 on a usage error.
    """
    from advising_content.mending.files import Status, mend_file, searched_folder
    from advising_content.mending.report import not_searched, summary, told

    named = paths or (DEFAULT_CONTENT,)
    found = content_paths(paths)
    statuses: Counter[Status] = Counter()
    by_hand = 0
    for problem in found.problems:
        statuses[Status.REFUSED] += 1
        click.echo(not_searched(problem.path, problem.line, problem.column, problem.message))
    for path in found.files:
        outcome = mend_file(path, searched_folder(path, named), write=not diff)
        statuses[outcome.status] += 1
        by_hand += len(outcome.leftovers)
        for line in told(outcome, diff=diff):
            click.echo(line)
    click.echo(summary(statuses, by_hand, diff=diff))
    failed = statuses[Status.REFUSED] or by_hand or (diff and statuses[Status.MENDED])
    raise SystemExit(ExitCode.CONTENT_ERRORS if failed else ExitCode.OK)
