#!/usr/bin/env python3
"""Build the house-style reference document ``sjablonen/basis/huisstijl/referentie.docx``.

pandoc takes styles, numbering, page setup, header and footer from a reference document. This
script starts from pandoc's own default (so every style pandoc uses exists) and adds the house
style: Arial, A4 with Dutch margins, heading numbering as a native Word multilevel list linked to
Heading 1-3, a header (filled per document with kenmerk and title) and a footer 'Pagina X van Y'.

A municipality that wants its own look copies this script's output into its template set and edits
it in Word; re-run this script only to regenerate the base.

Usage: python tools/maak_referentie.py [--lettertype Arial] [--kleur 1F3864] [--uit PAD]
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pypandoc

ROOT = Path(__file__).resolve().parent.parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
# pandoc reserves list ids from 990 up for its own lists; the heading list stays well below.
HEADING_LIST_ID = 10


def heading_numbering() -> tuple[str, str]:
    """The abstract list for Heading 1-3 and the list instance that points at it."""
    levels = []
    for level in range(3):
        text = ".".join(f"%{i + 1}" for i in range(level + 1))
        indent = 567 + level * 142
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="Heading{level + 1}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        )
    abstract = (
        f'<w:abstractNum w:abstractNumId="{HEADING_LIST_ID}"><w:multiLevelType w:val="multilevel"/>'
        + "".join(levels) + "</w:abstractNum>"
    )
    return abstract, f'<w:num w:numId="{HEADING_LIST_ID}"><w:abstractNumId w:val="{HEADING_LIST_ID}"/></w:num>'


def insert_before(parts: dict[str, bytes], name: str, marker: str, xml: str) -> None:
    """Insert ``xml`` before the first ``marker`` in part ``name``."""
    text = parts[name].decode()
    assert marker in text, (name, marker)
    parts[name] = text.replace(marker, xml + marker, 1).encode()


def field(instruction: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def header_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W} {R}>'
        '<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>'
        "<w:r><w:t>kenmerk en titel</w:t></w:r></w:p></w:hdr>"
    )


def footer_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W} {R}>'
        '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">Pagina </w:t></w:r>' + field("PAGE", "1")
        + '<w:r><w:t xml:space="preserve"> van </w:t></w:r>' + field("NUMPAGES", "1")
        + "</w:p></w:ftr>"
    )


def style_patch(styles: str, font: str, colour: str) -> str:
    """Fonts, sizes and colours; headings get the numbering list and keep-with-next."""
    styles = re.sub(r'w:ascii="[^"]*"', f'w:ascii="{font}"', styles)
    styles = re.sub(r'w:hAnsi="[^"]*"', f'w:hAnsi="{font}"', styles)
    styles = re.sub(r'w:cs="[^"]*"', f'w:cs="{font}"', styles)
    styles = re.sub(r'w:eastAsia="[^"]*"', f'w:eastAsia="{font}"', styles)
    styles = re.sub(r'w:asciiTheme="[^"]*"', "", styles)
    styles = re.sub(r'w:hAnsiTheme="[^"]*"', "", styles)
    styles = re.sub(r'w:cstheme="[^"]*"', "", styles)
    styles = re.sub(r'w:eastAsiaTheme="[^"]*"', "", styles)
    styles = re.sub(r'<w:color w:val="[0-9A-Fa-f]{6}"', f'<w:color w:val="{colour}"', styles)
    styles = re.sub(r' w:theme(Color|Shade|Tint)="[^"]*"', "", styles)  # a theme colour would override ours
    for level in range(3):
        sid = f"Heading{level + 1}"
        pattern = re.compile(rf'(<w:style w:type="paragraph" w:styleId="{sid}">.*?<w:pPr>)', re.S)
        numpr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{HEADING_LIST_ID}"/></w:numPr>'
        styles, count = pattern.subn(lambda m, numpr=numpr: m.group(1) + numpr, styles, count=1)
        assert count == 1, sid
    # The heading of the table of contents is based on Heading 1 but must not get a number.
    toc = re.compile(r'(<w:style w:type="paragraph" w:styleId="TOCHeading">.*?<w:pPr>)', re.S)
    styles, count = toc.subn(r'\1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>', styles, count=1)
    assert count == 1, "TOCHeading"
    styles = re.sub(r'(<w:rPrDefault><w:rPr>)', r'\1<w:lang w:val="nl-NL"/>', styles, count=1)
    return styles


def document_patch(document: str) -> str:
    """A4 portrait with 2.5 cm margins, and the header and footer references."""
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHuisstijlKop"/>'
        '<w:footerReference w:type="default" r:id="rIdHuisstijlVoet"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/>'
        "</w:sectPr>"
    )
    return re.sub(r"<w:sectPr.*?</w:sectPr>", sect, document, count=1, flags=re.S)


def drop_external(parts: dict[str, bytes]) -> None:
    """Remove every external relationship (pandoc's sample hyperlink to example.com) and its use.

    dossier refuses a reference document that points outside itself (``dossier/referentie.py``),
    so the base must not have one either; the Hyperlink style itself stays.
    """
    for name in [n for n in parts if n.endswith(".rels")]:
        rels = parts[name].decode()
        external = re.findall(r'<Relationship [^>]*TargetMode="External"[^>]*/>', rels)
        for relationship in external:
            rels = rels.replace(relationship, "")
            rid = re.search(r'Id="([^"]+)"', relationship).group(1)
            part = name.replace("_rels/", "").removesuffix(".rels")
            if part in parts:
                text = parts[part].decode()
                text = re.sub(rf'<w:hyperlink r:id="{rid}">(.*?)</w:hyperlink>', r"\1", text, flags=re.S)
                parts[part] = text.encode()
        parts[name] = rels.encode()


def build(font: str, colour: str, out: Path) -> None:
    pandoc = pypandoc.get_pandoc_path()
    default = subprocess.run([pandoc, "--print-default-data-file", "reference.docx"], check=True, capture_output=True).stdout
    source = zipfile.ZipFile(io.BytesIO(default))
    parts = {name: source.read(name) for name in source.namelist()}
    parts["word/styles.xml"] = style_patch(parts["word/styles.xml"].decode(), font, colour).encode()
    # Word wants every abstractNum before every num.
    abstract, num = heading_numbering()
    insert_before(parts, "word/numbering.xml", "<w:abstractNum ", abstract)
    insert_before(parts, "word/numbering.xml", "</w:numbering>", num)
    parts["word/document.xml"] = document_patch(parts["word/document.xml"].decode()).encode()
    parts["word/header1.xml"] = header_xml().encode()
    parts["word/footer1.xml"] = footer_xml().encode()
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    for rid, kind, target in (("rIdHuisstijlKop", "header", "header1.xml"), ("rIdHuisstijlVoet", "footer", "footer1.xml")):
        insert_before(parts, "word/_rels/document.xml.rels", "</Relationships>",
                      f'<Relationship Id="{rid}" Type="{base}/{kind}" Target="{target}"/>')
        insert_before(parts, "[Content_Types].xml", "</Types>",
                      f'<Override PartName="/word/{target}" ContentType="{ct}.{kind}+xml"/>')
    drop_external(parts)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, parts[name])


def main() -> None:
    parser = argparse.ArgumentParser(description="Maak het referentiedocument (huisstijl) voor Word.")
    parser.add_argument("--lettertype", default="Arial")
    parser.add_argument("--kleur", default="1F3864", help="kleur van koppen, hexadecimaal")
    parser.add_argument("--uit", type=Path, default=ROOT / "sjablonen" / "basis" / "huisstijl" / "referentie.docx")
    args = parser.parse_args()
    build(args.lettertype, args.kleur, args.uit)
    print(f"geschreven: {args.uit}")


if __name__ == "__main__":
    main()
