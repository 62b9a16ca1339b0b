"""Reading a content file: its bytes into text (``decoding``), its YAML into plain data and a
source map (``document``), refusing what content has no use for (``strictness``), with the
parser's complaints explained (``parse_errors``) and YAML 1.1's implicit types kept in view
(``implicit``)."""

from advising_content.reading.document import LoadedDocument, LoadResult, load_file

__all__ = ["LoadResult", "LoadedDocument", "load_file"]
