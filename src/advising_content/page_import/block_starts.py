"""The blocks of a page about its specialty: title, quote or description with its citation,
audience headings, questions and free sections."""

from __future__ import annotations

from advising_content.page_import import line_kinds as kinds
from advising_content.page_import.citation_text import parsed_citation
from advising_content.page_import.draft import Note
from advising_content.page_import.page_text import PageLine
from advising_content.page_import.people_lines import slug
from advising_content.page_import.people_starts import PeopleStarts
from advising_content.question_bank import BankQuestion

_LONGEST_QUESTION = 300


class BlockStarts(PeopleStarts):
    final: PageLine | None = None

    def title_line(self, line: PageLine, blank_before: bool) -> bool:
        if not self.preamble or not kinds.looks_like_heading(line.text):
            return False
        if kinds.audiences(line.text) or self.bank.match(line.text):
            return False
        self.title_lines.append(line)
        return True

    def preamble_line(self, line: PageLine, blank_before: bool) -> bool:
        """Text before any block that is not a title: the page's own description."""
        if not self.preamble:
            return False
        self.end_preamble()
        self.open("description", {})
        self.draft.parts["description"] = self.entry
        self.draft.place("description", line.number)
        self.prose.append(line.text)
        return True

    def quote_start(self, line: PageLine, blank_before: bool) -> bool:
        if not kinds.opens_quote(line.text) or "quote" in self.draft.parts or self.group:
            return False
        self.end_preamble()
        self.open("quote", {})
        self.draft.parts["quote"] = self.entry
        self.draft.place("quote", line.number)
        self.prose.append(line.text)
        return True

    def citation(self, line: PageLine, blank_before: bool) -> bool:
        quote = self.draft.parts.get("quote")
        if quote is None or "citation" in quote or not kinds.is_citation(line.text):
            return False
        if self.group is not None:
            return False
        self.close()
        found = parsed_citation(line.text)
        if found is None:
            self.draft.unplaced.append(
                Note(line.number, "a citation not written as 'Author, A. (year). Title.'; "
                     "write the quote's citation by hand")
            )  # fmt: skip
            return False
        quote["citation"] = found
        return True

    def credit(self, line: PageLine, blank_before: bool) -> bool:
        organization = kinds.credit(line.text)
        if organization is None or self.current not in ("description", "quote"):
            return False
        entry = self.entry
        self.close()
        entry["citation"] = {"organization": organization}
        return True

    def audience_heading(self, line: PageLine, blank_before: bool) -> bool:
        audiences = kinds.audiences(line.text)
        if audiences is None:
            return False
        self.end_preamble()
        self.close()
        group_id = self.draft.unique_id(slug(f"{audiences[0]}-{audiences[-1]}"))
        self.group = {"id": group_id, "heading": line.text, "audiences": list(audiences)}
        self.draft.collection("question_groups").append(self.group)
        self.draft.place(group_id, line.number)
        return True

    def question(self, line: PageLine, blank_before: bool) -> bool:
        wording, marked = kinds.question_wording(line.text)
        asked = wording.endswith("?") and len(wording) <= _LONGEST_QUESTION
        found = self.bank.match(wording)
        if asked and (marked or found or (self.group is not None and kinds.asks(wording))):
            self._ask(line, wording, found)
            return True
        if line is self.final and not kinds.ends_sentence(wording):
            begun = self.bank.candidates(wording, cut=True)
            if len(begun) == 1 and self.current in ("question", None):
                self._ask(line, wording, begun[0])
                return True
        return False

    def _ask(self, line: PageLine, wording: str, found: BankQuestion | None) -> None:
        self.end_preamble()
        if self.group is None:
            self.group = {"id": self.draft.unique_id("questions")}
            self.draft.collection("question_groups").append(self.group)
            self.draft.place(self.group["id"], line.number)
        key = found.key if found else self.draft.unique_id(_custom_key(wording))
        if found is None:
            self.draft.custom.append(Note(line.number, f"{wording!r}, with the key {key!r}"))
        entry = {"key": key, "question": wording, **({} if found else {"custom": True})}
        self.open("question", entry)
        self.group.setdefault("questions", []).append(entry)
        self.draft.place(key, line.number)
        self.draft.lines_of.setdefault(f"{self.group['id']}/{key}", line.number)

    def section_heading(self, line: PageLine, blank_before: bool) -> bool:
        text = line.text
        if not (kinds.looks_like_heading(text) or (text.endswith("?") and len(text) <= 80)):
            return False
        return self.section(line, text)


def _custom_key(wording: str) -> str:
    """A key for a question the bank lacks: its first words, up to about 40 characters."""
    words: list[str] = []
    for word in slug(wording).split("-"):
        if words and len("-".join([*words, word])) > 40:
            break
        words.append(word)
    return "-".join(words)
