"""The styles part of the Word reference document, written from the house style.

Every style pandoc's docx writer refers to exists here, plus the house's own (table text, cover,
heading block of an annex). Built-in styles keep their English built-in names, which Word shows in
the user's language (``Body Text`` is *Plattetekst* in a Dutch Word); pandoc's custom styles get
Dutch names and keep their ids, because pandoc and ``word`` refer to styles by id.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ..documenten.huisstijl import Huisstijl
from .ooxml import DECLARATION, PPR_ORDER, RPR_ORDER, W, props

HEADING_LIST_ID = 10  # pandoc numbers its own lists from 990 up; the heading list stays well below
CELL_MARGIN_PT = (2.0, 4.25)  # top/bottom and left/right padding of a table cell, in both formats
KEEP_TOGETHER_ROWS = 8  # a table of at most this many rows (header included) stays on one page
TOC_NUMBER_CM = 1.0  # room for the heading number in a contents entry


def heading_indent_pt(level: int) -> float:
    """Room for the number of a heading of level 1-3 (hanging indent), the same in Word and PDF."""
    return 28.35 + (level - 1) * 7.1


def twips(points: float) -> int:
    return round(points * 20)


def half_points(points: float) -> int:
    return round(points * 2)


def rpr(size: float | None = None, *, bold: bool = False, italic: bool = False, colour: str | None = None,
        font: str | None = None, extra: dict[str, str] | None = None) -> str:
    parts = dict(extra or {})
    if font:
        parts["rFonts"] = f'<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)} w:eastAsia={quoteattr(font)} w:cs={quoteattr(font)}/>'
    if bold:
        parts["b"], parts["bCs"] = "<w:b/>", "<w:bCs/>"
    if italic:
        parts["i"], parts["iCs"] = "<w:i/>", "<w:iCs/>"
    if colour:
        parts["color"] = f'<w:color w:val="{colour}"/>'
    if size:
        parts["sz"], parts["szCs"] = f'<w:sz w:val="{half_points(size)}"/>', f'<w:szCs w:val="{half_points(size)}"/>'
    body = props(RPR_ORDER, parts)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def ppr(*, before: float | None = None, after: float | None = None, line: float | None = None, keep_next: bool = False,
        keep_lines: bool = False, extra: dict[str, str] | None = None) -> str:
    parts = dict(extra or {})
    if keep_next:
        parts["keepNext"] = "<w:keepNext/>"
    if keep_lines:
        parts["keepLines"] = "<w:keepLines/>"
    if before is not None or after is not None or line is not None:
        attributes = ""
        if before is not None:
            attributes += f' w:before="{twips(before)}"'
        if after is not None:
            attributes += f' w:after="{twips(after)}"'
        if line is not None:
            attributes += f' w:line="{round(line * 240)}" w:lineRule="auto"'
        parts["spacing"] = f"<w:spacing{attributes}/>"
    body = props(PPR_ORDER, parts)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


def style(kind: str, sid: str, name: str, *, based: str | None = None, next_: str | None = None, custom: bool = False,
          default: bool = False, p: str = "", r: str = "", rest: str = "", q: bool = False) -> str:
    attributes = f'w:type="{kind}" w:styleId="{sid}"' + (' w:default="1"' if default else "") + (' w:customStyle="1"' if custom else "")
    head = f"<w:name w:val={quoteattr(name)}/>"
    head += f'<w:basedOn w:val="{based}"/>' if based else ""
    head += f'<w:next w:val="{next_}"/>' if next_ else ""
    head += "<w:qFormat/>" if q else ""
    return f"<w:style {attributes}>{head}{p}{r}{rest}</w:style>"


def styles_xml(h: Huisstijl) -> str:
    font, text, grey, heading = h.lettertype, h.kleur_tekst, h.kleur_grijs, h.kleur_koppen
    width = twips(h.tekstbreedte_cm * 28.3465)
    body_jc = {"jc": '<w:jc w:val="both"/>'} if h.uitvullen else {}
    no_hyphens = {"suppressAutoHyphens": "<w:suppressAutoHyphens/>"}
    defaults = (
        "<w:docDefaults><w:rPrDefault>"
        + rpr(h.korps, font=font, colour=text, extra={"lang": '<w:lang w:val="nl-NL" w:eastAsia="en-US" w:bidi="ar-SA"/>'})
        + "</w:rPrDefault><w:pPrDefault>"
        + ppr(after=h.alinea_na, line=h.regelafstand, extra={"widowControl": "<w:widowControl/>"})
        + "</w:pPrDefault></w:docDefaults>"
    )
    cell = ppr(before=0, after=0, line=1.0, extra=no_hyphens)
    styles = [
        style("paragraph", "Normal", "Normal", default=True, q=True),
        style("paragraph", "BodyText", "Body Text", based="Normal", q=True, p=ppr(extra=body_jc)),
        style("paragraph", "FirstParagraph", "Eerste alinea", based="BodyText", next_="BodyText", custom=True),
        style("paragraph", "Compact", "Compacte alinea", based="BodyText", custom=True, p=ppr(before=1, after=1)),
        style("paragraph", "Tabeltekst", "Tabeltekst", based="Normal", custom=True, q=True, p=cell, r=rpr(h.korps_tabel)),
        style("paragraph", "Tabelkop", "Tabelkop", based="Tabeltekst", custom=True, q=True,
              p=ppr(keep_next=True), r=rpr(bold=True)),
    ]
    for level, size in enumerate(h.korps_koppen, start=1):
        before, after = h.kop_ruimte(level)
        styles.append(style(
            "paragraph", f"Heading{level}", f"heading {level}", based="Normal", next_="BodyText", q=True,
            p=ppr(before=before, after=after, keep_next=True, keep_lines=True, extra={
                "numPr": f'<w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="{HEADING_LIST_ID}"/></w:numPr>',
                **no_hyphens, "outlineLvl": f'<w:outlineLvl w:val="{level - 1}"/>'}),
            r=rpr(size, bold=True, colour=heading)))
    for level in (4, 5, 6):
        styles.append(style("paragraph", f"Heading{level}", f"heading {level}", based="Normal", next_="BodyText", q=True,
                            p=ppr(before=h.korps, after=3, keep_next=True, keep_lines=True, extra={
                                **no_hyphens, "outlineLvl": f'<w:outlineLvl w:val="{level - 1}"/>'}),
                            r=rpr(h.korps, bold=True, italic=level > 4, colour=heading)))
    title = ppr(after=6, keep_next=True, extra=no_hyphens)
    styles += [
        style("paragraph", "Title", "Title", based="Normal", next_="Subtitle", q=True, p=title, r=rpr(h.korps_titel, bold=True, colour=heading)),
        style("paragraph", "Subtitle", "Subtitle", based="Normal", next_="BodyText", q=True, p=title, r=rpr(h.korps_titel * 0.625)),
        style("paragraph", "Omslagorganisatie", "Omslag organisatie", based="Normal", custom=True, q=True,
              p=ppr(before=h.omslag_ruimte_pt, after=12, extra=no_hyphens), r=rpr(h.korps + 1, colour=grey)),
        style("paragraph", "Omslaggegevens", "Omslag gegevens", based="Normal", custom=True, q=True,
              p=ppr(after=2, extra={"tabs": f'<w:tabs><w:tab w:val="left" w:pos="{twips(h.omslag_tab_pt)}"/></w:tabs>'})),
        style("paragraph", "Documentaanhef", "Documentaanhef", based="Normal", custom=True, q=True,
              p=ppr(after=4, keep_next=True, extra=no_hyphens), r=rpr(h.korps_kopregel + 1, colour=grey)),
        style("paragraph", "Documenttitel", "Documenttitel", based="Title", next_="BodyText", custom=True, q=True,
              p=ppr(after=4), r=rpr(h.korps_koppen[0] + 4)),
        style("paragraph", "Documentgegevens", "Documentgegevens", based="Documentaanhef", custom=True, q=True,
              p=ppr(after=18, keep_next=False)),
        style("paragraph", "Author", "Auteur", based="Normal", custom=True, q=True),
        style("paragraph", "Date", "Date", based="Normal", q=True),
        style("paragraph", "AbstractTitle", "Titel samenvatting", based="Normal", custom=True, r=rpr(bold=True)),
        style("paragraph", "Abstract", "Samenvatting", based="Normal", next_="BodyText", custom=True),
        style("paragraph", "Bibliography", "Bibliography", based="Normal"),
        style("paragraph", "BlockText", "Block Text", based="BodyText", next_="BodyText", q=True,
              p=ppr(extra={"ind": '<w:ind w:left="567" w:right="567"/>'})),
        style("paragraph", "FootnoteText", "footnote text", based="Normal", q=True, p=ppr(after=0, line=1.0), r=rpr(h.korps_kopregel + 0.5)),
        style("paragraph", "FootnoteBlockText", "Voetnoot bloktekst", based="FootnoteText", custom=True),
        style("paragraph", "DefinitionTerm", "Definitieterm", based="Normal", next_="Definition", custom=True,
              p=ppr(after=0, keep_next=True), r=rpr(bold=True)),
        style("paragraph", "Definition", "Definitie", based="Normal", custom=True, p=ppr(extra={"ind": '<w:ind w:left="425"/>'})),
        style("paragraph", "Caption", "caption", based="Normal", q=True, p=ppr(before=3, after=9), r=rpr(h.korps_tabel, italic=True)),
        style("paragraph", "TableCaption", "Tabelbijschrift", based="Caption", custom=True, p=ppr(keep_next=True)),
        style("paragraph", "ImageCaption", "Afbeeldingsbijschrift", based="Caption", custom=True),
        style("paragraph", "Figure", "Afbeelding", based="Normal", custom=True),
        style("paragraph", "CaptionedFigure", "Afbeelding met bijschrift", based="Figure", custom=True, p=ppr(keep_next=True)),
        style("paragraph", "TOCHeading", "TOC Heading", based="Normal", next_="BodyText", q=True,
              p=ppr(after=h.kop_ruimte(1)[1] * 2, keep_next=True, extra=no_hyphens), r=rpr(h.korps_koppen[0], bold=True, colour=heading)),
        style("paragraph", "Header", "header", based="Normal", p=ppr(after=0, line=1.0, extra={"tabs": (
            f'<w:tabs><w:tab w:val="center" w:pos="{width // 2}"/><w:tab w:val="right" w:pos="{width}"/></w:tabs>')}),
            r=rpr(h.korps_kopregel, colour=grey)),
        style("paragraph", "Footer", "footer", based="Header"),
    ]
    for level in (1, 2, 3):
        indent = twips(TOC_NUMBER_CM * 28.3465) * level
        hanging = twips(TOC_NUMBER_CM * 28.3465)
        styles.append(style(
            "paragraph", f"TOC{level}", f"toc {level}", based="Normal", next_="Normal",
            p=ppr(before=6 if level == 1 else 0, after=2, extra={
                "tabs": f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>',
                "ind": f'<w:ind w:left="{indent}" w:right="567" w:hanging="{hanging}"/>'}),
            r=rpr(bold=level == 1)))
    grid = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{h.kleur_lijnen}"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    pad_y, pad_x = (twips(v) for v in CELL_MARGIN_PT)
    margins = (f'<w:tblCellMar><w:top w:w="{pad_y}" w:type="dxa"/><w:left w:w="{pad_x}" w:type="dxa"/>'
               f'<w:bottom w:w="{pad_y}" w:type="dxa"/><w:right w:w="{pad_x}" w:type="dxa"/></w:tblCellMar>')
    styles += [
        style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True),
        style("character", "BodyTextChar", "Plattetekst teken", custom=True, based="DefaultParagraphFont"),
        style("character", "VerbatimChar", "Code teken", custom=True, based="DefaultParagraphFont", r=rpr(font="DejaVu Sans Mono")),
        style("character", "SectionNumber", "Sectienummer", custom=True, based="DefaultParagraphFont"),
        style("character", "FootnoteReference", "footnote reference", based="DefaultParagraphFont",
              r=rpr(extra={"vertAlign": '<w:vertAlign w:val="superscript"/>'})),
        style("character", "Hyperlink", "Hyperlink", based="DefaultParagraphFont", r=rpr(colour=heading, extra={"u": '<w:u w:val="single"/>'})),
        style("table", "TableNormal", "Normal Table", default=True,
              rest='<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                   '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'),
        style("table", "Table", "Tabel dossier", based="TableNormal", custom=True, q=True,
              p=cell, r=rpr(h.korps_tabel),
              rest=f"<w:tblPr><w:tblBorders>{grid}</w:tblBorders>{margins}</w:tblPr>"
                   '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:trPr><w:tblHeader/></w:trPr>'
                   f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{h.kleur_tabelkop}"/></w:tcPr></w:tblStylePr>'),
    ]
    latent = '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>'
    return f"{DECLARATION}<w:styles {W}>{defaults}{latent}{''.join(styles)}</w:styles>"
