"""Building every example for real: pandoc, Typst, Word files opened and PDFs read back."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES
from helpers import ROOT
from pypdf import PdfReader

from dossier.opdrachten.bouw import build_file

GOLDEN = ROOT / "tests" / "gouden"


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("-\n", ""))


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_manifest_lists_every_file_with_its_hash(built, example):
    folder = built[example]
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    listed = {f["naam"]: f["sha256"] for d in manifest["documenten"] for f in d["bestanden"]}
    on_disk = {p.name for p in folder.iterdir()} - {"manifest.json", ".dossier-uitvoer"}
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    kinds = {d["soort"] for d in manifest["documenten"]}
    assert {"leidraad", "bijlage"} <= kinds
    assert manifest["invoer_sha256"] == hashlib.sha256((ROOT / "voorbeelden" / f"{example}.yaml").read_bytes()).hexdigest()
    assert manifest["sjabloonset"]["naam"] == "basis" and manifest["sjabloonset"]["sha256"]


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_every_document_in_both_formats(built, example):
    folder = built[example]
    stems = {p.stem for p in folder.glob("*.md")}
    assert "aanbestedingsleidraad" in stems
    assert {"bijlage-looptijd-en-verlenging", "bijlage-percelen-en-raming"} <= {re.sub(r"^bijlage-[a-z]-", "bijlage-", s) for s in stems}
    for stem in stems:
        assert (folder / f"{stem}.docx").stat().st_size > 5000
        assert (folder / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")


def test_leiden_leidraad_in_word(built):
    path = built["leiden"] / "aanbestedingsleidraad.docx"
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    for expected in ("Leeswijzer en begrippen", "Inleiding", "Procedure", "Gunning", "Kern van de overeenkomst", "Bijlagen"):
        assert expected in headings
    text = docx_text(path)
    for fact in ("Samen Opgroeien", "Samen Meedoen", "Basiskracht", "30 juni 2029", "1 juli 2020", "€\u00a085.500.000",
                 "€\u00a09.500.000", "vijf jaar, met vier opties tot verlenging van telkens één jaar", "5 maart 2020"):
        assert fact in text, fact
    props = document.core_properties
    assert props.keywords == "LEI-SD-2019-014" and props.content_status == "concept" and props.version == "1.0"
    assert "Aanbestedingsleidraad" in props.title
    assert document.sections[0].header.paragraphs[0].text == "LEI-SD-2019-014 – Aanbestedingsleidraad – CONCEPT"


def test_word_has_native_heading_numbering_toc_and_page_fields(built):
    with zipfile.ZipFile(built["leiden"] / "aanbestedingsleidraad.docx") as archive:
        styles = archive.read("word/styles.xml").decode()
        numbering = archive.read("word/numbering.xml").decode()
        document = archive.read("word/document.xml").decode()
        footers = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer"))
    heading1 = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    num_id = re.search(r'<w:numId w:val="(\d+)"', heading1).group(1)
    assert int(num_id) < 990  # pandoc drops list ids from 990 up
    assert f'<w:num w:numId="{num_id}">' in numbering
    assert 'w:lvlText w:val="%1.%2"' in numbering
    assert "TOC \\o" in document
    assert "PAGE" in footers and "NUMPAGES" in footers and "Pagina" in footers


def test_leiden_pdf_text_and_pdfa(built):
    path = built["leiden"] / "aanbestedingsleidraad.pdf"
    text = flat(pdf_text(path))
    for fact in ("Samen Opgroeien", "Basiskracht", "30 juni 2029", "€ 85.500.000", "Inhoudsopgave", "Pagina 1 van", "CONCEPT"):
        assert fact in text, fact
    reader = PdfReader(str(path))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert "pdfaid:part" in xmp and ">2<" in xmp.replace('"2"', ">2<")
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for accessibility
    assert reader.trailer["/Root"].get("/Lang") in ("nl", "nl-NL")


def test_leiden_nota_van_inlichtingen(built):
    text = docx_text(built["leiden"] / "nota-van-inlichtingen-1.docx")
    assert "Is de raming per perceel een plafond?" in text
    assert "Rectificaties" in text and "plafondbedrag" in text
    assert "28 oktober 2019" in text
    pdf = flat(pdf_text(built["leiden"] / "nota-van-inlichtingen-1.pdf"))
    assert "Nota van inlichtingen 1" in pdf and "plafondbedrag" in pdf


def test_leiden_annex_looptijd_has_every_option_window(built):
    text = docx_text(built["leiden"] / "bijlage-c-looptijd-en-verlenging.docx")
    for window in ("1 juli 2025", "30 juni 2026", "1 juli 2028", "30 juni 2029", "1 januari 2028"):
        assert window in text, window


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_golden_markdown(built, example, request):
    target = GOLDEN / example
    update = request.config.getoption("--gouden-bijwerken")
    for md in sorted(built[example].glob("*.md")):
        golden = target / md.name
        if update:
            target.mkdir(parents=True, exist_ok=True)
            golden.write_text(md.read_text("utf-8"), "utf-8")
            continue
        assert golden.exists(), f"{golden} ontbreekt; draai pytest --gouden-bijwerken en bekijk het verschil"
        assert md.read_text("utf-8") == golden.read_text("utf-8"), f"{md.name} wijkt af van {golden}"


def test_build_is_deterministic(built, tmp_path):
    example = ROOT / "voorbeelden" / "leiden.yaml"
    code, _ = build_file(str(example), tmp_path, ["docx", "pdf", "md"], "concept")
    assert code == 0
    for path in built["leiden"].iterdir():
        assert (tmp_path / "leiden" / path.name).read_bytes() == path.read_bytes(), path.name


def test_definitief_has_no_watermark(tmp_path):
    code, _ = build_file(str(ROOT / "voorbeelden" / "leiden.yaml"), tmp_path, ["pdf"], "definitief")
    assert code == 0
    text = pdf_text(tmp_path / "leiden" / "bijlage-c-looptijd-en-verlenging.pdf")
    assert "CONCEPT" not in text and "definitief" in text
    assert not list((tmp_path / "leiden").glob("*.docx"))
    code, _ = build_file(str(ROOT / "voorbeelden" / "leiden.yaml"), tmp_path / "w", ["docx"], "definitief")
    header = docx.Document(str(tmp_path / "w" / "leiden" / "aanbestedingsleidraad.docx")).sections[0].header
    assert header.paragraphs[0].text == "LEI-SD-2019-014 – Aanbestedingsleidraad"


def test_every_example_passes_the_check_with_only_explained_warnings():
    from dossier import controleer as check_file

    for example in EXAMPLES:
        result = check_file(example)
        assert not [d for d in result.diagnostics if d.is_error], example.name
        text = example.read_text("utf-8")
        for warning in result.diagnostics:
            assert f"waarschuwing {warning.code}" in text, f"{example.name}: {warning.code} is not explained in a comment"


def test_alphen_yearly_value(built):
    for path in (built["alphen-aan-den-rijn"] / "aanbestedingsleidraad.docx",):
        assert "€\u00a07.000.000 per jaar" in docx_text(path)
    assert "€ 7.000.000" in flat(pdf_text(built["alphen-aan-den-rijn"] / "bijlage-d-percelen-en-raming.pdf"))
    assert "1 januari 2015" in docx_text(built["alphen-aan-den-rijn"] / "bijlage-c-looptijd-en-verlenging.docx")


def test_wageningen_52_results_in_the_annex(built):
    path = built["wageningen"] / "bijlage-a-resultaatafspraken.docx"
    document = docx.Document(str(path))
    ambitions = [p.text for p in document.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Ambitie ")]
    assert len(ambitions) == 5
    assert len(document.tables) == 5  # one table of results per ambition
    results = [row.cells[0].text for table in document.tables for row in table.rows[1:] if row.cells[0].text]
    assert len(results) == 52 and results[0].startswith("R01 ")
    assert "52 beoogde resultaten" in flat(pdf_text(built["wageningen"] / "bijlage-a-resultaatafspraken.pdf"))
    nota = docx_text(built["wageningen"] / "nota-van-inlichtingen-1.docx")
    assert "exclusief btw" in nota and "Rectificaties" in nota
    leidraad = docx_text(built["wageningen"] / "aanbestedingsleidraad.docx")
    assert "Lokale samenwerking" in leidraad and "Solidez" not in leidraad  # the winner is never named in the guide


def test_tilburg_eleven_municipalities_and_two_rounds(built):
    text = docx_text(built["tilburg"] / "aanbestedingsleidraad.docx")
    municipalities = ["Tilburg", "Waalwijk", "Heusden", "Dongen", "Oisterwijk", "Loon op Zand", "Hilvarenbeek",
                      "Goirle", "Gilze en Rijen", "Alphen-Chaam", "Baarle-Nassau"]
    assert all(m in text for m in municipalities)
    assert "elf" in text or "11 deelnemende gemeenten" in text
    pdf = flat(pdf_text(built["tilburg"] / "aanbestedingsleidraad.pdf"))
    assert all(m in pdf for m in municipalities)
    assert (built["tilburg"] / "nota-van-inlichtingen-2.pdf").exists()
    assert "€\u00a0200.000.000" in text


def test_utrecht_subsidieplafond(built):
    text = docx_text(built["utrecht"] / "aanbestedingsleidraad.docx")
    assert "Het subsidieplafond bedraagt €\u00a04.800.000." in text
    assert "Leidraad subsidietender" in text
    assert "€ 4.800.000" in flat(pdf_text(built["utrecht"] / "aanbestedingsleidraad.pdf"))


def test_open_house_has_no_ranking(built):
    document = docx.Document(str(built["open-house"] / "aanbestedingsleidraad.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Toelating" in headings and "Gunning" not in headings
    text = docx_text(built["open-house"] / "aanbestedingsleidraad.docx")
    assert "€\u00a062,40" in text and "geen rangschikking" in text


def test_haarlem_dialogue_criteria_and_termination(built):
    text = docx_text(built["haarlem"] / "aanbestedingsleidraad.docx")
    for fact in ("Kostenbeheersing", "Inhoudelijke invulling sociaal wijkteam", "Partnerschap", "Zorgvuldige transitie",
                 "Dialoog", "Directe ontbinding", "acht jaar", "31 december 2029"):
        assert fact in text, fact
    annex = docx_text(built["haarlem"] / "bijlage-b-escalatiemodel.docx")
    assert "Rechtbank Noord-Holland" in annex and "Bestuurlijk overleg" in annex


def test_markdown_output_has_no_escape_clutter(built):
    """The .md is for people and git diff: no backslash before a letter, digit or hyphen."""
    for folder in built.values():
        for md in folder.glob("*.md"):
            text = md.read_text("utf-8")
            assert not re.findall(r"\\[A-Za-z0-9-]", text), md
            assert "€ " not in text, f"{md}: een bedrag met een gewone spatie na het euroteken"
