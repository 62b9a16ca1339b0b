"""Where a page's reading is: the block the last line went into, and how a block is closed."""

from __future__ import annotations

from typing import Any

from advising_content.page_import import line_kinds as kinds
from advising_content.page_import.draft import Draft, Note
from advising_content.page_import.page_text import PageLine
from advising_content.page_import.people_lines import slug
from advising_content.page_import.prose_lines import Blocks, without_marks, written
from advising_content.question_bank import QuestionBank

_OPENING, _CLOSING = "\"“„«'\u2018", "\"”»'\u2019"


class ReaderState:
    def __init__(self, draft: Draft, bank: QuestionBank) -> None:
        self.draft, self.bank = draft, bank
        self.current: str | None = None  # the kind of block the lines go into
        self.entry: dict[str, Any] = {}
        self.prose: Blocks = []
        self.group: dict[str, Any] | None = None
        self.preamble = True  # before the page's first block: its title and site header
        self.title_lines: list[PageLine] = []
        self.last_entry: dict[str, Any] | None = None
        self.addresses: dict[tuple[int, str], str] = {}  # of the page's links, when known

    def open(self, kind: str, entry: dict[str, Any]) -> None:
        self.close()
        self.current, self.entry, self.prose = kind, entry, []

    def close(self) -> None:
        """Write the text gathered for the block into it."""
        kind, entry, prose = self.current, self.entry, self.prose
        self.current, self.entry, self.prose = None, {}, []
        if kind == "question":
            entry.update({"answer": written(prose)} if prose else {"no_answer": True})
        elif kind == "section":
            entry.update({"text": written(prose)} if prose else {"no_text": True})
        elif kind == "quote" and prose:
            entry["text"] = written(without_marks(prose, _OPENING, _CLOSING))
        elif kind == "description" and prose:
            entry["text"] = written(prose)
        elif kind == "session" and prose:
            entry["description"] = written(prose)

    def end_preamble(self) -> None:
        """The page's first block begins: of the lines before it, a 'Specialty Choice: …'
        line, or else the last, is the title; the others are the site's header."""
        if not self.preamble:
            return
        self.preamble = False
        chosen = next(
            (line for line in self.title_lines if kinds.titled_specialty(line.text)),
            self.title_lines[-1] if self.title_lines else None,
        )
        for line in self.title_lines:
            if line is not chosen:
                self.draft.left_out.append(Note(line.number, f"{line.text!r} (the site's header)"))
        if chosen is not None:
            self.draft.parts["title"] = chosen.text
            name = kinds.titled_specialty(chosen.text) or chosen.text
            self.draft.parts.setdefault("specialty", {"name": name})

    def unplaced(self, line: PageLine) -> None:
        """A line that starts no block and continues none: kept as a section of its own."""
        self.end_preamble()
        section_id = self.draft.unique_id("unplaced")
        self.open("section", {"id": section_id})
        self.draft.collection("sections").append(self.entry)
        self.draft.place(section_id, line.number)
        self.prose.append(line.text)
        self.draft.unplaced.append(
            Note(line.number, f"{line.text[:60]!r}, kept as the section {section_id!r}")
        )

    def section(self, line: PageLine, heading: str | None) -> bool:
        self.end_preamble()
        section_id = self.draft.unique_id(slug(heading or "section"))
        self.open("section", {"id": section_id, **({"heading": heading} if heading else {})})
        self.draft.collection("sections").append(self.entry)
        self.draft.place(section_id, line.number)
        return True
