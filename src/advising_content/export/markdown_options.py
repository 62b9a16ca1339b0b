"""The options of the Markdown export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkdownOptions:
    """``front_matter``: begin each page with YAML front matter, for static site generators."""

    front_matter: bool = False
