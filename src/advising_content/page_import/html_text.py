"""A page saved as HTML, read as the text a browser's copy gives: a line per block element,
list items after a bullet, and nothing of scripts, styles or the document's head."""

from __future__ import annotations

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


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.hidden = 0
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and (found.get("rel") or "").lower() == "canonical":
            self.canonical = self.canonical or found.get("href")
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.lines.append("")
        elif tag in _BLOCKS:
            self._break()
            if tag == "li":
                self.lines[-1] = "• "

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.lines[-1] += " ".join(data.split("\n"))

    def _break(self) -> None:
        if self.lines[-1].strip():
            self.lines += ["", ""]


def html_lines(text: str) -> tuple[list[str], str | None]:
    """The lines of an HTML page's text, and the page's canonical address if it names one."""
    reader = _TextReader()
    reader.feed(text)
    reader.close()
    return reader.lines, reader.canonical
