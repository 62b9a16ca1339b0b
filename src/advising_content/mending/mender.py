"""Mend the text of one content file: its tabs first (a file that does not parse has nothing
else to mend), then what the validator reports that needs no judgement."""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field, replace

from advising_content.file_problems import FileProblems, TooManyProblems
from advising_content.mending import MENDABLE_RULES
from advising_content.mending.changes import Mend, Note, counted, edits_of
from advising_content.mending.edits import Edit, placed_before, spliced
from advising_content.mending.plan import planned
from advising_content.mending.scalars import parsed, reads
from advising_content.mending.tabs import mended_tabs
from advising_content.mending.verify import verified
from advising_content.problems import Problem, Severity
from advising_content.reading import LoadedDocument, load_file


@dataclass
class Mending:
    """What mending a text came to: the text ``before`` and ``after`` (the same when there is
    nothing to mend, or when it cannot be mended: then ``note`` says why), how many of each
    mend, and the problems of the rules mended that are left, placed in ``after``."""

    before: str
    after: str
    counts: Counter[Mend] = field(default_factory=Counter)
    leftovers: list[Problem] = field(default_factory=list)
    note: Note | None = None
    stages: tuple[list[Edit], ...] = ()  # the edits made, in turn

    def placed_before(self, problem: Problem) -> Problem:
        """``problem`` of the text after, placed where it is in the text before."""
        where = placed_before(self.before, self.after, self.stages, problem.line, problem.column)
        return replace(problem, line=where[0], column=where[1])


def mend_text(path: str, text: str) -> Mending:
    """Mend the text of the content file shown as ``path``."""
    tab_edits: list[Edit] = []
    if not reads(text):
        tabs = mended_tabs(text)
        if not isinstance(tabs, list):
            return Mending(text, text, note=tabs or _first_error(checked(path, text)[1]))
        tab_edits = tabs
    tabbed = spliced(text, tab_edits)
    document, problems = checked(path, tabbed)
    if document is None:
        first = _first_error(problems)
        where = placed_before(text, tabbed, [tab_edits], first.line, first.column)
        return Mending(text, text, note=Note(*where, first.message))
    before = parsed(tabbed)
    mends = verified(tabbed, before, planned(tabbed, before, problems))
    after = spliced(tabbed, edits_of(mends))
    if mends:
        problems = checked(path, after)[1]
    counts = counted(mends)
    counts[Mend.TAB] += len(tab_edits)
    leftovers = sorted(problem for problem in problems if problem.rule in MENDABLE_RULES)
    return Mending(text, after, +counts, leftovers, None, (tab_edits, edits_of(mends)))


def checked(path: str, text: str) -> tuple[LoadedDocument | None, list[Problem]]:
    """The record of ``text`` and the problems the validator finds in it, up to the number at
    which it stops checking a file (a hostile file could hold hundreds of thousands)."""
    from advising_content.file_check import check_document

    problems = FileProblems()
    document = None
    with contextlib.suppress(TooManyProblems):
        document = load_file(path, text.encode("utf-8"), problems).document
        if document is not None:
            check_document(document, problems)
    return document, problems.found


def _first_error(problems: list[Problem]) -> Note:
    errors = sorted(problem for problem in problems if problem.severity is Severity.ERROR)
    first = errors[0] if errors else min(problems)
    return Note(first.line, first.column, first.message)
