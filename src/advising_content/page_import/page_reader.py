"""Reading a page line by line into a draft record: each line starts a block (a quote, an
audience's questions, a question, a section, an advisor block…) or continues the one before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from advising_content.page_import import line_kinds as kinds
from advising_content.page_import.block_starts import BlockStarts
from advising_content.page_import.draft import Draft, Note
from advising_content.page_import.page_text import PageLine, PageText
from advising_content.page_import.people_lines import add_to_advisor, add_to_contact
from advising_content.page_import.prose_lines import add_line
from advising_content.question_bank import QuestionBank

_PROSE = ("quote", "description", "question", "section", "session")


class PageReader(BlockStarts):
    def __init__(self, page: PageText, bank: QuestionBank) -> None:
        super().__init__(Draft(), bank)
        self.page = page
        self.addresses = page.addresses
        self.after_blank = False
        self.beside_navigation = False
        self.last_text: PageLine | None = None
        self.last_kind: str | None = None

    def read(self) -> Draft:
        texts = [line for line in self.page.lines if line.text]
        self.final = texts[-1] if texts else None
        for line in self.page.lines:
            self._line(line)
        self.close()
        self.end_preamble()
        self._check_capture()
        return self.draft

    def _line(self, line: PageLine) -> None:
        if not line.text:
            self.after_blank = True
            return
        blank_before, self.after_blank = self.after_blank, False
        if line.site:
            self.draft.left_out.append(
                Note(line.number, f"{line.text!r} (the site around the page)")
            )
            return
        if kinds.is_navigation(line.text):
            self.draft.left_out.append(Note(line.number, f"{line.text!r} (navigation)"))
            self.beside_navigation = True
            return
        if self.beside_navigation and not blank_before and self.preamble:
            self.draft.left_out.append(Note(line.number, f"{line.text!r} (the site's header)"))
            return
        self.beside_navigation = False
        handlers: tuple[Callable[[PageLine, bool], bool], ...] = (
            self.title_line, self.quote_start, self.citation, self.credit,
            self.audience_heading, self.more_information, self.request_link, self.profile_link,
            self.session_heading, self.question, self.advisor_label, self._people,
            self.preamble_line, self._prose, self.section_heading,
        )  # fmt: skip
        if kinds.is_furniture(line.text) or not any(h(line, blank_before) for h in handlers):
            self.unplaced(line)
        self.last_text, self.last_kind = line, self.current
        self.last_entry = self.entry if self.current in ("question", "section") else None

    def _people(self, line: PageLine, blank_before: bool) -> bool:
        if self.current == "advisors":
            return self._advisor_line(line, blank_before)
        # A contact's lines run on until a blank line, once it has one beyond its heading.
        begun = set(self.entry) > {"id", "heading"}
        if self.current == "contact" and (not blank_before or not begun):
            add_to_contact(self.entry, line.text, self.draft.parts.get("advisors", []))
            return True
        if self.current is None and not self.preamble and kinds.person(line.text):
            return self.advisor(line, None)
        return False

    def _advisor_line(self, line: PageLine, blank_before: bool) -> bool:
        if kinds.person(line.text):
            return self.advisor(line, self.entry)
        advisors = self.entry["advisors"]
        if advisors and not blank_before:
            add_to_advisor(self.advisor_entry(advisors[-1]), line.text)
            return True
        self.close()
        return False

    def _prose(self, line: PageLine, blank_before: bool) -> bool:
        if self.current not in _PROSE or kinds.is_furniture(line.text):
            return False
        if self.current == "quote" and self.prose and kinds.closes_quote(self.prose[-1]):
            return False
        titled = kinds.is_title_case(line.text)
        # A heading of its own: after a heading with nothing under it yet, or after a text,
        # a heading's words; the first line under a question is its answer, whatever it reads.
        heading = (titled and bool(self.prose)) or (self.current == "section" and not self.prose)
        if blank_before and kinds.looks_like_heading(line.text) and heading:
            return False
        add_line(self.prose, line.text)
        return True

    def _check_capture(self) -> None:
        """A capture whose last text stops mid-sentence is partial; say where it stops."""
        last = self.last_text
        cut = last is not None and self.last_kind in _PROSE and kinds.is_fragment(last.text)
        source: dict[str, Any] = self.draft.parts.setdefault("source", {})
        source["complete"] = not cut
        if cut and last is not None:
            end = last.text if len(last.text) <= 60 else "…" + last.text[-50:]
            self.draft.cut = Note(last.number, f"the capture stops mid-sentence: {end!r}")
            if self.last_entry is not None and self.last_kind in ("question", "section"):
                self.last_entry["cut"] = True
                self.last_entry.pop("no_answer", None)
                self.last_entry.pop("no_text", None)
