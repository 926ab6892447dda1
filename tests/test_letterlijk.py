"""Values are text, never syntax: hostile values reach Word and PDF literally."""

from __future__ import annotations

import re

import docx
import pytest
from helpers import CASES, apply_patch, read_yaml, write_case
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from dossier.opdrachten.bouw import build_file

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
    assert parts[2] == value  # the subtitle on the cover (after organisation and title) is the tender's title
    assert value in parts  # the lot's name in the table of lots, as one cell
    reader = PdfReader(str(folder / "aanbestedingsleidraad.pdf"))
    first_page = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert re.sub(r"\s+", " ", value) in first_page
    assert all(abs(float(page.mediabox.width) - 595.3) < 1 for page in reader.pages)  # A4, never 1 cm
    assert "49" not in first_page.replace(value, "")  # no template expression was evaluated


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_value_reaches_every_document_literally(tmp_path, value):
    patch = {
        "inlichtingen[0].vragen[0].vraag": value,
        "inlichtingen[0].vragen[0].antwoord": value,
        "maatschappelijke_doelen.ambities[0].resultaten[0].indicatoren[0].naam": value,
        "escalatiemodel.niveaus[0].naam": value,
        "monitoring_en_evaluatie.evaluatiemomenten": [{"moment": value, "omschrijving": value}],
        "looptijd.motivering": value,
        "percelen[1].naam": value,
        "gunningscriteria.criteria[0].naam": value,  # reaches the Beoordelingskader annex
    }
    source = write_case(tmp_path, "overal", apply_patch(read_yaml(CASES / "basis.yaml"), patch))
    code, findings = build_file(str(source), tmp_path / "uit", ["docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    folder = tmp_path / "uit" / "overal"
    flat_value = re.sub(r"\s+", "", value)
    for docx_path in sorted(folder.glob("*.docx")):
        if docx_path.stem == "bijlage-c-looptijd-en-verlenging":
            continue  # the only annex without any of the patched values
        parts = _text_of_docx(docx_path)
        assert any(value in part for part in parts), docx_path.name
        pdf = re.sub(r"\s+", "", " ".join(p.extract_text() for p in PdfReader(str(docx_path.with_suffix(".pdf"))).pages))
        assert flat_value in pdf.replace("-", "") or flat_value.replace("-", "") in pdf.replace("-", ""), docx_path.name


def _plain_texts(ast: dict) -> list[str]:
    """The text of each paragraph of a pandoc AST, as a reader would see it."""
    def inline_text(inlines: list) -> str:
        out = []
        for node in inlines:
            kind = node["t"]
            if kind == "Str":
                out.append(node["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            else:
                out.append(f"<{kind}>")  # any markup node means a value was read as syntax
        return "".join(out)

    return [inline_text(block["c"]) for block in ast["blocks"] if block["t"] in ("Para", "Plain")]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
                .filter(lambda t: t.strip()), min_size=1, max_size=40))
def test_escaped_values_read_back_as_the_same_text_in_pandoc(values):
    from dossier.documenten.markdown import md_escape
    from dossier.uitvoer.pandoc import markdown_to_ast

    markdown = "\n\n".join(md_escape(v) for v in values) + "\n"
    texts = _plain_texts(markdown_to_ast(markdown, 0, "eigenschap"))
    expected = [re.sub(r"[^\S\xa0]+", " ", v).strip() for v in values]  # a no-break space stays one
    assert texts == expected
