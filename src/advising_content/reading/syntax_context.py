"""What the lines before a YAML syntax error say about its cause.

libyaml stops where the structure stops making sense, which is often far from the slip: a quote
left open on line 70 is noticed at the next quote mark, on line 156; a key indented one space too
far reads as more of the value above it. The tokens before the error tell those cases apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from advising_content.source_map import Position

_KEY_LINE = re.compile(r"( *)([^\s#'\"\-][^:#]*?):(?:\s|$)")
_DASH_WITHOUT_SPACE = re.compile(r" *-[^\s-]")


@dataclass(frozen=True, slots=True)
class WrittenKey:
    """A key of a block mapping, where it was written, and whether its value is on its line."""

    name: str
    line: int  # 0-based, as the parser counts
    column: int
    value_on_line: bool
    plain_value: bool


@dataclass(frozen=True, slots=True)
class UnclosedQuote:
    opened: Position
    closed_line: int
    mark: str


def _tokens_before(text: str, line: int) -> list[yaml.Token]:
    """The scanner's tokens that begin before ``line`` (0-based), as far as it can scan."""
    tokens: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line >= line:
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def unclosed_quote(text: str, error_line: int) -> UnclosedQuote | None:
    """A quoted value that runs over lines that read as keys, up to a quote on the error's line."""
    for token in reversed(_tokens_before(text, error_line + 1)):
        if not isinstance(token, yaml.ScalarToken) or token.style not in ("'", '"'):
            continue
        if token.end_mark.line != error_line or token.start_mark.line == error_line:
            return None
        inside = text[token.start_mark.index : token.end_mark.index].splitlines()[1:]
        if not any(_KEY_LINE.match(line) for line in inside):
            return None
        opened = Position(token.start_mark.line + 1, token.start_mark.column + 1)
        return UnclosedQuote(opened, token.end_mark.line + 1, token.style)
    return None


def _written_keys(tokens: list[yaml.Token]) -> list[WrittenKey]:
    keys = []
    for index, token in enumerate(tokens[:-1]):
        name = tokens[index + 1]
        if not isinstance(token, yaml.KeyToken) or not isinstance(name, yaml.ScalarToken):
            continue
        following = tokens[index + 3] if index + 3 < len(tokens) else None
        value_on_line = (
            following is not None
            and following.start_mark.line == name.start_mark.line
            and not isinstance(following, yaml.BlockMappingStartToken | yaml.KeyToken)
        )
        plain = isinstance(following, yaml.ScalarToken) and following.plain
        line, column = name.start_mark.line, name.start_mark.column
        keys.append(WrittenKey(name.value, line, column, value_on_line, plain))
    return keys


def _open_keys(keys: list[WrittenKey]) -> list[WrittenKey]:
    """The keys a new line could stand beside: the last key at each indentation still open."""
    stack: list[WrittenKey] = []
    for key in keys:
        while stack and stack[-1].column >= key.column:
            stack.pop()
        stack.append(key)
    return stack


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def indentation_hint(text: str, error_line: int) -> str | None:
    """Advice on a key line indented to no key above it, or None when its indentation fits."""
    lines = text.splitlines()
    if error_line >= len(lines):
        return None
    if _DASH_WITHOUT_SPACE.match(lines[error_line]):
        return "'-' begins a list item only when a space follows it: write '- ' before the item"
    written = _KEY_LINE.match(lines[error_line])
    if written is None:
        return None
    indent, name = len(written.group(1)), written.group(2).strip()
    stack = _open_keys(_written_keys(_tokens_before(text, error_line)))
    if not stack or any(key.column == indent for key in stack):
        return None
    above = [key for key in stack if key.column < indent]
    below = [key for key in stack if key.column > indent]
    if not below:
        parent = above[-1]
        if not parent.value_on_line:
            return None
        more = f"'{name}' is indented {_spaces(indent - parent.column)} more than "
        more += f"'{parent.name}' on line {parent.line + 1}"
        if not parent.plain_value:
            return f"{more}: line it up with '{parent.name}' if it is a key beside it"
        return (
            f"{more}, so it reads as more of that value: line it up with '{parent.name}' if it "
            "is a key beside it, or put the whole value in quotes if the ': ' belongs to the text"
        )
    keys = ([above[-1]] if above else []) + [below[0]]
    described = [f"'{key.name}' (line {key.line + 1}) {_spaces(key.column)}" for key in keys]
    return (
        f"'{name}' is indented {_spaces(indent)}, which lines up with no key above it: "
        f"{' and '.join(described)}; line it up with the key it belongs beside"
    )
