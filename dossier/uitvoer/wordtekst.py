"""The body of a Word document after pandoc: front matter, contents, tables and Dutch styles.

pandoc writes the text; this pass, on ``word/document.xml`` with lxml, adds what a lawyer expects of
a finished document: a title page (logo, organisation, title, kenmerk/versie/status/datum) and a
contents page with its entries already in it (Word refreshes the page numbers: the field is dirty),
or for an annex or nota a heading block instead of both; tables at the full text width with a bold
repeated header, rows that do not split and short tables kept on one page; and body text in
*Plattetekst*, table text in *Tabeltekst*, instead of pandoc's English custom styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from ..documenten.huisstijl import Huisstijl
from .logo import Logo
from .ooxml import PPR_ORDER, TRPR_ORDER, W_NS, child, local, para, parse, ppr, text_of, w
from .stijlen import KEEP_TOGETHER_ROWS, twips

_HEADINGS = {f"Heading{level}": level for level in range(1, 10)}
_NUMBERED = 3  # Heading 1-3 carry the house numbering (see referentie)
_NAMESPACES = (f'xmlns:w="{W_NS}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
               'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


@dataclass(frozen=True)
class Voorwerk:
    """What precedes the text: a cover and contents (leidraad) or a heading block (annex, nota)."""

    omslag: bool
    titel: str
    ondertitel: str
    organisatie: str
    aanhef: str  # the line above an annex's title: whose annex it is
    gegevens: tuple[tuple[str, str], ...]  # (label, value): Kenmerk, Versie, Status, Datum
    inhoud_diepte: int

    @property
    def gegevensregel(self) -> str:
        """The details under an annex's title on one line (the kenmerk is in the line above it)."""
        return " · ".join(value if label == "Status" else f"{label} {value}" for label, value in self.gegevens if label != "Kenmerk")


def finish_body(document: etree._Element, voorwerk: Voorwerk, huisstijl: Huisstijl, logo: Logo | None, logo_rid: str) -> None:
    body = document.find(w("body"))
    _restyle(body)
    width = twips(huisstijl.tekstbreedte_cm * 28.3465)
    for table in body.iter(w("tbl")):
        _table(table, width)
        following = table.getnext()
        if following is not None and local(following) == "p" and _style_of(following) not in _HEADINGS:  # room below, as in the PDF
            child(ppr(following), "spacing", PPR_ORDER, before=str(twips(huisstijl.alinea_na)))
    front = _cover(voorwerk, huisstijl, logo, logo_rid) + _contents(body, voorwerk) if voorwerk.omslag else _heading_block(voorwerk)
    wrapper = parse(f"<w:body {_NAMESPACES}>{front}</w:body>".encode())
    for index, element in enumerate(list(wrapper)):
        body.insert(index, element)
    if voorwerk.omslag:
        first = next((p for p in body.iter(w("p")) if _style_of(p) in _HEADINGS), None)
        if first is not None:
            child(ppr(first), "pageBreakBefore", PPR_ORDER)


def _style_of(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val")) if style is not None else ""


def _set_style(paragraph: etree._Element, name: str) -> None:
    child(ppr(paragraph), "pStyle", PPR_ORDER, val=name)


def _restyle(body: etree._Element) -> None:
    """Body text in Plattetekst, table cells in Tabelkop (header row) or Tabeltekst."""
    for paragraph in body.iter(w("p")):
        if _style_of(paragraph) == "FirstParagraph":
            _set_style(paragraph, "BodyText")
    for row in body.iter(w("tr")):
        header = row.find(f"{w('trPr')}/{w('tblHeader')}") is not None
        for paragraph in row.iter(w("p")):
            _set_style(paragraph, "Tabelkop" if header else "Tabeltekst")


def _table(table: etree._Element, width: int) -> None:
    """Full text width (pandoc assumes 7920 twips), rows that never split, short tables kept together."""
    properties = table.find(w("tblPr"))
    table_width = properties.find(w("tblW"))
    table_width.set(w("type"), "dxa")
    table_width.set(w("w"), str(width))
    columns = table.findall(f"{w('tblGrid')}/{w('gridCol')}")
    sizes = [int(c.get(w("w"), "0")) for c in columns]
    total = sum(sizes) or 1
    scaled = [round(size * width / total) for size in sizes]
    scaled[-1] += width - sum(scaled)
    for column, size in zip(columns, scaled):
        column.set(w("w"), str(size))
    rows = table.findall(w("tr"))
    for index, row in enumerate(rows):
        row_properties = row.find(w("trPr"))
        if row_properties is None:
            row_properties = etree.Element(w("trPr"))
            row.insert(0, row_properties)
        child(row_properties, "cantSplit", TRPR_ORDER)
        position = 0
        for cell in row.findall(w("tc")):
            span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
            count = int(span.get(w("val"))) if span is not None else 1
            cell_width = sum(scaled[position:position + count])
            position += count
            cell_properties = cell.find(w("tcPr"))
            if cell_properties is None:
                cell_properties = etree.Element(w("tcPr"))
                cell.insert(0, cell_properties)
            tcw = cell_properties.find(w("tcW"))
            if tcw is None:
                tcw = etree.Element(w("tcW"))
                cell_properties.insert(0 if cell_properties.find(w("cnfStyle")) is None else 1, tcw)
            tcw.set(w("w"), str(cell_width))
            tcw.set(w("type"), "dxa")
            if len(rows) <= KEEP_TOGETHER_ROWS and index < len(rows) - 1:
                for paragraph in cell.iter(w("p")):
                    child(ppr(paragraph), "keepNext", PPR_ORDER)


def _cover(v: Voorwerk, h: Huisstijl, logo: Logo | None, logo_rid: str) -> str:
    parts = []
    if logo is not None:
        parts.append(para("", "Normal", '<w:spacing w:after="0"/>', _drawing(logo, logo_rid, h.logo_breedte)))
    parts.append(para(v.organisatie, "Omslagorganisatie"))
    parts.append(para(v.titel, "Title"))
    if v.ondertitel:
        parts.append(para(v.ondertitel, "Subtitle"))
    for index, (label, value) in enumerate(v.gegevens):
        before = f'<w:spacing w:before="{twips(42)}"/>' if index == 0 else ""
        runs = (f'<w:r><w:t xml:space="preserve">{escape(label)}</w:t></w:r><w:r><w:tab/></w:r>'
                f'<w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r>')
        parts.append(para("", "Omslaggegevens", before, runs))
    return "".join(parts)


def _heading_block(v: Voorwerk) -> str:
    return para(v.aanhef, "Documentaanhef") + para(v.titel, "Documenttitel") + para(v.gegevensregel, "Documentgegevens")


def _contents(body: etree._Element, v: Voorwerk) -> str:
    """A contents field with its result already filled in from the headings, marked dirty for Word."""
    entries = []
    counters = [0] * _NUMBERED
    anchor = ""
    for element in body.iterchildren():
        name = local(element)
        if name == "bookmarkStart":
            anchor = element.get(w("name"), "")
            continue
        if name != "p":
            continue
        level = _HEADINGS.get(_style_of(element))
        inner = element.find(w("bookmarkStart"))
        target = inner.get(w("name")) if inner is not None else anchor
        anchor = ""
        if level is None or level > _NUMBERED:
            continue
        counters[level - 1] += 1
        counters[level:] = [0] * (_NUMBERED - level)
        if level <= v.inhoud_diepte:
            entries.append((level, ".".join(str(c) for c in counters[:level]), text_of(element), target))
    field = (f'<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
             f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{v.inhoud_diepte}" \\h \\z \\u </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    paragraphs = [para("Inhoudsopgave", "TOCHeading", "<w:pageBreakBefore/>")]
    for index, (level, number, text, target) in enumerate(entries):
        runs = (f'<w:r><w:t xml:space="preserve">{number}</w:t></w:r><w:r><w:tab/></w:r>'
                f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
        link = f"<w:hyperlink w:anchor={quoteattr(target)} w:history=\"1\">{runs}</w:hyperlink>" if target else runs
        paragraphs.append(para("", f"TOC{level}", "", (field if index == 0 else "") + link))
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    if entries:
        paragraphs.append(f"<w:p>{end}</w:p>")
    else:
        paragraphs.append(f"<w:p>{field}{end}</w:p>")
    return ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'
            f"</w:sdtPr><w:sdtContent>{''.join(paragraphs)}</w:sdtContent></w:sdt>")


def _drawing(logo: Logo, rid: str, width_cm: float) -> str:
    """An inline picture with its alternative text (``descr``), as Word writes one."""
    cx = round(width_cm * 360000)
    cy = round(cx * logo.pixels[1] / logo.pixels[0])
    alt = quoteattr(logo.alt)
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="9001" name="Logo" descr={alt}/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="logo.{logo.extension}" descr={alt}/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
