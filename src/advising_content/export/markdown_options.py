"""The options of the Markdown export."""

from __future__ import annotations

from typing import NamedTuple


class MarkdownOptions(NamedTuple):
    """``front_matter``: begin each page with YAML front matter, for static site generators."""

    front_matter: bool = False
