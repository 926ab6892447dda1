"""Word post-processing on the package's parts with lxml: what pandoc cannot do from a reference document.

Per document: the body (``wordtekst``: cover or heading block, contents, tables, Dutch styles), the
header text (kenmerk and title), the logo as a picture part, honest properties (the document's own
date, no stale application statistics, only kenmerk/versie/status as custom properties), the house
settings (compatibility mode 15, Dutch separators); then a deterministic zip (fixed timestamps).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .. import __version__
from ..documenten.huisstijl import Huisstijl
from .logo import Logo
from .ooxml import DECLARATION, W_NS, local, parse, read_package, serialise, w, write_package
from .referentie import settings_xml
from .wordtekst import Voorwerk, finish_body

_LOGO_RID = "rIdHuisstijlLogo"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PROPERTY = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


@dataclass(frozen=True)
class Eigenschappen:
    """The document properties Word shows (File > Info) and DOCPROPERTY fields can quote."""

    titel: str
    onderwerp: str
    kenmerk: str
    versie: str
    status: str
    auteur: str
    moment: dt.datetime  # the document's own date


def finish_docx(data: bytes, *, header: str, voorwerk: Voorwerk, eigenschappen: Eigenschappen, huisstijl: Huisstijl,
                logo: Logo | None = None) -> bytes:
    names, parts = read_package(data)
    document = parse(parts["word/document.xml"])
    finish_body(document, voorwerk, huisstijl, logo, _LOGO_RID)
    parts["word/document.xml"] = serialise(document)
    _set_header(parts, header, document)
    if logo is not None and voorwerk.omslag:
        media = f"word/media/huisstijl-logo.{logo.extension}"
        parts[media] = logo.data
        names.append(media)
        _add(parts, "word/_rels/document.xml.rels", "</Relationships>",
             f'<Relationship Id="{_LOGO_RID}" Type="{_REL}/image" Target="media/huisstijl-logo.{logo.extension}"/>')
        if f'Extension="{logo.extension}"' not in parts["[Content_Types].xml"].decode():
            _add(parts, "[Content_Types].xml", "<Override ",
                 f'<Default Extension="{logo.extension}" ContentType="image/{logo.extension}"/>')
    parts["word/settings.xml"] = settings_xml(huisstijl).encode()
    parts["docProps/core.xml"] = core_xml(eigenschappen).encode()
    parts["docProps/app.xml"] = app_xml(eigenschappen.auteur).encode()
    parts["docProps/custom.xml"] = custom_xml(eigenschappen).encode()
    return write_package(names, parts)


def _add(parts: dict[str, bytes], name: str, marker: str, xml: str) -> None:
    text = parts[name].decode()
    parts[name] = text.replace(marker, xml + marker, 1).encode()


def _set_header(parts: dict[str, bytes], header: str, document) -> None:
    """The default header (pages 2 and on) gets kenmerk and title; the first page keeps its empty header."""
    rels = parse(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for reference in document.iter(w("headerReference")):
        if reference.get(w("type")) != "default":
            continue
        name = f"word/{targets[reference.get(f'{{{_REL}}}id')]}"
        part = parse(parts[name])
        paragraph = part.find(w("p"))
        for run in [c for c in paragraph if local(c) != "pPr"]:
            paragraph.remove(run)
        run = parse(f'<w:r xmlns:w="{W_NS}"><w:t xml:space="preserve">{escape(header)}</w:t></w:r>'.encode())
        paragraph.append(run)
        parts[name] = serialise(part)


def core_xml(e: Eigenschappen) -> str:
    stamp = e.moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = (
        ("dc:title", e.titel), ("dc:subject", e.onderwerp), ("dc:creator", e.auteur), ("cp:keywords", e.kenmerk),
        ("dc:identifier", e.kenmerk), ("dc:language", "nl-NL"), ("cp:lastModifiedBy", e.auteur), ("cp:revision", "1"),
        ("cp:version", e.versie), ("cp:contentStatus", e.status),
    )
    body = "".join(f"<{tag}>{escape(_short(value))}</{tag}>" for tag, value in fields)
    return (
        f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'{body}<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    )


def _short(text: str, limit: int = 255) -> str:
    """Word keeps at most 255 characters of a property; the document itself keeps the whole text."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def app_xml(organisatie: str) -> str:
    """What made the file, and nothing Word would have to recount (pages, words)."""
    return (
        f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>dossier {__version__}</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(organisatie)}</Company></Properties>"
    )


def custom_xml(e: Eigenschappen) -> str:
    """Kenmerk, versie and status as custom properties, for DOCPROPERTY fields in a municipality's template."""
    properties = "".join(
        f'<property fmtid="{_PROPERTY}" pid="{pid}" name="{name}"><vt:lpwstr>{escape(_short(value))}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate((("kenmerk", e.kenmerk), ("versie", e.versie), ("status", e.status)), start=2)
    )
    return (
        f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{properties}</Properties>'
    )


