"""A page saved as HTML, read as the text a browser's copy gives: a line per block element,
list items after a bullet, and nothing of scripts, styles or the document's head."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

_BLOCKS = frozenset(
    (
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul",
    )
)  # fmt: skip
_HIDDEN = frozenset(["head", "script", "style", "noscript", "template", "title", "svg"])
# The site around a page: its header, navigation and footer, unless inside the page's content.
_SITE = frozenset(["header", "nav", "footer"])
_CONTENT = frozenset(["main", "article"])


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.numbers: list[int] = [1]  # the file's line where each line's text begins
        self.hidden = 0
        self.canonical: str | None = None
        self.href: str | None = None
        self.anchors: list[tuple[int, str]] = []  # (index of the line, the address)
        self.depth = {"site": 0, "content": 0}
        self.site_lines: set[int] = set()  # indexes of the lines of the site around the page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and (found.get("rel") or "").lower() == "canonical":
            self.canonical = self.canonical or found.get("href")
        if tag == "a":
            self.href = found.get("href")
        self._enter(tag, 1)
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.lines.append("")
            self.numbers.append(self.getpos()[0])
        elif tag in _BLOCKS:
            self._break()
            if tag == "li":
                self.lines[-1] = "• "
                self.numbers[-1] = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.href = None
        self._enter(tag, -1)
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.lines[-1].strip():
            self.numbers[-1] = self.getpos()[0]
        self.lines[-1] += " ".join(data.split("\n"))
        if self.href and data.strip():
            self.anchors.append((len(self.lines) - 1, self.href))
        if self.depth["site"] and not self.depth["content"] and data.strip():
            self.site_lines.add(len(self.lines) - 1)

    def _enter(self, tag: str, step: int) -> None:
        kind = "site" if tag in _SITE else "content" if tag in _CONTENT else None
        if kind:
            self.depth[kind] = max(0, self.depth[kind] + step)

    def _break(self) -> None:
        if self.lines[-1].strip():
            self.lines += ["", ""]
            self.numbers += [self.getpos()[0]] * 2


@dataclass(frozen=True)
class HtmlText:
    lines: list[tuple[int, str]]  # each line with the file's line where its text begins
    canonical: str | None  # the page's address, when it names one
    addresses: dict[int, str]  # a line's index: the address of the link that line holds
    site_lines: set[int]  # indexes of the lines of the site's header, navigation and footer


def html_lines(text: str) -> HtmlText:
    """The lines of an HTML page's text, where each begins in the file, and its links."""
    reader = _TextReader()
    reader.feed(text)
    reader.close()
    lines = list(zip(reader.numbers, reader.lines, strict=True))
    return HtmlText(lines, reader.canonical, dict(reader.anchors), reader.site_lines)
