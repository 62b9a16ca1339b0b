"""The standard question bank that every specialty page answers, and how a page's wording of a
question is matched to it."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from advising_content.resources import QUESTION_BANK_FILE, read_text

# How alike two wordings must be, after normalizing, to be the same question: close enough
# for a changed word or a typo, far enough apart for the bank's different questions.
_SIMILAR = 0.9
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class BankQuestion(NamedTuple):
    key: str
    number: int
    question: str
    group_id: str
    audiences: tuple[str, ...]
    core: bool = True
    alternates: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        """The bank's wording, then those of other schools."""
        return (self.question, *self.alternates)

    @property
    def normalized_wordings(self) -> tuple[str, ...]:
        """``wordings``, each ``normalized``."""
        return _each_normalized(self.wordings)


class BankGroup(NamedTuple):
    id: str
    heading: str
    audiences: tuple[str, ...]
    questions: tuple[BankQuestion, ...]


@dataclass(frozen=True)
class QuestionBank:
    groups: tuple[BankGroup, ...]

    @property
    def questions(self) -> tuple[BankQuestion, ...]:
        return tuple(question for group in self.groups for question in group.questions)

    def get(self, key: str) -> BankQuestion | None:
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, BankQuestion]:
        return {question.key: question for question in self.questions}

    @cached_property
    def _wordings(self) -> tuple[tuple[str, BankQuestion], ...]:
        """Each normalized wording of the bank, with its question."""
        return tuple(
            (wording, question)
            for question in self.questions
            for wording in question.normalized_wordings
        )

    @cached_property
    def _worded(self) -> dict[str, tuple[BankQuestion, ...]]:
        """The questions of each normalized wording."""
        found: dict[str, tuple[BankQuestion, ...]] = {}
        for wording, question in self._wordings:
            found[wording] = _distinct((*found.get(wording, ()), question))
        return found

    def match(self, wording: str, *, cut: bool = False) -> BankQuestion | None:
        """The one bank question a page's ``wording`` asks, or None when none or several do."""
        found = self.candidates(wording, cut=cut)
        return found[0] if len(found) == 1 else None

    def candidates(self, wording: str, *, cut: bool = False) -> tuple[BankQuestion, ...]:
        """The bank questions a page's ``wording`` may ask, by the bank's wording or an
        alternate: those worded the same, else (with ``cut``, for a wording that stops part
        way) those it begins, else the one most alike, tolerant of small differences."""
        wanted = normalized(wording)
        if not wanted:
            return ()
        wordings = self._wordings
        same = self._worded.get(wanted, ())
        if same or not cut:
            return same or _most_alike(wordings, wanted)
        begun = _distinct(question for known, question in wordings if known.startswith(wanted))
        return begun or _most_alike(wordings, wanted)

    def asks(self, question: BankQuestion, wording: str, *, cut: bool = False) -> bool:
        """Whether ``wording`` is one of ``question``'s wordings, up to small edits (with
        ``cut``, or the beginning of one)."""
        wanted = normalized(wording)
        known = question.normalized_wordings
        if wanted in known or (cut and any(text.startswith(wanted) for text in known)):
            return True
        return any(_likeness(text, wanted) >= _SIMILAR for text in known)


def overrun(question: BankQuestion, wording: str) -> int | None:
    """Where in ``wording`` one of ``question``'s wordings ends, when ``wording`` begins with it
    and goes on with more words; else None."""
    wanted = normalized(wording)
    for text in sorted(map(normalized, question.wordings), key=len, reverse=True):
        if not wanted.startswith(text + " "):
            continue
        for word in re.finditer(r"\w+", wording):
            if normalized(wording[: word.end()]) == text:
                return word.end()
    return None


def _likeness(known: str, wanted: str) -> float:
    from difflib import SequenceMatcher  # loaded for a wording other than the bank's alone

    return SequenceMatcher(None, known, wanted, autojunk=False).ratio()


def _distinct(questions: Iterable[BankQuestion]) -> tuple[BankQuestion, ...]:
    return tuple(dict.fromkeys(questions))


def _most_alike(
    wordings: tuple[tuple[str, BankQuestion], ...], wanted: str
) -> tuple[BankQuestion, ...]:
    scored = [(_likeness(known, wanted), question) for known, question in wordings]
    best = max((score for score, _ in scored), default=0.0)
    if best < _SIMILAR:
        return ()
    return _distinct(question for score, question in scored if score == best)


@lru_cache(maxsize=256)
def normalized(wording: str) -> str:
    """A wording reduced to its words: lower case, without accents, quotes or punctuation."""
    plain = unicodedata.normalize("NFKD", wording).encode("ascii", "ignore").decode()
    return " ".join(_NOT_WORD.sub(" ", plain.lower()).split())


@lru_cache(maxsize=512)
def _each_normalized(wordings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalized(text) for text in wordings)


@cache
def load_question_bank() -> QuestionBank:
    """The question bank shipped with the package."""
    raw = json.loads(read_text(QUESTION_BANK_FILE))
    groups = []
    for group in raw["groups"]:
        audiences = tuple(group["audiences"])
        questions = tuple(
            BankQuestion(
                key=item["key"],
                number=item["number"],
                question=item["question"],
                group_id=group["id"],
                audiences=tuple(item.get("audiences", audiences)),
                core=item["core"],
                alternates=tuple(item["alternates"]),
                stances=tuple(item["stances"]),
                facts=tuple(item["facts"]),
            )
            for item in group["questions"]
        )
        groups.append(BankGroup(group["id"], group["heading"], audiences, questions))
    return QuestionBank(tuple(groups))
