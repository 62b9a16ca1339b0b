"""How text from content files and file names is shown in output, the same way in every format.

A file name or a value may hold characters that would break a line, ring the terminal, reorder
the text around them (bidirectional controls), hide (zero-width and other invisible characters),
or cannot be written as UTF-8 at all (a name that is not UTF-8). Output shows each of them as an
escape, so what is printed is one line that names exactly the file and value meant.
"""

from __future__ import annotations

import re

# Characters that str.isprintable() accepts but that show as nothing: Hangul fillers, the
# combining grapheme joiner and the Khmer inherent vowels.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# os.fsdecode keeps each byte of a file name that is not UTF-8 as U+DC80..U+DCFF.
_UNDECODABLE_BYTES = range(0xDC80, 0xDD00)
# In a path, a colon before a digit or a space could pass for the 'path:line:col: ' prefix.
_PREFIX_LIKE_COLON = re.compile(r":(?=[0-9 ])")


def _escape(character: str) -> str:
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if code in _UNDECODABLE_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(text: str) -> str:
    """``text`` with every control, bidirectional, invisible or undecodable character escaped."""
    if text.isprintable() and _INVISIBLE.isdisjoint(text):
        return text
    return "".join(
        character if character.isprintable() and character not in _INVISIBLE else _escape(character)
        for character in text
    )


def shown_path(path: str) -> str:
    """A path as the text format starts a problem line with it: escaped as ``shown`` does, and
    with each colon that could forge a ``path:line:col:`` prefix written as ``\\x3a``."""
    return _PREFIX_LIKE_COLON.sub(r"\\x3a", shown(path))
