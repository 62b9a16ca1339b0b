"""The steps of ``import``: read every page first, then write each record (never over a file),
validate what was written, and report page by page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import click

from advising_content.cli.editor_files import for_records
from advising_content.display import shown
from advising_content.page_import.import_report import page_report
from advising_content.page_import.importer import ImportedPage, ImportOptions, import_page
from advising_content.page_import.page_text import PageReadError, read_page
from advising_content.problems import Severity
from advising_content.question_bank import load_question_bank
from advising_content.reports.text_report import text_line
from advising_content.resources import load_schema
from advising_content.validation import validate_paths


class ImportRun:
    def __init__(
        self, institution_name: str, institution_id: str, out: Path, to_stdout: bool
    ) -> None:
        from advising_content.modelines import modeline_for

        self.institution = (institution_name, institution_id)
        self.out, self.to_stdout = out, to_stdout
        self.modeline = modeline_for(out)

    def read(
        self, page: Path, record_id: str | None, name: str | None, source: str | None
    ) -> ImportedPage:
        options = ImportOptions(*self.institution, record_id, name, source)
        try:
            text = read_page(page)
        except PageReadError as error:
            raise click.ClickException(str(error)) from None
        return import_page(text, options, load_question_bank(), load_schema())

    def write(self, imported: list[ImportedPage], create: Callable[[Path, str], None]) -> bool:
        targets = [self.out / f"{entry.record_id}.yaml" for entry in imported]
        for target in targets:
            if target.exists() or target.is_symlink():
                raise click.ClickException(
                    f"{shown(str(target))} already exists; nothing was written"
                )
        for first, target in enumerate(targets):
            if target in targets[:first]:
                pages = (imported[targets.index(target)].page.path, imported[first].page.path)
                raise click.UsageError(
                    f"{shown(str(pages[0]))} and {shown(str(pages[1]))} both give the record id "
                    f"'{target.stem}'; import them one at a time, with --id or --out"
                )
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            for entry, target in zip(imported, targets, strict=True):
                create(target, self._text(entry))
        except OSError as error:
            raise click.ClickException(f"cannot write to {shown(str(self.out))}: {error}") from None
        return self._report(imported, targets, "wrote", for_records(self.out))

    def check(self, imported: list[ImportedPage], folder: Path) -> bool:
        """For --stdout: each record printed, and checked as it would be written."""
        targets = [folder / f"{entry.record_id}.yaml" for entry in imported]
        for entry, target in zip(imported, targets, strict=True):
            target.write_text(self._text(entry), "utf-8")
            click.echo(self._text(entry), nl=False)
        return self._report(imported, targets, "printed")

    def _text(self, entry: ImportedPage) -> str:
        """A record as it is written in DIR: its first line points editors to the schema."""
        return f"{self.modeline}\n{entry.text}"

    def _report(
        self,
        imported: list[ImportedPage],
        targets: list[Path],
        verb: str,
        notes: Sequence[str] = (),
    ) -> bool:
        report = validate_paths(targets, workers=1)
        by_file = {Path(entry.path): entry.problems for entry in report.files}
        failed = 0
        for entry, target in zip(imported, targets, strict=True):
            shown_as = f"{target.name} (to standard output)" if self.to_stdout else str(target)
            for line in page_report(entry, f"{verb} {shown_as}"):
                click.echo(line, err=self.to_stdout)
            problems = by_file.get(target, [])
            for problem in problems:
                line = text_line(problem)
                click.echo(
                    "  " + (line.replace(str(target), shown_as) if self.to_stdout else line),
                    err=self.to_stdout,
                )
            failed += any(problem.severity is Severity.ERROR for problem in problems)
        for note in notes:
            click.echo(note)
        click.echo(_summary(len(imported), failed), err=self.to_stdout)
        return not failed


def _summary(pages: int, failed: int) -> str:
    imported = f"Imported {pages} page{'' if pages == 1 else 's'}: "
    if not failed:
        return imported + "every record validates."
    records = "1 record still has" if failed == 1 else f"{failed} records still have"
    return imported + f"{records} errors to fix by hand (see above)."
