"""Word files a lawyer can trust and one house style for Word and PDF, read back from real builds.

Every .docx is checked against the OOXML schema (openxml-audit), the XML is inspected for what Word
shows (fonts, cover, contents, tables, properties), and the PDFs for PDF/A-2b, PDF/UA-1 and the font.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES
from fontTools.ttLib import TTFont
from helpers import ROOT
from lxml import etree
from openxml_audit import OpenXmlValidator
from pypdf import PdfReader

from dossier.opdrachten.bouw import build_file
from dossier.uitvoer.referentie import reference_bytes
from dossier.documenten.sjabloonsets import resolve

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONTS = ROOT / "sjablonen" / "basis" / "huisstijl" / "lettertypen"


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def audit(path: Path) -> list[str]:
    return [str(e) for e in OpenXmlValidator().validate(str(path)).errors]


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_every_docx_passes_openxml_audit(built, example):
    for path in sorted(built[example].glob("*.docx")):
        assert audit(path) == [], path.name


def test_generated_reference_document_passes_openxml_audit(tmp_path):
    path = tmp_path / "referentie.docx"
    path.write_bytes(reference_bytes(resolve(None).huisstijl))
    assert audit(path) == []
    styles = part(path, "word/styles.xml")
    assert 'w:eastAsia="Liberation Sans"' in styles and 'w:lang w:val="nl-NL"' in styles


def test_styles_name_the_house_font_and_dutch_defaults(built):
    path = built["leiden"] / "aanbestedingsleidraad.docx"
    styles = etree.fromstring(part(path, "word/styles.xml").encode())
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == "Liberation Sans"
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "nl-NL"
    assert styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}widowControl") is not None
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    for sid in ("Heading1", "Heading2", "Title", "Tabeltekst", "BodyText"):
        assert by_id[sid].find(f".//{W}rFonts") is None  # inherits the house font from the defaults
    assert not [s for s in by_id if not s.endswith("Tok") and by_id[s].xpath(".//@*[contains(local-name(), 'Theme')]")]
    assert by_id["Header"].find(f"{W}rPr/{W}sz").get(f"{W}val") == "16"  # 8 pt
    assert by_id["Footer"].find(f"{W}basedOn").get(f"{W}val") == "Header"
    names = {s.find(f"{W}name").get(f"{W}val") for s in by_id.values()}
    assert not {"First Paragraph", "Compact", "Table"} & names and {"Tabeltekst", "Tabelkop", "Eerste alinea"} <= names
    font_table = part(path, "word/fontTable.xml")
    assert 'w:name="Liberation Sans"' in font_table and 'w:altName w:val="Arial"' in font_table
    document = part(path, "word/document.xml")
    assert "FirstParagraph" not in document
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S):
        assert '"Compact"' not in table


def test_settings_are_word_2013_and_dutch(built):
    settings = part(built["leiden"] / "nota-van-inlichtingen-1.docx", "word/settings.xml")
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert '<w:themeFontLang w:val="nl-NL"/>' in settings
    assert '<w:decimalSymbol w:val=","/>' in settings and '<w:listSeparator w:val=";"/>' in settings
    assert "proofState" not in settings


def test_pdf_embeds_the_same_family(built):
    fonts = set()
    for page in PdfReader(str(built["leiden"] / "aanbestedingsleidraad.pdf")).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith("LiberationSans") for f in fonts), fonts


def test_cover_contents_and_no_header_on_the_cover(built):
    path = built["leiden"] / "aanbestedingsleidraad.docx"
    document = part(path, "word/document.xml")
    body = document[document.index("<w:body>"):]
    styles = re.findall(r'<w:pStyle w:val="(\w+)"/>', body)
    assert styles[:3] == ["Omslagorganisatie", "Title", "Subtitle"]
    cover = body[:body.index("<w:sdt>")]
    for text in ("Gemeente Leiden", "Aanbestedingsleidraad", "Kenmerk", "LEI-SD-2019-014", "Versie", "1.0", "Status",
                 "concept", "Datum", "1 oktober 2019"):
        assert f">{text}<" in cover, text
    contents = body[body.index("<w:sdt>"):body.index("</w:sdt>")]
    assert 'w:dirty="true"' in contents and "TOC \\o &quot;1-2&quot;" in contents.replace('"', "&quot;")
    assert "<w:pageBreakBefore/>" in contents
    entries = re.findall(r'<w:pStyle w:val="TOC(\d)"/>.*?<w:t xml:space="preserve">([\d.]+)</w:t>.*?'
                         r'<w:t xml:space="preserve">([^<]+)</w:t>', contents)
    headings = re.findall(r'<w:pStyle w:val="Heading([12])"/>.*?<w:t xml:space="preserve">([^<]+)</w:t>', body[body.index("</w:sdt>"):])
    assert [(level, text) for level, _, text in entries] == headings
    assert entries[0][1:] == ("1", "Leeswijzer en begrippen") and len(entries) > 20
    after = body[body.index("</w:sdt>"):]
    assert re.search(r'<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>', after[:2000])
    sect = re.search(r"<w:sectPr.*?</w:sectPr>", body, re.S).group(0)
    assert "<w:titlePg/>" in sect
    first = re.search(r'<w:headerReference w:type="first" r:id="(\w+)"/>|<w:headerReference r:id="(\w+)" w:type="first"/>', sect)
    rid = first.group(1) or first.group(2)
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', part(path, "word/_rels/document.xml.rels"))
    first_header = part(path, f"word/{target.group(1) or target.group(2)}")
    assert "<w:t" not in first_header


def test_annexes_and_notas_have_a_heading_block_instead_of_cover_and_contents(built):
    for name in ("bijlage-a-resultaatafspraken", "nota-van-inlichtingen-1"):
        document = part(built["leiden"] / f"{name}.docx", "word/document.xml")
        assert "<w:sdt>" not in document and '"Title"' not in document
        first = re.findall(r'<w:pStyle w:val="(\w+)"/>.*?<w:t xml:space="preserve">([^<]+)</w:t>', document)[:3]
        assert [s for s, _ in first] == ["Documentaanhef", "Documenttitel", "Documentgegevens"]
        assert "kenmerk LEI-SD-2019-014" in first[0][1]
        pdf = PdfReader(str(built["leiden"] / f"{name}.pdf"))
        assert "Inhoudsopgave" not in pdf.pages[0].extract_text()
    annex = part(built["leiden"] / "bijlage-a-resultaatafspraken.docx", "word/document.xml")
    assert "Bijlage A bij de aanbestedingsleidraad Sociaal werk Leiden 2020, kenmerk LEI-SD-2019-014" in annex


def test_tables_full_width_repeated_bold_header_unsplit_rows_right_aligned_amounts(built):
    document = part(built["leiden"] / "bijlage-d-percelen-en-raming.docx", "word/document.xml")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S)
    assert tables
    for table in tables:
        assert re.search(r'<w:tblW w:type="dxa" w:w="(\d+)"/>|<w:tblW w:w="(\d+)" w:type="dxa"/>', table)
        widths = [int(v) for v in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]
        assert abs(sum(widths) - 9071) <= 2  # A4 minus 2 × 2.5 cm, in twips
        rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.S)
        assert all("<w:cantSplit/>" in row for row in rows)
        assert "<w:tblHeader" in rows[0] and '"Tabelkop"' in rows[0] and '"Tabelkop"' not in "".join(rows[1:])
    amounts = re.findall(r'<w:p><w:pPr>(.*?)</w:pPr><w:r><w:t xml:space="preserve">€\u00a0[\d.]+</w:t>', document)
    assert amounts and all('<w:jc w:val="right"/>' in p for p in amounts)
    short = tables[0]
    rows = re.findall(r"<w:tr>.*?</w:tr>", short, re.S)
    if len(rows) <= 8:
        assert all("<w:keepNext/>" in row for row in rows[:-1]) and "<w:keepNext/>" not in rows[-1]


def _advances(path: Path):
    font = TTFont(str(path))
    cmap, metrics, units = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    return lambda word, size: sum(metrics[cmap[ord(c)]][0] if ord(c) in cmap else units / 2 for c in word) * size / units


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_every_table_column_is_as_wide_as_its_longest_word(built, example):
    regular, bold = _advances(FONTS / "LiberationSans-Regular.ttf"), _advances(FONTS / "LiberationSans-Bold.ttf")
    padding = 2 * 4.25  # cell margins left and right, pt
    for path in sorted(built[example].glob("*.docx")):
        document = part(path, "word/document.xml")
        for table in re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S):
            widths = [int(v) / 20 for v in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]
            for row in re.findall(r"<w:tr>.*?</w:tr>", table, re.S):
                measure = bold if "<w:tblHeader" in row else regular
                for column, cell in enumerate(re.findall(r"<w:tc>.*?</w:tc>", row, re.S)):
                    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", cell)).replace("&amp;", "&")
                    for word in text.split():
                        assert measure(word, 9) <= widths[column] - padding, (path.name, word, widths[column])


def test_honest_properties_and_own_dates(built):
    nota = built["leiden"] / "nota-van-inlichtingen-1.docx"
    core = part(nota, "docProps/core.xml")
    assert "2019-10-28T00:00:00Z" in core  # the nota's own date, not the publication date
    assert "<cp:contentStatus>concept</cp:contentStatus>" in core and "<dc:language>nl-NL</dc:language>" in core
    assert "2019-10-01T00:00:00Z" in part(built["leiden"] / "aanbestedingsleidraad.docx", "docProps/core.xml")
    app = part(nota, "docProps/app.xml")
    assert "Microsoft" not in app and "<Pages>" not in app and "<Words>" not in app and "dossier" in app
    custom = re.findall(r'name="([^"]+)"', part(nota, "docProps/custom.xml"))
    assert custom == ["kenmerk", "versie", "status"]
    assert PdfReader(str(built["leiden"] / "nota-van-inlichtingen-1.pdf")).metadata["/CreationDate"].startswith("D:20191028")
    manifest = json.loads((built["leiden"] / "manifest.json").read_text("utf-8"))
    assert re.fullmatch(r"3\.\d+(\.\d+)*", manifest["hulpmiddelen"]["pandoc"])
    assert re.fullmatch(r"0\.\d+\.\d+", manifest["hulpmiddelen"]["typst"])


def test_pdf_claims_pdfa_and_pdfua_with_title_shown_and_tagged(built):
    data = (built["leiden"] / "aanbestedingsleidraad.pdf").read_bytes()
    reader = PdfReader(str(built["leiden"] / "aanbestedingsleidraad.pdf"))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert re.search(r"pdfaid:part>2<", xmp) and re.search(r"pdfuaid:part>1<", xmp)
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a PDF boolean)
    assert b"/S/Title" in data or b"/S /Title" in data


def test_email_addresses_are_links_in_both_formats(built):
    document = part(built["leiden"] / "aanbestedingsleidraad.docx", "word/_rels/document.xml.rels")
    assert "mailto:inkoop.sociaaldomein@leiden.example" in document
    data = (built["leiden"] / "aanbestedingsleidraad.pdf").read_bytes()
    assert b"mailto:inkoop.sociaaldomein@leiden.example" in data


def test_logo_with_alternative_text_on_the_cover(tmp_path, monkeypatch):
    import shutil
    import struct
    import zlib

    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", root)
    monkeypatch.setenv("DOSSIER_SJABLONEN", str(root))
    raw = b"".join(b"\x00" + b"\x20\x40\x80" * 8 for _ in range(4))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 4, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    (root / "basis" / "huisstijl" / "logo.png").write_bytes(png)
    source = (ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8").replace("aanbesteding:\n", "aanbesteding:\n  logo: logo.png\n", 1)
    dossier = tmp_path / "leiden.yaml"
    dossier.write_text(source, "utf-8")
    code, findings = build_file(str(dossier), tmp_path / "uit", ["docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    docx_path = tmp_path / "uit" / "leiden" / "aanbestedingsleidraad.docx"
    assert 'descr="Logo van Gemeente Leiden"' in part(docx_path, "word/document.xml")
    assert audit(docx_path) == []
    assert b"Logo van Gemeente Leiden" in (tmp_path / "uit" / "leiden" / "aanbestedingsleidraad.pdf").read_bytes()
