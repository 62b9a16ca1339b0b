"""Every rule a problem can name, with the severity it is reported at and what it means.

The README's table of checks is kept in step with this catalogue by a test.
"""

from __future__ import annotations

from dataclasses import dataclass

from advising_content.problems import Severity


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    meaning: str


_ERROR = Severity.ERROR
_WARNING = Severity.WARNING

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        # Reading the file
        Rule(
            "unreadable",
            _ERROR,
            "a file or folder that cannot be read, or a file that is not a regular file",
        ),
        Rule(
            "symlink-outside",
            _ERROR,
            "a symbolic link leading outside the folder searched; not read",
        ),
        Rule("encoding", _ERROR, "the file is not UTF-8 text (the byte or BOM is located)"),
        Rule("syntax", _ERROR, "YAML syntax error, such as a tab used for indentation"),
        Rule("empty-file", _ERROR, "the file holds no record"),
        Rule("multiple-documents", _ERROR, "the file holds more than one YAML document"),
        Rule("not-a-mapping", _ERROR, "the file holds a list or a single value, not a record"),
        Rule("duplicate-key", _ERROR, "a key appears twice in one mapping; both lines are named"),
        Rule("complex-key", _ERROR, "a key is a list or a mapping rather than plain text"),
        Rule("anchor", _ERROR, "a YAML anchor (`&name`); content must write values out"),
        Rule("alias", _ERROR, "a YAML alias (`*name`); content must write values out"),
        Rule("merge-key", _ERROR, "a YAML merge key (`<<`)"),
        Rule("tag", _ERROR, "a YAML tag such as `!!python/object`; tags are never constructed"),
        Rule("file-too-large", _ERROR, "the file is larger than 1 MiB; it is not read"),
        Rule("too-deep", _ERROR, "lists and mappings nested more than 32 levels deep"),
        Rule("too-many-entries", _ERROR, "a list or mapping with more than 1000 entries"),
        Rule("too-many-values", _ERROR, "a file with more than 50,000 values"),
        Rule("text-too-long", _ERROR, "text over 20,000 characters, or a key over 100"),
        Rule("implicit-type", _ERROR, "YAML read unquoted text as a yes/no, number or date"),
        Rule(
            "inline-comment",
            _WARNING,
            "` #` after an unquoted value, which starts a comment: the rest of the line is lost",
        ),
        # The shape of the record (the schema)
        Rule("missing-key", _ERROR, "a required key is absent; the enclosing mapping is named"),
        Rule("unknown-key", _ERROR, "a key the schema does not know, often a typo"),
        Rule("wrong-type", _ERROR, "a value of the wrong kind, such as a list where text belongs"),
        Rule("empty-value", _ERROR, "a key with nothing after its colon"),
        Rule("not-allowed", _ERROR, "a value outside the allowed choices"),
        Rule("invalid-format", _ERROR, "a malformed id, version, date, time, web address or email"),
        Rule("too-few-items", _ERROR, "a list with fewer entries than it needs"),
        Rule("duplicate-item", _ERROR, "the same value twice in a list"),
        Rule("out-of-range", _ERROR, "a number below its minimum or above its maximum"),
        # The meaning of the record
        Rule("id-file-name", _ERROR, "the record id differs from the file name"),
        Rule("schema-version", _ERROR, "the record is written for a schema version not accepted"),
        Rule("duplicate-id", _ERROR, "two entries of one record share an id"),
        Rule("duplicate-record", _ERROR, "two files checked together share a record id"),
        Rule("duplicate-question", _ERROR, "a bank question is answered twice in one record"),
        Rule("unknown-question", _ERROR, "a question key that is not in the bank"),
        Rule("custom-question", _ERROR, "a custom question reuses a key of the bank"),
        Rule(
            "question-audience",
            _ERROR,
            "a bank question under an audience the bank does not give it",
        ),
        Rule("unknown-reference", _ERROR, "an advisor id that no advisor of the record has"),
        Rule("control-character", _ERROR, "an invisible control character inside text"),
        Rule("placeholder", _ERROR, "text still containing `TODO`"),
        Rule("empty-text", _ERROR, "text that is empty (write it, or remove an optional key)"),
        Rule("whitespace", _WARNING, "text with spaces at its start or end"),
        Rule(
            "formula-like",
            _WARNING,
            "text beginning with `=`, `+`, `-` or `@`, which spreadsheets read as a formula",
        ),
        Rule("special-space", _WARNING, "a non-breaking or zero-width space inside text"),
        # The report itself
        Rule(
            "too-many-problems",
            Severity.NOTE,
            "a file's problems beyond its first 100, counted by rule; checking a file stops at "
            "10,000",
        ),
    )
}
