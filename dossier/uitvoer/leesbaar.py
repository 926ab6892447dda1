"""The ``.md`` a lawyer reads and compares: pandoc's own Markdown, written from the document's AST.

The Markdown the templates produce is written for pandoc to read safely: every value has each
punctuation mark escaped (``LEI\\-SD\\-2019\\-014``), lines break where the template did, and
tables keep the template's layout. The delivered ``.md`` is for people and for ``git diff``: pandoc
reads the template Markdown into its AST (the same reading that feeds Word and PDF) and writes it
back with its Markdown writer, which escapes only what would otherwise be read as markup, writes
one line per paragraph (a changed word changes one line) and lays out every table as a pipe table.
"""

from __future__ import annotations

from .pandoc import READER, run

WRITER = "markdown-smart-simple_tables-multiline_tables-grid_tables-raw_attribute-raw_html-fenced_divs-bracketed_spans"


def readable(markdown: str, epoch: int, document: str) -> bytes:
    """Template Markdown -> the same document as plain, readable Markdown (UTF-8)."""
    return run(["--from", READER, "--to", WRITER, "--wrap=none"], markdown.encode("utf-8"), epoch, document)
