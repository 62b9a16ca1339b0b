"""The HTML export: a static site whose pages read like the advising pages, compare the answers
to each bank question, and show which pages answer which questions. Content is text, never
markup; the JSON-LD says no more than the record."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from advising_content.question_bank import load_question_bank
from conftest import REPO, tree

CONTENT = [str(REPO / "content"), str(REPO / "examples")]
HOSTILE = '<script>alert("x")</script> & </script><b>bold</b> {{ 7*7 }} {% raw %}'


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    out = tmp_path_factory.mktemp("site") / "out"
    result = CliRunner().invoke(main, ["export", "--format", "html", "--out", str(out), *CONTENT])
    assert result.exit_code == 0, result.output
    return out / "html"


class _Page(HTMLParser):
    """The text, headings, links and JSON-LD of a page, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[int] = []
        self.hrefs: list[str] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self.hrefs.append(attributes["href"] or "")
        self._in_jsonld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag) -> None:
        self._in_jsonld = False

    def handle_data(self, data) -> None:
        (self.jsonld if self._in_jsonld else self.text).append(data)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_site_has_an_index_a_page_per_record_and_per_bank_question(site) -> None:
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    keys = [question.key for question in load_question_bank().questions]
    assert files == sorted(
        ["index.html", "coverage.html", "style.css", "questions/index.html"]
        + [f"questions/{key}.html" for key in keys]
        + [
            f"records/{path.parent.name}/{path.stem}.html"
            for path in (REPO / "examples").glob("*/*.yaml")
        ]
        + ["records/feinberg/med-peds.html"]
    )


def test_every_link_between_pages_leads_to_a_page_of_the_site(site) -> None:
    for path in site.rglob("*.html"):
        for href in _read(path).hrefs:
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            target = (path.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{path.relative_to(site)} links to {href}"
            anchor = href.partition("#")[2]
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_headings_are_in_order_on_every_page(site) -> None:
    for path in site.rglob("*.html"):
        levels = _read(path).headings
        assert levels[0] == 1, path
        assert levels.count(1) == 1, path
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), path


def test_a_record_page_reads_as_its_advising_page(site) -> None:
    text = _words(" ".join(_read(site / "records/feinberg/med-peds.html").text))
    assert text.index("Internal Medicine-Pediatrics") < text.index("Blending together")
    assert text.index("M1 and M2 Students") < text.index("What advice would you offer")
    assert "Freeman, B. (2013). The Ultimate Guide to Choosing a Medical Specialty." in text
    assert text.index("For more information") < text.index("Chicago, IL 60611")
    assert text.endswith(
        "Source: the whole page Written from the specialties' advising records by advising-content."
    )


def test_a_comparison_page_sets_every_answer_side_by_side(site) -> None:
    page = _read(site / "questions/away-rotations.html")
    text = _words(" ".join(page.text))
    assert "Does your specialty recommend doing away rotations?" in text
    assert "Not needed. If you have your heart set on one particular program" in text
    assert "Internal Medicine-Pediatrics" in text
    assert "records/feinberg/med-peds.html#question-away-rotations" in " ".join(page.hrefs)


def test_the_question_index_counts_the_pages_that_show_each_question(site) -> None:
    text = _words(" ".join(_read(site / "questions/index.html").text))
    assert "Does class rank matter? (on 1 of 10 pages)" in text


def test_the_coverage_matrix_names_each_status(site) -> None:
    page = (site / "coverage.html").read_text(encoding="utf-8")
    med_peds = page[page.index("records/feinberg/med-peds.html") :].split("</tr>")[0]
    cells = re.findall(r'<td class="status ([a-z-]+)">', med_peds)
    bank = sorted(load_question_bank().questions, key=lambda question: question.number)
    assert len(cells) == len(bank)
    expected = {
        "preclinical-advice": "answered",
        "class-rank": "absent",
        "letters-other-disciplines": "not-applicable",
    }
    for question, cell in zip(bank, cells, strict=True):
        if question.key in expected:
            assert cell == expected[question.key], question.key


def test_json_ld_says_what_the_record_says_and_no_more(site) -> None:
    (document,) = [
        json.loads(part) for part in _read(site / "records/feinberg/med-peds.html").jsonld
    ]
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "FAQPage"
    questions = document["mainEntity"]
    assert len(questions) == 9
    assert all(
        q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer" for q in questions
    )
    assert document["mentions"] == [
        {"@type": "Person", "name": "Cheryl Lee", "honorificSuffix": "MD"}
    ]
    assert document["citation"]["author"] == [
        {"@type": "Person", "name": "B. Freeman", "givenName": "B.", "familyName": "Freeman"}
    ]
    assert "url" not in json.dumps(document)  # the page gives no web addresses


def test_hostile_text_is_text_in_pages_and_in_json_ld(tmp_path, cli) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    record = (REPO / "content" / "med-peds.yaml").read_text(encoding="utf-8")
    hostile = json.dumps(HOSTILE)
    record = record.replace("  name: Internal Medicine-Pediatrics\n", f"  name: {hostile}\n", 1)
    record = record.replace("answer: Not needed.\n", f"answer: {hostile}\n", 1)
    (folder / "med-peds.yaml").write_text(record, encoding="utf-8")
    outcome = cli("export", "--format", "html", "--out", str(tmp_path / "out"), str(folder))
    assert outcome.exit_code == 0, outcome.output
    path = tmp_path / "out/html/records/feinberg/med-peds.html"
    source = path.read_text(encoding="utf-8")
    assert "<script>alert" not in source
    assert "<b>bold</b>" not in source
    page = _read(path)
    assert page.tags.count("script") == 1
    assert "b" not in page.tags
    assert HOSTILE in "".join(page.text)
    (document,) = [json.loads(part) for part in page.jsonld]
    assert document["about"]["name"] == HOSTILE


def test_the_site_is_the_same_bytes_every_time(site, tmp_path, cli) -> None:
    out = tmp_path / "again"
    assert cli("export", "--format", "html", "--out", str(out), *CONTENT).exit_code == 0
    assert tree(out / "html") == tree(site)


def test_links_are_made_only_of_web_and_mail_addresses(tmp_path, cli) -> None:
    shutil.copytree(REPO / "examples" / "feinberg", tmp_path / "content")
    outcome = cli(
        "export", "--format", "html", "--out", str(tmp_path / "out"), "content", cwd=tmp_path
    )
    assert outcome.exit_code == 0, outcome.output
    for path in (tmp_path / "out/html").rglob("*.html"):
        for href in _read(path).hrefs:
            scheme = href.split(":", 1)[0] if ":" in href else ""
            assert scheme in ("", "http", "https", "mailto"), href


# The schema.org types the pages use, each with the properties schema.org gives it (its own and
# those it inherits: FAQPage from WebPage, CreativeWork and Thing; Book and Answer from
# CreativeWork; EducationalOrganization from Organization).
SCHEMA_ORG = {
    "FAQPage": {"name", "about", "sourceOrganization", "isBasedOn", "mainEntity", "mentions",
                "citation"},
    "Question": {"name", "acceptedAnswer"},
    "Answer": {"text"},
    "Person": {"name", "givenName", "familyName", "honorificSuffix", "jobTitle", "email", "url"},
    "Book": {"name", "author", "datePublished", "bookEdition", "publisher"},
    "CreativeWork": {"name", "author", "datePublished", "publisher"},
    "Organization": {"name"},
    "EducationalOrganization": {"name"},
    "Thing": {"name"},
}  # fmt: skip


def _nodes(value):
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _nodes(item)


def test_json_ld_uses_schema_org_types_with_their_own_properties(site) -> None:
    seen = set()
    for path in sorted((site / "records").rglob("*.html")):
        (document,) = [json.loads(part) for part in _read(path).jsonld]
        for node in _nodes(document):
            assert node["@type"] in SCHEMA_ORG, (path.name, node)
            assert set(node) - {"@context", "@type"} <= SCHEMA_ORG[node["@type"]], path.name
            assert all(value not in ("", [], None) for value in node.values()), path.name
            seen.add(node["@type"])
    assert seen == set(SCHEMA_ORG) - {"CreativeWork"}  # no quotation cites a work but a book
