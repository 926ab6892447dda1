"""WordprocessingML plumbing shared by the reference document and the finished .docx.

Word's schema fixes the order of the children of ``w:pPr``, ``w:rPr`` and ``w:sectPr``: an element
in the wrong place makes Word repair the file or ignore the property. Every insertion goes through
``put`` with the schema order below, so no caller has to know it. A package is read into a dict of
parts and written back with fixed timestamps, so the same parts give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"xmlns:w=\"{W_NS}\""
R = f"xmlns:r=\"{R_NS}\""
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# ECMA-376 part 1, CT_PPrBase (+ rPr, sectPr of CT_PPr), EG_RPrBase and CT_SectPr sequences.
PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
             "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
             "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
             "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
             "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
             "lang eastAsianLayout specVanish oMath").split()
SECT_ORDER = ("headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings").split()
TRPR_ORDER = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()


def w(name: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{name}"


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def props(order: list[str], parts: dict[str, str]) -> str:
    """Children as XML in schema order; ``parts`` maps a local name to its element's XML."""
    return "".join(parts[name] for name in order if name in parts)


def put(parent: etree._Element, child: etree._Element, order: list[str]) -> etree._Element:
    """Insert ``child`` into ``parent`` at its schema position, replacing an element of the same name."""
    name = local(child)
    rank = order.index(name)
    for existing in parent:
        existing_name = local(existing)
        if existing_name == name:
            existing.addprevious(child)
            parent.remove(existing)
            return child
        if existing_name in order and order.index(existing_name) > rank:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def child(parent: etree._Element, name: str, order: list[str], **attributes: str) -> etree._Element:
    """``put`` a new ``w:name`` element with ``w:`` attributes."""
    element = etree.Element(w(name))
    for key, value in attributes.items():
        element.set(w(key), value)
    return put(parent, element, order)


def ppr(paragraph: etree._Element) -> etree._Element:
    """The paragraph's ``w:pPr``, created as its first child when absent."""
    found = paragraph.find(w("pPr"))
    if found is None:
        found = etree.Element(w("pPr"))
        paragraph.insert(0, found)
    return found


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext(tag=w("t")))


def para(text: str, style: str, extra_ppr: str = "", runs: str | None = None) -> str:
    """A paragraph of plain text in ``style`` (``extra_ppr`` must already be in schema order after pStyle)."""
    body = runs if runs is not None else f"<w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>"
    return f"<w:p><w:pPr><w:pStyle w:val={quoteattr(style)}/>{extra_ppr}</w:pPr>{body}</w:p>"


def read_package(data: bytes) -> tuple[list[str], dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        return names, {name: source.read(name) for name in names}


def write_package(names: list[str], parts: dict[str, bytes]) -> bytes:
    """Same entries, given order, fixed timestamps and compression: same bytes for same content."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
