"""The Word reference document, generated from the house style of the template set.

pandoc takes styles, numbering, page setup, header and footer from a reference document. It is
built here from ``Huisstijl`` (never edited by hand), starting from pandoc's own default so every
part pandoc expects exists: a complete styles part with Dutch names for the custom styles, the house
font named everywhere (no theme fonts), nl-NL, widow/orphan control, numbered headings as a native
multilevel list, a settings part in compatibility mode 15 with Dutch separators, and a first-page
header that stays empty so the cover has no header (``titlePg``). Generated once per house style
and kept in a cache file, because pandoc reads the reference document from a path.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import tempfile
import threading
from pathlib import Path

from ..diagnostics import DossierError, Location, make
from ..documenten.huisstijl import Huisstijl
from .lettertypen import house_font
from .ooxml import DECLARATION, R, W, read_package, write_package
from .pandoc import pandoc_path
from .stijlen import HEADING_LIST_ID, heading_indent_pt, styles_xml, twips

_LOCK = threading.Lock()
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# relationship id, part, kind (header/footer), page type (default/first)
HEADER_FOOTER = (
    ("rIdKop", "header1.xml", "header", "default"),
    ("rIdKopEerste", "header2.xml", "header", "first"),
    ("rIdVoet", "footer1.xml", "footer", "default"),
    ("rIdVoetEerste", "footer2.xml", "footer", "first"),
)


def reference_document(huisstijl: Huisstijl, own: Path | None = None) -> Path:
    """The reference document pandoc gets: the set's own (checked in ``sjabloonsets``), or the generated one."""
    if own is not None:
        return own
    data = reference_bytes(huisstijl)
    folder = Path(tempfile.gettempdir()) / f"dossier-referentie-{os.getuid() if hasattr(os, 'getuid') else 0}"
    path = folder / f"{hashlib.sha256(data).hexdigest()[:20]}.docx"
    with _LOCK:
        if not path.is_file() or path.read_bytes() != data:
            folder.mkdir(mode=0o700, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(data)
            os.replace(partial, path)
    return path


@functools.lru_cache(maxsize=8)
def reference_bytes(huisstijl: Huisstijl) -> bytes:
    """The generated reference document of ``huisstijl``: same house style, same bytes."""
    font = house_font(huisstijl)
    names, parts = read_package(_pandoc_default())
    parts["word/styles.xml"] = styles_xml(huisstijl).encode()
    parts["word/settings.xml"] = settings_xml(huisstijl).encode()
    parts["word/fontTable.xml"] = font_table_xml(huisstijl.lettertype, huisstijl.lettertype_vervanging, font.gewoon.panose).encode()
    parts["word/theme/theme1.xml"] = _theme(parts["word/theme/theme1.xml"].decode(), huisstijl.lettertype).encode()
    parts["word/numbering.xml"] = _numbering(parts["word/numbering.xml"].decode()).encode()
    parts["word/document.xml"] = document_xml(huisstijl).encode()
    parts["word/header1.xml"] = _header_footer("hdr", "Header", "kenmerk en titel").encode()
    parts["word/header2.xml"] = _header_footer("hdr", "Header", "").encode()
    parts["word/footer1.xml"] = parts["word/footer2.xml"] = footer_xml().encode()
    _drop_external(parts)
    rels = parts["word/_rels/document.xml.rels"].decode()
    types = parts["[Content_Types].xml"].decode()
    for rid, target, kind, _ in HEADER_FOOTER:
        rels = rels.replace("</Relationships>", f'<Relationship Id="{rid}" Type="{_REL}/{kind}" Target="{target}"/></Relationships>')
        types = types.replace("</Types>", f'<Override PartName="/word/{target}" ContentType="{_CT}.{kind}+xml"/></Types>')
        names.append(f"word/{target}")
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["[Content_Types].xml"] = types.encode()
    order = sorted(set(names), key=lambda n: (n != "[Content_Types].xml", n))
    return write_package(order, parts)


def _drop_external(parts: dict[str, bytes]) -> None:
    """pandoc's sample hyperlinks point outside the package; a reference document never does."""
    for name in [n for n in parts if n.endswith(".rels")]:
        rels = parts[name].decode()
        for relationship in re.findall(r'<Relationship [^>]*TargetMode="External"[^>]*/>', rels):
            rels = rels.replace(relationship, "")
            rid = re.search(r'Id="([^"]+)"', relationship).group(1)
            owner = name.replace("_rels/", "").removesuffix(".rels")
            if owner in parts:
                text = re.sub(rf'<w:hyperlink [^>]*r:id="{rid}"[^>]*>(.*?)</w:hyperlink>', r"\1", parts[owner].decode(), flags=re.S)
                parts[owner] = text.encode()
        parts[name] = rels.encode()


@functools.cache
def _pandoc_default() -> bytes:
    done = subprocess.run([pandoc_path(), "--print-default-data-file", "reference.docx"], capture_output=True, timeout=120)
    if done.returncode != 0:
        raise DossierError([make("D505", Location("pandoc"), reden="pandoc gaf zijn standaard referentiedocument niet")])
    return done.stdout


def settings_xml(h: Huisstijl) -> str:
    """Settings in schema order: Word 2013+ layout (no compatibility mode), Dutch separators, no false proofing claim."""
    hyphenation = '<w:autoHyphenation/><w:hyphenationZone w:val="357"/>' if h.afbreken else ""
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
        for name, value in (("compatibilityMode", "15"), ("overrideTableStyleFontSizeAndJustification", "1"),
                            ("enableOpenTypeFeatures", "1"), ("doNotFlipMirrorIndents", "1"), ("differentiateMultirowTableHeaders", "1"))
    )
    return (
        f"{DECLARATION}<w:settings {W} {R}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>' + hyphenation
        + '<w:characterSpacingControl w:val="doNotCompress"/>'
        f"<w:compat>{compat}</w:compat>"
        '<w:themeFontLang w:val="nl-NL"/>'
        '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" '
        'w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
        'w:followedHyperlink="followedHyperlink"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>'
    )


def font_table_xml(family: str, substitute: str, panose: str) -> str:
    """The house font with its PANOSE class and the font Word substitutes where it is not installed."""
    def entry(name: str, alt: str = "") -> str:
        alt_name = f'<w:altName w:val="{alt}"/>' if alt else ""
        return (f'<w:font w:name="{name}">{alt_name}<w:panose1 w:val="{panose}"/><w:charset w:val="00"/>'
                '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>')

    return f"{DECLARATION}<w:fonts {W}>{entry(family, substitute)}{entry(substitute) if substitute != family else ''}</w:fonts>"


def document_xml(h: Huisstijl) -> str:
    top, bottom, left, right = (twips(cm * 28.3465) for cm in h.marges)
    refs = "".join(f'<w:{kind}Reference w:type="{page}" r:id="{rid}"/>' for rid, _, kind, page in HEADER_FOOTER)
    return (
        f"{DECLARATION}<w:document {W} {R}><w:body>"
        '<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t>Referentiedocument van de huisstijl.</w:t></w:r></w:p>'
        f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="709" w:footer="567" w:gutter="0"/>'
        "<w:titlePg/></w:sectPr></w:body></w:document>"
    )


def _header_footer(tag: str, style: str, text: str, runs: str = "") -> str:
    body = runs or (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    align = "right" if tag == "hdr" else "center"
    return (f'{DECLARATION}<w:{tag} {W} {R}><w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/></w:pPr>'
            f"{body}</w:p></w:{tag}>")


def _field(instruction: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml() -> str:
    runs = ('<w:r><w:t xml:space="preserve">Pagina </w:t></w:r>' + _field("PAGE", "1")
            + '<w:r><w:t xml:space="preserve"> van </w:t></w:r>' + _field("NUMPAGES", "1"))
    return _header_footer("ftr", "Footer", "", runs)


def _theme(theme: str, family: str) -> str:
    """Theme fonts (major and minor, Latin script) set to the house font, so no style falls back to Aptos."""
    return re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*(")', rf"\g<1>{family}\g<2>", theme)


def _numbering(numbering: str) -> str:
    """pandoc's list definitions plus one multilevel list for Heading 1-3 (abstractNum before num, as Word wants)."""
    levels = []
    for level in range(3):
        text = ".".join(f"%{i + 1}" for i in range(level + 1))
        indent = twips(heading_indent_pt(level + 1))
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="Heading{level + 1}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        )
    abstract = (f'<w:abstractNum w:abstractNumId="{HEADING_LIST_ID}"><w:multiLevelType w:val="multilevel"/>'
                + "".join(levels) + "</w:abstractNum>")
    num = f'<w:num w:numId="{HEADING_LIST_ID}"><w:abstractNumId w:val="{HEADING_LIST_ID}"/></w:num>'
    numbering = numbering.replace("<w:abstractNum ", abstract + "<w:abstractNum ", 1)
    return numbering.replace("</w:numbering>", num + "</w:numbering>", 1)
