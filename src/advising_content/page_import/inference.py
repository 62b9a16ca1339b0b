"""Interpretations set only where an answer states them unambiguously, each marked for the
editor to check: a stance from an answer that is exactly 'Not needed.', 'Not applicable.' or
'N/A'; months, a period or a count the answer names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from advising_content.page_import.draft import Draft, JsonPath, Note
from advising_content.question_bank import QuestionBank

INFERRED = "inferred: please check"
_STANCES = {
    "not needed": "not-needed",
    "not applicable": "not-applicable",
    "n/a": "not-applicable",
    "na": "not-applicable",
}
_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
# Month names as names, capitalized: 'may' is a verb, 'May' a month.
_NAMED_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_MONTH = r"(?:(?P<{0}part>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?P<{0}month>" + "|".join(_MONTHS) + r")"
# A month followed by a day is a date ('March 14, 2023'), not a month the answer recommends.
_DATE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\s+\d")
_RANGE_WORDS = re.compile(r"\u2013|—|\bthrough\b|\bto\b|\buntil\b|\bfrom\b|\bbetween\b")
_SPAN = re.compile(
    _MONTH.format("start_") + r"\s*(?:\u2013|—|-|to|through)\s*" + _MONTH.format("end_") + r"\b",
)
_NUMBERS = ["one", "two", "three", "four", "five", "six"]
_COUNT = re.compile(
    rf"(?P<min>{'|'.join(_NUMBERS)}|\d)\s+(?:to|or|-|\u2013)\s+"
    rf"(?P<max>{'|'.join(_NUMBERS)}|\d)\b",
    re.IGNORECASE,
)


def infer(draft: Draft, bank: QuestionBank) -> None:
    """Set each interpretation the answers state, with a comment and a line of the report."""
    for path, question in _questions(draft):
        known = bank.get(question["key"])
        answer = question.get("answer")
        if known is None or question.get("custom") or not isinstance(answer, str):
            continue
        takes = tuple(f for f in known.facts if f != "months" or "month" in question["question"])
        facts = _stance(answer, known.stances) | _facts(answer, takes)
        for name, value in facts.items():
            question[name] = value
            draft.comments[(id(question), name)] = INFERRED
            line = draft.lines_of.get(f"{path[1]}/{question['key']}", 0)
            draft.inferred.append(Note(line, f"{question['key']}: {name} {_shown(value)}"))


def _questions(draft: Draft) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    for group in draft.parts.get("question_groups", []):
        for index, question in enumerate(group.get("questions", [])):
            yield ("question_groups", group["id"], "questions", index), question


def _stance(answer: str, stances: tuple[str, ...]) -> dict[str, Any]:
    stance = _STANCES.get(answer.strip().rstrip(".").lower())
    return {"stance": stance} if stance in stances else {}


def _facts(answer: str, facts: tuple[str, ...]) -> dict[str, Any]:
    first = re.split(r"(?<=[.!?])\s", answer, maxsplit=1)[0]
    span = _SPAN.search(first)
    if "period" in facts and span:
        return {"period": {"start": _end(span, "start_"), "end": _end(span, "end_")}}
    named = [month.lower() for month in _NAMED_MONTH.findall(answer)]
    plain_list = not _RANGE_WORDS.search(answer) and not _DATE.search(answer)
    if "months" in facts and named and plain_list:
        return {"months": list(dict.fromkeys(named))}
    count = _COUNT.match(first)
    if "count" in facts and count:
        low, high = (_number(count.group(k)) for k in ("min", "max"))
        return {"count": {"min": low, "max": high}} if low < high else {}
    return {}


def _end(span: re.Match[str], prefix: str) -> dict[str, str]:
    end = {"month": span.group(f"{prefix}month").lower()}
    if span.group(f"{prefix}part"):
        end["part"] = span.group(f"{prefix}part").lower()
    return end


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.index(word.lower()) + 1


def _shown(value: Any) -> str:
    """A fact as the report shows it: 'late October to early January', '1 to 2'."""
    if isinstance(value, list):
        return ", ".join(month.capitalize() for month in value)
    if isinstance(value, dict) and "start" in value:
        ends = (
            " ".join(filter(None, (e.get("part"), e["month"].capitalize()))) for e in value.values()
        )
        return " to ".join(ends)
    if isinstance(value, dict):
        return f"{value['min']} to {value['max']}"
    return str(value)
