"""The delivered ``.md`` says exactly what the Word and PDF files say, in Markdown a person can read."""

from __future__ import annotations

import json
import re

import pytest
from helpers import ROOT

from dossier.documenten.render import render_documents
from dossier.documenten.sjabloonsets import resolve
from dossier.opdrachten.controleer import check_file
from dossier.uitvoer.leesbaar import readable
from dossier.uitvoer.pandoc import markdown_to_ast


def documents(example: str):
    checked = check_file(ROOT / "voorbeelden" / f"{example}.yaml")
    a = checked.dossier.aanbesteding
    return render_documents(checked.dossier, checked.afgeleid, resolve(a.sjabloonset, a.logo), "concept", str(ROOT))


def _blocks(markdown: str) -> str:
    """The document's AST blocks, without what only the layout of the source decides: where a
    paragraph's lines break (a soft break prints as a space) and table column widths."""
    blocks = markdown_to_ast(markdown, 0, "test")["blocks"]
    text = json.dumps(blocks, ensure_ascii=False).replace('{"t": "SoftBreak"}', '{"t": "Space"}')
    return re.sub(r'\{"t": "ColWidth", "c": [0-9.e-]+\}', '"breedte"', text).replace('{"t": "ColWidthDefault"}', '"breedte"')


@pytest.mark.parametrize("example", ["leiden", "wageningen", "haarlem"])
def test_readable_markdown_reads_back_to_the_same_document(example):
    for document in documents(example):
        plain = readable(document.markdown, 0, document.naam).decode("utf-8")
        assert _blocks(plain) == _blocks(document.markdown), document.naam
        assert not re.search(r"\\[A-Za-z0-9-]", plain), document.naam
        assert len(plain.splitlines()) < len(document.markdown.splitlines()) + 10  # one line per paragraph


def test_escapes_stay_where_they_carry_meaning():
    text = readable("Perceel \\*Noord\\* \\| kosten \\[P1\\] LEI\\-SD\\-014\n", 0, "test").decode("utf-8")
    assert "LEI-SD-014" in text and "\\*Noord\\*" in text and "\\[P1\\]" in text
