"""Read and write a record's YAML keeping what the editor wrote: comments, key order, quoting,
flow and block styles, and the indentation of the file.

ruamel.yaml does the round trip; its indentation is set once per dumper, so the file's own is
found first from its text.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

_KEY_LINE = re.compile(r"^( *)[^\s#-][^:#]*:\s*(#.*)?$")
_ITEM_LINE = re.compile(r"^( *)- ")


@dataclass(frozen=True)
class Layout:
    mapping: int = 2  # how far a nested mapping is indented
    sequence: int = 4  # how far an item's content is indented
    offset: int = 2  # how far the '- ' of an item is indented


def loaded(text: str) -> tuple[Any, Layout]:
    """The round-trip document of ``text``, and the indentation it is written with."""
    yaml = _yaml(Layout())
    return yaml.load(text), _layout_of(text)


def dumped(document: Any, layout: Layout) -> str:
    """The text of ``document`` written in ``layout``."""
    stream = io.StringIO()
    _yaml(layout).dump(document, stream)
    return stream.getvalue()


def _yaml(layout: Layout) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long plain line that the editor wrote on one line
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def _layout_of(text: str) -> Layout:
    """The indentation the file uses: where the first nested key and the first item are, each
    relative to the key line above it."""
    mapping = sequence = offset = None
    previous: int | None = None
    for line in text.splitlines():
        item = _ITEM_LINE.match(line)
        key = _KEY_LINE.match(line)
        if item and previous is not None and offset is None:
            offset = max(len(item.group(1)) - previous, 0)
            sequence = offset + 2
        elif key and previous is not None and mapping is None and len(key.group(1)) > previous:
            mapping = len(key.group(1)) - previous
        previous = len(key.group(1)) if key and line.rstrip().endswith(":") else None
    if offset is None or sequence is None:
        return Layout(mapping or 2)
    return Layout(mapping or 2, max(sequence, 2), max(offset, 0))
