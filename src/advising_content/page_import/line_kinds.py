"""What a line of an advising page is, from its words alone: the patterns the schools' templates
share (audience headings, questions, advisor blocks, citations, addresses)."""

from __future__ import annotations

import re

NAVIGATION = frozenset(
    {
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "show all answers",
        "hide all answers",
        "expand all",
        "collapse all",
        "back to top",
        "print this page",
        "share this page",
    }
)
_AUDIENCE = re.compile(
    r"(?:advice\s+for\s+)?m\s?s?\s?([1-4])\s+(?:and|&|/)\s+m\s?s?\s?([1-4])\s+students\s*:?",
    re.IGNORECASE,
)
_QUESTION_MARK = re.compile(r"Q\s*[:.]\s*", re.IGNORECASE)
_TITLE_PREFIX = re.compile(r"specialty\s+choice\s*:\s*(.+)", re.IGNORECASE)
_SESSION = re.compile(
    r"(?P<title>.*?\bspecialty\s+session)"
    r"(?:\s*[-\u2013—]\s*(?P<term>fall|autumn|winter|spring|summer))?"
    r"(?:\s*/\s*(?P<topic>.+))?",
    re.IGNORECASE,
)
_REQUEST = re.compile(r"request\s+an?\s+.+\badvis[eo]r\b.*", re.IGNORECASE)
_PROFILE = re.compile(r"view\s+(?:full\s+)?profile", re.IGNORECASE)
_MORE_INFORMATION = re.compile(r"for\s+more\s+information:?", re.IGNORECASE)
_ADVISOR_LABEL = re.compile(r".*\b(?:advis[eo]rs?|coordinators?|mentors?)\b.*", re.IGNORECASE)
_CITATION_DASH = re.compile(r"[—\u2013―]\s*\S.*")
_CREDIT = re.compile(r"\(\s*source\s*:\s*(?P<organization>[^)]+?)\s*\)", re.IGNORECASE)
_BULLET = re.compile(r"(?:[•·▪◦●‣\u2043]|[-*\u2013])\s+(?P<item>\S.*)")
_OPENING_QUOTE = ('"', "“", "„", "«")
_CLOSING_QUOTE = ('"', "”", "»")
_SENTENCE_END = (".", "?", "!", ":", '"', "”", "\u2019", "'", ")", "…", "»")
DEGREES = frozenset(
    (
        "MD", "DO", "PhD", "MPH", "MS", "MSc", "MA", "MBA", "MHA", "MEd", "EdD", "JD", "RN", "NP",
        "PA", "PA-C", "PharmD", "DrPH", "MBBS", "FACS", "FACP", "FAAP", "FACEP", "FAAD", "FACOG",
        "MSEd", "MSCI", "MPP",
    )
)  # fmt: skip


_ASKING = re.compile(
    r"(?:what|which|when|where|who|whom|why|how|does|do|did|is|are|was|were|should|shall|can"
    r"|could|will|would|may|might|must|have|has|if|in|for|at|to)\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(r"(?:©|copyright\b).*|.*\S\s\|\s\S.*", re.IGNORECASE)
_FURNITURE = re.compile(
    r"(?:(?:last\s+)?updated|page\s+last\s+modified|photo(?:\s+credit)?)\b.*", re.I
)


def is_navigation(text: str) -> bool:
    """A line of the site around the page: its navigation, or a footer ('© 2024 …',
    'Contact Us | Privacy Policy')."""
    return text.lower().rstrip(".") in NAVIGATION or _FOOTER.fullmatch(text) is not None


def is_furniture(text: str) -> bool:
    """A note about the page rather than its content: 'Last updated …', 'Photo: …'."""
    return _FURNITURE.fullmatch(text) is not None


def asks(text: str) -> bool:
    """A sentence that asks, as the questions of an advising page do: 'What …?', 'Is …?'."""
    return _ASKING.match(text) is not None


def audiences(text: str) -> tuple[str, ...] | None:
    """The audiences an audience heading names, such as ('M1', 'M2')."""
    found = _AUDIENCE.fullmatch(text)
    if found is None:
        return None
    first, last = int(found.group(1)), int(found.group(2))
    return tuple(f"M{year}" for year in range(first, last + 1)) if first < last else None


def question_wording(text: str) -> tuple[str, bool]:
    """A question's wording without a leading 'Q:', and whether it had one."""
    marked = _QUESTION_MARK.match(text)
    return (text[marked.end() :], True) if marked else (text, False)


def titled_specialty(text: str) -> str | None:
    """The specialty a title such as 'Specialty Choice: Surgery' names."""
    found = _TITLE_PREFIX.fullmatch(text)
    return found.group(1).strip() if found else None


def session(text: str) -> dict[str, str] | None:
    found = _SESSION.fullmatch(text)
    if found is None:
        return None
    parts = {"title": found.group("title").strip()}
    if found.group("term"):
        parts["term"] = found.group("term").lower().replace("autumn", "fall")
    if found.group("topic"):
        parts["topic"] = found.group("topic").strip()
    return parts


def is_request_link(text: str) -> bool:
    return _REQUEST.fullmatch(text) is not None


def is_profile_link(text: str) -> bool:
    return _PROFILE.fullmatch(text) is not None


def is_more_information(text: str) -> bool:
    return _MORE_INFORMATION.fullmatch(text) is not None


def is_advisor_label(text: str) -> bool:
    return (
        len(text) <= 80
        and not ends_sentence(text.rstrip(":"))
        and bool(_ADVISOR_LABEL.fullmatch(text))
    )


def is_citation(text: str) -> bool:
    return _CITATION_DASH.fullmatch(text) is not None


def credit(text: str) -> str | None:
    found = _CREDIT.fullmatch(text)
    return found.group("organization") if found else None


def bullet(text: str) -> str | None:
    found = _BULLET.fullmatch(text)
    return found.group("item") if found else None


def closes_quote(block: object) -> bool:
    return isinstance(block, str) and block.endswith(_CLOSING_QUOTE)


def opens_quote(text: str) -> bool:
    return text.startswith(_OPENING_QUOTE)


def ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def person(text: str) -> tuple[str, list[str]] | None:
    """A name followed by degrees ('Sarah B. Leonard, MD, MPH'): the name and the degrees."""
    name, *rest = [part.strip() for part in text.split(",")]
    degrees = [part.replace(".", "") for part in rest]
    if not rest or not all(degree in DEGREES for degree in degrees):
        return None
    words = name.split()
    if not 2 <= len(words) <= 5 or not all(word[:1].isupper() for word in words):
        return None
    return name, degrees


def looks_like_heading(text: str) -> bool:
    """A short line with no sentence end, such as 'Quick Facts' or 'Ophthalmology Resources'."""
    short = len(text) <= 70 and len(text.split()) <= 8
    return short and not ends_sentence(text) and bullet(text) is None


def is_title_case(text: str) -> bool:
    """Every longer word capitalized, as a heading's words are: 'Neurology Resources'."""
    words = [word for word in text.split() if len(word) > 3]
    return bool(words) and all(word[:1].isupper() for word in words)


def is_fragment(text: str) -> bool:
    """A line that stops mid-sentence: no sentence end, and a last word in lower case."""
    words = text.split()
    return (
        not ends_sentence(text) and len(words) >= 3 and words[-1].isalpha() and words[-1].islower()
    )
