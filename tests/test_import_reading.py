"""How ``import`` reads the lines of a page it has not seen: each rule, on a page of the
Feinberg template written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FEINBERG = ("--institution", "Northwestern University Feinberg School of Medicine")
PAGE = """source: https://www.example.edu/advising/neurology.html
Skip to main content

Neurology

"Neurology is the study of the nervous system."

— Doe, J. (2020). A Guide to Specialties. 2nd Ed. Example Press: Chicago. p. 12-13.

M1 and M2 Students

 ADVICE

Join the interest group.

Not sure whether neurology is for you?

Shadow a neurologist.

M3 and M4 Students

 Which month do you recommend taking off to interview?

November and December.

 Does the academic rank of the letter writer matter?

No

 Neurology Specialty Session - Spring / Applying

Meet the residents in the spring.

Neurology Resources

• American Academy of Neurology
• Child Neurology Society

Request a Neurology Advisor

© 2026 Example University
""".replace(
    "ADVICE",
    "What advice would you offer first- and second-year students who are interested in "
    "pursuing your specialty?",
)


def _imported(cli: Any, tmp_path: Path, text: str, name: str = "page.txt") -> tuple[str, Any]:
    (tmp_path / name).write_text(text, "utf-8")
    outcome = cli("import", name, *FEINBERG, "--institution-id", "feinberg", cwd=tmp_path)
    record = yaml.safe_load((tmp_path / "content" / "neurology.yaml").read_text("utf-8"))
    return outcome.output, record


def _questions(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [q for group in record["question_groups"] for q in group.get("questions", [])]


def test_a_page_of_the_template_is_read_block_by_block(cli: Any, tmp_path: Path) -> None:
    output, record = _imported(cli, tmp_path, PAGE)
    assert output.endswith("Imported 1 page: every record validates.\n"), output
    assert record["title"] == "Neurology"
    assert record["quote"]["text"] == "Neurology is the study of the nervous system."
    assert record["quote"]["citation"]["pages"] == {"first": 12, "last": 13}
    assert [q["key"] for q in _questions(record)] == [
        "preclinical-advice", "interview-month", "letter-writer-rank",
    ]  # fmt: skip
    assert _questions(record)[0]["answer"] == (
        "Join the interest group.\nNot sure whether neurology is for you?\nShadow a neurologist."
    )
    assert _questions(record)[1]["months"] == ["november", "december"]
    assert record["sessions"] == [{
        "id": "spring-specialty-session", "title": "Neurology Specialty Session",
        "term": "spring", "topic": "Applying", "description": "Meet the residents in the spring.",
    }]  # fmt: skip
    assert record["sections"] == [{
        "id": "neurology-resources", "heading": "Neurology Resources",
        "text": [{"list": ["American Academy of Neurology", "Child Neurology Society"]}],
    }]  # fmt: skip
    assert record["source"] == {"url": "https://www.example.edu/advising/neurology.html",
                                "complete": True}  # fmt: skip
    assert "    page.txt:41: '© 2026 Example University' (navigation)\n" in output


def test_a_line_between_a_quote_and_its_citation_is_not_quoted(cli: Any, tmp_path: Path) -> None:
    text = PAGE.replace("\n\n— Doe", "\n\nListen to our podcast.\n\n— Doe")
    output, record = _imported(cli, tmp_path, text)
    assert record["quote"]["text"] == "Neurology is the study of the nervous system."
    assert record["quote"]["citation"]["authors"] == [{"family": "Doe", "given": "J."}]
    assert "    page.txt:8: 'Listen to our podcast.', kept as the section 'unplaced'\n" in output


def test_a_date_is_not_a_month_to_interview(cli: Any, tmp_path: Path) -> None:
    text = PAGE.replace("November and December.", "Ask us.\n\nLast updated March 14, 2026.")
    output, record = _imported(cli, tmp_path, text)
    assert "months" not in _questions(record)[1]
    assert "    page.txt:26: 'Last updated March 14, 2026.', kept as the section 'unplaced'\n" in (
        output
    )


def test_a_question_the_bank_lacks_is_listed_with_its_key(cli: Any, tmp_path: Path) -> None:
    text = PAGE.replace(
        "M3 and M4 Students\n", "M3 and M4 Students\n\n How many programs should I apply to?\n\n"
        "About thirty.\n"
    )  # fmt: skip
    output, record = _imported(cli, tmp_path, text)
    assert _questions(record)[1] == {
        "key": "how-many-programs-should-i-apply-to", "question":
        "How many programs should I apply to?", "custom": True, "answer": "About thirty.",
    }  # fmt: skip
    assert (
        "  questions not in the bank (check each key):\n"
        "    page.txt:22: 'How many programs should I apply to?', with the key "
        "'how-many-programs-should-i-apply-to'\n"
    ) in output


def test_a_page_saved_as_html_keeps_its_link_addresses(cli: Any, tmp_path: Path) -> None:
    saved = (
        '<html><head><link rel="canonical" href="https://www.example.edu/advising/neurology.html">'
        "</head><body>\n<header><div>MD Education</div>\n<nav><ul><li>Home</li>\n<li>Curriculum"
        "</li></ul></nav></header>\n<main><h1>Neurology</h1>\n<h2>M1 and M2 Students</h2>\n"
        "<h3>What advice would you offer first- and second-year students who are interested in "
        "pursuing your specialty?</h3>\n<p>Join the interest group.</p>\n"
        '<p><a href="/advising/request">Request a Neurology Advisor</a></p>\n'
        '<p><a href="mailto:x@example.edu">Oddly linked text.</a></p></main>\n'
        "<footer><p>Contact Us</p></footer></body></html>\n"
    )
    output, record = _imported(cli, tmp_path, saved, "page.html")
    assert record["links"] == [{
        "id": "request-advisor", "kind": "request-advisor",
        "label": "Request a Neurology Advisor", "url": "https://www.example.edu/advising/request",
    }]  # fmt: skip
    assert "    page.html:10: 'Oddly linked text.', kept as the section 'unplaced'\n" in output
    assert (
        "  left out:\n"
        "    page.html:2: 'MD Education' (the site around the page)\n"
        "    page.html:3: '• Home' (the site around the page)\n"
        "    page.html:4: '• Curriculum' (the site around the page)\n"
        "    page.html:11: 'Contact Us' (the site around the page)\n"
    ) in output


def test_a_page_that_ends_with_a_short_answer_is_complete(cli: Any, tmp_path: Path) -> None:
    _, record = _imported(cli, tmp_path, PAGE.split("\n\n Neurology Specialty")[0] + "\n")
    assert record["source"]["complete"] is True
    assert _questions(record)[-1]["answer"] == "No"
    cut = PAGE.split("\n\n Neurology Specialty")[0].replace("\nNo", "\nNo, it matters less than")
    (tmp_path / "cut").mkdir()
    _, record = _imported(cli, tmp_path / "cut", cut)
    assert record["source"]["complete"] is False
    assert _questions(record)[-1]["cut"] is True


def test_a_section_keeps_a_short_line_of_text_and_ends_at_a_heading(
    cli: Any, tmp_path: Path
) -> None:
    text = PAGE.replace(
        "• American Academy of Neurology\n• Child Neurology Society\n",
        "Societies to know.\n\nMean USMLE Step 1 score: 226\n\nQuick Facts\n\nSmall programs.\n",
    )
    _, record = _imported(cli, tmp_path, text)
    assert [(s.get("heading"), s.get("text")) for s in record["sections"]] == [
        ("Neurology Resources", "Societies to know.\nMean USMLE Step 1 score: 226"),
        ("Quick Facts", "Small programs."),
    ]
