"""Values are text, never syntax: hostile values reach Word and PDF literally."""

from __future__ import annotations

import re

import docx
import pytest
from helpers import CASES, apply_patch, read_yaml, write_case
from pypdf import PdfReader

from dossier.builder import build_file

HOSTILE = [
    "Zorg & Welzijn | *Noord* @gemeente <w:p/> #set page(width: 1cm) {{ 7*7 }}",
    "**vet** _schuin_ `code` [link](http://x) ![img](x.png) > citaat",
    "[@smith2020; @doe] \\cite{x} $x^2$ \\textbf{y} \\\\ einde",
    "<script>alert(1)</script> &amp; &lt; <b>html</b>",
    "{% raw %} {% for x in y %} {{ x }} {# c #}",
    "#let x = 1 #import \"a.typ\" #read(\"/etc/passwd\") $ a $",
    "</w:t></w:r><w:r><w:t>xml</w:t> ]]> <!-- c -->",
    "1. genummerd - streep + plus ~~weg~~ ^sup^ ~sub~ :::",
]


def _text_of_docx(path):
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return parts


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_value_is_printed_literally(tmp_path, value):
    data = apply_patch(read_yaml(CASES / "basis.yaml"), {"aanbesteding.titel": value, "percelen[0].naam": value})
    source = write_case(tmp_path, "vijandig", data)
    code, findings = build_file(str(source), tmp_path / "uit", ["docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    folder = tmp_path / "uit" / "vijandig"
    parts = _text_of_docx(folder / "aanbestedingsleidraad.docx")
    assert parts[1] == value  # the subtitle of the title block is the tender's title
    assert value in parts  # the lot's name in the table of lots, as one cell
    reader = PdfReader(str(folder / "aanbestedingsleidraad.pdf"))
    first_page = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert re.sub(r"\s+", " ", value) in first_page
    assert all(abs(float(page.mediabox.width) - 595.3) < 1 for page in reader.pages)  # A4, never 1 cm
    assert "49" not in first_page.replace(value, "")  # no template expression was evaluated
