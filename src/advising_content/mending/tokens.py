"""The characters of a scalar's value where they are written: each character of a plain, quoted
or block scalar's text, with what it stands for in the value.

A token's ``char`` is the character of the value it writes (an escape such as ``\\u00a0`` writes
one); None marks what writes no single character: a line break and the blanks around it, which
YAML folds, an escaped line break, and the indentation of a block.
"""

from __future__ import annotations

from dataclasses import dataclass

from advising_content.mending.edits import BREAK_CHARACTERS, LINE_BREAK
from advising_content.mending.scalars import Scalar

_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\u00a0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_BLANKS = " \t"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    char: str | None


def flow_tokens(text: str, scalar: Scalar) -> list[Token] | None:
    """The tokens of a plain or quoted scalar, without its quotes; None when an escape cannot
    be read."""
    if scalar.style == '"':
        tokens = _double_quoted(text, scalar.start + 1, scalar.end - 1)
    elif scalar.style == "'":
        tokens = _single_quoted(text, scalar.start + 1, scalar.end - 1)
    else:
        tokens = [Token(i, i + 1, text[i]) for i in range(scalar.start, scalar.end)]
    return None if tokens is None else _folded(tokens)


def block_body(text: str, scalar: Scalar) -> int | None:
    """Where the lines of a block scalar start, after its indicator line; None when it has
    none."""
    found = LINE_BREAK.search(text, scalar.start, scalar.end)
    return None if found is None else found.end()


def block_tokens(text: str, scalar: Scalar) -> list[Token]:
    """The characters of a block scalar's lines as written (its indentation included)."""
    body = block_body(text, scalar)
    if body is None:
        return []
    return [Token(i, i + 1, text[i]) for i in range(body, scalar.end)]


def _single_quoted(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    at = start
    while at < end:
        width = 2 if text.startswith("''", at) else 1
        tokens.append(Token(at, at + width, text[at]))
        at += width
    return tokens


def _double_quoted(text: str, start: int, end: int) -> list[Token] | None:
    tokens = []
    at = start
    while at < end:
        if text[at] != "\\":
            tokens.append(Token(at, at + 1, text[at]))
            at += 1
            continue
        token = _escape(text, at, end)
        if token is None:
            return None
        tokens.append(token)
        at = token.end
    return tokens


def _escape(text: str, at: int, end: int) -> Token | None:
    letter = text[at + 1] if at + 1 < end else ""
    if letter in _ESCAPES and letter:
        return Token(at, at + 2, _ESCAPES[letter])
    if letter in _HEX_DIGITS:
        digits = text[at + 2 : at + 2 + _HEX_DIGITS[letter]]
        try:
            return Token(at, at + 2 + len(digits), chr(int(digits, 16)))
        except ValueError:
            return None
    line_break = LINE_BREAK.match(text, at + 1)
    if letter and line_break is not None:
        return Token(at, line_break.end(), None)
    return None


def _folded(tokens: list[Token]) -> list[Token]:
    """The tokens with each line break written as such, and the blanks around it, made None:
    YAML folds them into a space or a line break of the value, or drops them."""
    folded = list(tokens)
    for index, token in enumerate(tokens):
        escaped_break = token.char is None
        if not escaped_break and not _raw(token, BREAK_CHARACTERS):
            continue
        folded[index] = Token(token.start, token.end, None)
        after = index + 1
        while after < len(tokens) and _raw(tokens[after], _BLANKS):
            folded[after] = Token(tokens[after].start, tokens[after].end, None)
            after += 1
        before = index - 1
        while not escaped_break and before >= 0 and _raw(tokens[before], _BLANKS):
            folded[before] = Token(tokens[before].start, tokens[before].end, None)
            before -= 1
    return folded


def _raw(token: Token, characters: str) -> bool:
    """Whether the token is one of ``characters`` written as itself, not as an escape."""
    return token.end - token.start == 1 and token.char is not None and token.char in characters
