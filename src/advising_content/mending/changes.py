"""What a mend is: the kinds of mend, and the changes each makes to the text and to its value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from advising_content.mending.edits import Edit, spliced
from advising_content.mending.scalars import Scalar
from advising_content.problems import JsonPath
from advising_content.reading.implicit import STR


class Mend(Enum):
    """The kinds of mend, in the order a file's mends are told."""

    SPACE = "space"  # a non-breaking space made an ordinary one
    ZERO_WIDTH = "zero-width"  # a zero-width character removed
    TRIM = "trim"  # spaces or line breaks removed from the start or end of a text
    QUOTE = "quote"  # a value put in quotes, so that it is read as text
    TAB = "tab"  # a line indented with spaces instead of tabs


@dataclass(frozen=True)
class Note:
    """Why something was not mended, at a 1-based line and column of the file."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Change:
    """One change to one scalar: ``edits`` of the file's text, and what they do to the value
    (``value_edit``; None when the value stays as it is, only read as text)."""

    kind: Mend
    edits: tuple[Edit, ...]
    value_edit: Edit | None = None


@dataclass(frozen=True)
class ScalarMend:
    """The changes to one scalar, and the value and tag it is read with once they are made.
    ``location`` is where the value is in the data; None for a key, which the data holds as
    text whatever its quotes."""

    scalar: Scalar
    location: JsonPath | None
    changes: tuple[Change, ...]

    @property
    def value(self) -> str:
        value_edits = [change.value_edit for change in self.changes if change.value_edit]
        return spliced(self.scalar.value, value_edits)

    @property
    def tag(self) -> str:
        quoted = any(change.kind is Mend.QUOTE for change in self.changes)
        return STR if quoted else self.scalar.tag

    @property
    def edits(self) -> list[Edit]:
        return [edit for change in self.changes for edit in change.edits]


def edits_of(mends: Iterable[ScalarMend]) -> list[Edit]:
    return [edit for mend in mends for edit in mend.edits]


def counted(mends: Iterable[ScalarMend]) -> Counter[Mend]:
    """How many of each kind of mend: each character for spaces, each text trimmed (at its
    start, end or both) once, each value quoted once."""
    counts: Counter[Mend] = Counter()
    for mend in mends:
        kinds = [change.kind for change in mend.changes]
        counts.update(kind for kind in kinds if kind is not Mend.TRIM)
        counts[Mend.TRIM] += Mend.TRIM in kinds
    return +counts
