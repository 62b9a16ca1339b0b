"""HTML: a static site for students and advising offices, ready to host anywhere."""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from dataclasses import astuple
from typing import TYPE_CHECKING

from advising_content.export.records import Record
from advising_content.export.registry import ExportFormat, ExportOptions, Finished, FormatWriter
from advising_content.wording import plural

if TYPE_CHECKING:
    from advising_content.export.record_files import RecordFiles
    from advising_content.question_bank import QuestionBank

CARD = "card"


def _record_file(key: str) -> str:
    from advising_content.export.html_site import record_file

    return record_file(key)


class _Writer:
    """Writes each record's page as it comes, and its answers to each bank question (the rows
    of that question's page) and its card (for the index and the coverage matrix) as shares."""

    def __init__(self, bank: QuestionBank) -> None:
        self.bank = bank
        self.shares = (CARD, *(question.key for question in bank.questions))

    def record(self, record: Record, files: RecordFiles) -> Sequence[bytes]:
        from advising_content.export.html_site import answer_rows, card, record_file, record_page
        from advising_content.export.records import record_key

        files.write(record_file(record_key(record)), record_page(record).encode())
        shown = card(record, self.bank)
        rows = [answer_rows(record, question).encode() for question in self.bank.questions]
        return [marshal.dumps(astuple(shown)), *rows]

    def finish(self, done: Finished) -> str:
        from advising_content.export import html_site as site

        cards = [site.Card(*marshal.loads(share)) for share in done.shares(CARD)]
        pages = {
            "html/index.html": site.index_page(cards),
            "html/coverage.html": site.coverage_page(cards, self.bank),
            "html/questions/index.html": iter([site.questions_index(self.bank, cards)]),
            site.STYLESHEET: iter([site.stylesheet()]),
        }
        for question in self.bank.questions:
            rows = (share.decode() for share in done.shares(question.key))
            shown = site.answered(cards, self.bank, question)
            pages[site.question_file(question.key)] = site.question_page(question, rows, shown)
        for path, pieces in pages.items():
            with done.files.open_bytes(path) as stream:
                for piece in pieces:
                    stream.write(piece.encode())
        count = len(pages) + len(done.keys)
        return f"{plural(count, 'file')} of a static site in html/"


def _writer(options: ExportOptions) -> FormatWriter:
    from advising_content.question_bank import load_question_bank

    return _Writer(load_question_bank())


FORMAT = ExportFormat(
    name="html",
    order=5,
    writes="html/: a static site: an index, a page per record as its advising page reads, "
    "a page per bank question setting the answers side by side, and a coverage matrix",
    writer=_writer,
    record_file=_record_file,
)
