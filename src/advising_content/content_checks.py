"""Checks a JSON Schema cannot express: ids, references, the question bank, placeholders, text."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from advising_content.problems import FileProblems, JsonPath, Problem, Severity, dotted
from advising_content.question_bank import QuestionBank
from advising_content.wording import brief, quoted
from advising_content.yaml_loader import LoadedDocument

ID_COLLECTIONS = ("question_groups", "sections", "sessions", "advisors", "contacts", "links")
CONTENT_SUFFIXES = (".yaml", ".yml")
PLACEHOLDER = "TODO"
# Characters that make a spreadsheet read a cell as a formula; tab and carriage return are
# reported as surrounding whitespace.
FORMULA_STARTS = "=+-@"

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_SPECIAL_SPACES = {
    "\u00a0": "a non-breaking space (U+00A0)",
    "\u202f": "a narrow non-breaking space (U+202F)",
    "\u2007": "a figure space (U+2007)",
    "\u200b": "a zero-width space (U+200B)",
    "\u200c": "a zero-width non-joiner (U+200C)",
    "\u200d": "a zero-width joiner (U+200D)",
    "\u2060": "a word joiner (U+2060)",
    "\ufeff": "a zero-width no-break space (U+FEFF)",
}
# Characters no page shows: C0 controls other than tab and line ends, DEL, and C1 controls
# other than the next-line character, which YAML reads as a line end.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
# The most choices a message lists.
_LISTED = 12
_SPECIAL_SPACE = re.compile("[" + "".join(_SPECIAL_SPACES) + "]")


def record_id_of(document: LoadedDocument) -> str | None:
    """The record's id, when it is a well-formed one."""
    value = document.data.get("id")
    return value if isinstance(value, str) and SLUG.fullmatch(value) else None


def content_problems(
    document: LoadedDocument,
    bank: QuestionBank,
    schema_version: str,
    problems: FileProblems | None = None,
) -> list[Problem]:
    """Every problem of ``document`` beyond its shape: the schema checks that.

    Problems are added to ``problems`` when it is given; when they reach its limit,
    TooManyProblems is raised.
    """
    checks = _RecordChecks(document, bank, problems or FileProblems(limit=None))
    checks.file_name()
    checks.schema_version(schema_version)
    checks.unique_ids()
    checks.questions()
    checks.references()
    checks.text()
    return checks.problems.found


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _field(location: JsonPath) -> str:
    last = location[-1] if location else "the record"
    if isinstance(last, int):
        return f"item {last + 1} of '{location[-2]}'"
    return f"'{last}'"


def _choices(word: str, options: list[str], what: str) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean {quoted(close[0])}?"
    listed = ", ".join(quoted(option) for option in options[:_LISTED])
    return f"{what} are: {listed}" + (", …" if len(options) > _LISTED else "")


class _RecordChecks:
    def __init__(
        self, document: LoadedDocument, bank: QuestionBank, problems: FileProblems
    ) -> None:
        self.document = document
        self.data = document.data
        self.bank = bank
        self.problems = problems

    def _report(
        self, location: JsonPath, rule: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        position = self.document.source_map.value_at(location)
        self.problems.add(
            Problem(
                self.document.path,
                position.line,
                position.column,
                severity,
                rule,
                message,
                location,
            )
        )

    def _line(self, location: JsonPath) -> int:
        return self.document.source_map.value_at(location).line

    def file_name(self) -> None:
        record_id = record_id_of(self.document)
        name = PurePath(self.document.path).name
        stem = name
        for suffix in CONTENT_SUFFIXES:
            if name.lower().endswith(suffix):
                stem = name[: -len(suffix)]
        if record_id is None or record_id == stem:
            return
        fix = f"rename the file to {quoted(record_id + '.yaml')}"
        if SLUG.fullmatch(stem):  # an id the file's name suggests, only if it is one
            fix += f" or change the id to {quoted(stem)}"
        self._report(
            ("id",),
            "id-file-name",
            f"the record id {quoted(record_id)} does not match the file name {quoted(name)}; "
            + fix,
        )

    def schema_version(self, current: str) -> None:
        value = self.data.get("schema_version")
        written = _SEMVER.fullmatch(value) if isinstance(value, str) else None
        now = _SEMVER.fullmatch(current)
        if written is None or now is None:
            return
        written_as = brief(str(value))
        record = tuple(_VersionNumber(part) for part in written.groups())
        tool = tuple(_VersionNumber(part) for part in now.groups())
        # Semantic versioning of the schema: a minor version adds what older tools do not
        # know, a major version can make valid content invalid; patch versions check alike.
        if record[:2] > tool[:2]:
            self._report(
                ("schema_version",),
                "schema-version",
                f"the record is written for schema version {written_as}, which is newer than the "
                f"schema version {current} of this advising-content; upgrade advising-content "
                f"to one that knows schema version {brief(f'{record[0]}.{record[1]}')}",
            )
        elif record[0] < tool[0]:
            self._report(
                ("schema_version",),
                "schema-version",
                f"the record is written for schema version {written_as}, which schema version "
                f"{current} does not accept; update the record as the changelog describes for "
                f"schema version {tool[0]}.0.0, then set schema_version to '{current}'",
            )

    def unique_ids(self) -> None:
        seen: dict[str, JsonPath] = {}
        for collection in ID_COLLECTIONS:
            for index, item in _items(self.data.get(collection)):
                entry_id = item.get("id")
                if not isinstance(entry_id, str):
                    continue
                location: JsonPath = (collection, index, "id")
                first = seen.get(entry_id)
                if first is None:
                    seen[entry_id] = location
                    continue
                self._report(
                    location,
                    "duplicate-id",
                    f"the id {quoted(entry_id)} is already used by '{dotted(first[:-1])}' on line "
                    f"{self._line(first)}; give each entry an id of its own",
                )

    def questions(self) -> None:
        answered: dict[str, JsonPath] = {}
        for group_index, group in _items(self.data.get("question_groups")):
            audiences = group.get("audiences")
            group_audiences = (
                {a for a in audiences if isinstance(a, str)}
                if isinstance(audiences, list)
                else None
            )
            for index, question in _items(group.get("questions")):
                key = question.get("key")
                if not isinstance(key, str):
                    continue
                location: JsonPath = ("question_groups", group_index, "questions", index, "key")
                first = answered.get(key)
                if first is not None:
                    self._report(
                        location,
                        "duplicate-question",
                        f"the question {quoted(key)} is already answered in "
                        f"'{dotted(first[:-1])}' on line {self._line(first)}; answer each "
                        "question once",
                    )
                    continue
                answered[key] = location
                self._bank_question(key, question.get("custom") is True, group_audiences, location)

    def _bank_question(
        self, key: str, custom: bool, audiences: set[str] | None, location: JsonPath
    ) -> None:
        entry = self.bank.get(key)
        if custom:
            if entry is not None:
                self._report(
                    location,
                    "custom-question",
                    f"{quoted(key)} is a question of the question bank, so it is not custom; "
                    "remove 'custom: true', or give your own question a key of its own",
                )
            return
        if entry is None:
            keys = [question.key for question in self.bank.questions]
            self._report(
                location,
                "unknown-question",
                f"{quoted(key)} is not a question of the question bank "
                f"({_choices(key, keys, 'its keys')}); "
                "for a question of your own, add 'custom: true'",
            )
            return
        if audiences and not audiences <= set(entry.audiences):
            allowed = ", ".join(entry.audiences)
            self._report(
                location,
                "question-audience",
                f"'{key}' is a question for {allowed} students in the question bank, but this "
                f"group is for {', '.join(sorted(audiences))}; move it to a group for {allowed}",
            )

    def references(self) -> None:
        advisor_ids = [
            item["id"]
            for _, item in _items(self.data.get("advisors"))
            if isinstance(item.get("id"), str)
        ]
        for collection in ("contacts", "links"):
            for index, item in _items(self.data.get(collection)):
                self._advisor_reference(
                    item.get("advisor"), (collection, index, "advisor"), advisor_ids
                )
        for index, session in _items(self.data.get("sessions")):
            names = session.get("advisors")
            if isinstance(names, list):
                for position, name in enumerate(names):
                    self._advisor_reference(
                        name, ("sessions", index, "advisors", position), advisor_ids
                    )

    def _advisor_reference(self, name: Any, location: JsonPath, advisor_ids: list[str]) -> None:
        if not isinstance(name, str) or name in advisor_ids:
            return
        if advisor_ids:
            hint = _choices(name, advisor_ids, "the record's advisors")
        else:
            hint = "the record has no advisors: add the advisor under 'advisors'"
        self._report(
            location,
            "unknown-reference",
            f"there is no advisor with the id {quoted(name)} in this record; {hint}",
        )

    def text(self) -> None:
        for location, value in _strings(self.data):
            field = _field(location)
            if PLACEHOLDER in value:
                self._report(
                    location,
                    "placeholder",
                    f"{field} still holds the placeholder '{PLACEHOLDER}'; replace it with the "
                    "real text",
                )
            if not value:
                self._report(
                    location,
                    "empty-text",
                    f"{field} is empty; write the text, or remove the key if it is optional",
                )
                continue
            if value != value.strip():
                where = "begins" if value[0].isspace() else "ends"
                if value[0].isspace() and value[-1].isspace():
                    where = "begins and ends"
                hint = "remove it"
                if value.endswith("\n"):
                    hint = "for a block of text, write '>-' or '|-' after the colon, not '>' or '|'"
                self._report(
                    location,
                    "whitespace",
                    f"{field} {where} with a space or line break; {hint}",
                    Severity.WARNING,
                )
            if value[0] in FORMULA_STARTS:
                self._report(
                    location,
                    "formula-like",
                    f"{field} begins with '{value[0]}', which spreadsheet programs may read as "
                    "the start of a formula; if you can, reword it to begin with a letter or a "
                    "digit (the CSV export for spreadsheets puts a ' before it)",
                    Severity.WARNING,
                )
            control = _CONTROL.search(value)
            if control is not None:
                self._report(
                    location,
                    "control-character",
                    f"{field} contains the control character U+{ord(control.group()):04X}"
                    f"{_where_in(value, control.start())}, which no page shows; remove it",
                )
            special = _SPECIAL_SPACE.search(value)
            if special is not None:
                self._report(
                    location,
                    "special-space",
                    f"{field} contains {_SPECIAL_SPACES[special.group()]}"
                    f"{_where_in(value, special.start())}; "
                    "replace it with an ordinary space, or remove it",
                    Severity.WARNING,
                )


class _VersionNumber(str):
    """A number of a version, compared as a number however many digits it has: semantic
    versioning allows no leading zeros, so the longer number is the larger."""

    def _key(self) -> tuple[int, str]:
        return len(self), str(self)

    def __lt__(self, other: object) -> bool:
        return isinstance(other, _VersionNumber) and self._key() < other._key()

    def __gt__(self, other: object) -> bool:
        return isinstance(other, _VersionNumber) and self._key() > other._key()


def _where_in(value: str, index: int) -> str:
    """Where a character is in a text: " after 'word'", or " at its start"."""
    before = value[max(0, index - 20) : index].split()
    return f" after {quoted(before[-1], 20)}" if before else " at its start"


def _strings(data: Any) -> Iterator[tuple[JsonPath, str]]:
    """Every text value in ``data`` with its location, depth first, without recursion."""
    stack: list[tuple[JsonPath, Any]] = [((), data)]
    while stack:
        location, value = stack.pop()
        if isinstance(value, str):
            yield location, value
        elif isinstance(value, dict):
            stack.extend(((*location, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(
                ((*location, index), item) for index, item in reversed(list(enumerate(value)))
            )
