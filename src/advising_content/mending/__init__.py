"""Mending what needs no judgement in a content file, keeping every other character of it.

``advising-content fix`` splices each mend into the file's own text, never writing the document
out again: special spaces (``spaces``), values YAML would read as something other than text
(``quoting``) and tabs used for indentation (``tabs``); ``verify`` holds each mend to the data it
means, and ``files`` reads and writes the file. This module imports nothing, so that the
validator can name the problems ``fix`` mends without loading it.
"""

# The validator's rules whose problems ``fix`` mends (those it leaves, it reports as such). Tabs
# used for indentation are mended too, but they are one cause among many of the rule 'syntax'.
MENDABLE_RULES = frozenset({"implicit-type", "special-space", "whitespace"})
# What the validator's message of such a problem ends with.
FIX_HINT = "; `advising-content fix` can mend this"
