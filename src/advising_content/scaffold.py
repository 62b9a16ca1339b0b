"""A new record for a specialty: every standard question under its audience, ready to fill in.

Only free text is left to the editor, as placeholders containing ``TODO``; validation reports
each one until it is replaced, and once they all are, the record is valid as it stands.
"""

from __future__ import annotations

import json
import textwrap

from advising_content.question_bank import QuestionBank
from advising_content.text_checks import PLACEHOLDER

_WIDTH = 96

_OPTIONAL_PARTS = """\
# Parts a page may also have; uncomment and fill in those the page shows.
#
# source:
#   url: https://www.example.edu/the-advising-page
#   complete: true
#
# quote:
#   text: >-
#     The quoted text, word for word, without the quotation marks.
#   citation:
#     authors:
#       - family: Freeman
#         given: B.
#     year: 2013
#     title: The Ultimate Guide to Choosing a Medical Specialty
#     edition: 3
#     publisher: Lange Medical Books/McGraw-Hill
#     place: New York
#     pages: {first: 81, last: 82}
#
# sessions:
#   - id: winter-specialty-session
#     title: The session's title
#     term: winter
#     audiences: [M3]
#     description: >-
#       What the session is for.
#
# advisor_groups:
#   - id: specialty-career-advisor
#     label: "Specialty Career Advisor:"
#     advisors: [first-last]
#
# advisors:
#   - id: first-last
#     name: First Last
#     degrees: [MD]
#     titles:
#       - The advisor's job title
#     department: The advisor's department
#
# contacts:
#   - id: more-information
#     heading: For more information
#     advisor: first-last
#     organization: The hospital or office
#     street_address: The street address
#     city: The city
#     state: IL
#     postal_code: "60611"
#
# links:
#   - id: request-advisor
#     kind: request-advisor
#     label: The link's text as the page shows it
"""


def _folded(text: str, indent: int) -> str:
    """``text`` as a YAML folded block (``>-``), which reads back as exactly ``text``."""
    pad = " " * indent
    lines = textwrap.wrap(text, width=_WIDTH - indent, break_long_words=False)
    return ">-\n" + "\n".join(pad + line for line in lines)


def new_record(
    record_id: str, name: str, institution_id: str, bank: QuestionBank, schema_version: str
) -> str:
    """The YAML text of a new record with id ``record_id`` for the specialty ``name`` of the
    institution ``institution_id``: the questions every page of the school's template asks."""
    lines = [
        f"# The advising record of the {name} specialty page.",
        "# Replace each placeholder with the text the page gives (validate points at every "
        "one), remove",
        "# the questions the page does not answer, then check the file: advising-content validate",
        "# Every field is described in docs/schema.md (or: advising-content schema).",
        f"id: {record_id}",
        f'schema_version: "{schema_version}"',
        "",
        "institution:",
        f"  id: {institution_id}",
        "  name: " + _folded(f"{PLACEHOLDER}: the school's full name.", 4),
        "",
        "specialty:",
        f"  name: {json.dumps(name, ensure_ascii=False)}",
        "",
        "question_groups:",
    ]
    for group in bank.groups:
        lines += [
            f"  - id: {group.id}",
            f"    heading: {json.dumps(group.heading, ensure_ascii=False)}",
            f"    audiences: [{', '.join(group.audiences)}]",
            "    questions:",
        ]
        for question in (question for question in group.questions if question.core):
            lines += [
                f"      - key: {question.key}",
                "        question: " + _folded(question.question, 10),
                "        answer: "
                + _folded(f"{PLACEHOLDER}: the answer as the page gives it.", 10),
            ]
    others = [question.key for question in bank.questions if not question.core]
    lines += [
        "",
        "# Other questions of the bank, for a page that asks them (advising-content questions):",
        f"# {', '.join(others)}.",
    ]
    return "\n".join(lines) + "\n\n" + _OPTIONAL_PARTS
