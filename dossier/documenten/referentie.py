"""Word files that cannot reach out: the set's reference document before use, every .docx after.

pandoc copies styles, settings, headers, footers and their relationships from a set's
``huisstijl/referentie.docx`` into every Word file. A reference document from another municipality
could thereby plant remote content in every document a lawyer opens: a remote attached template
(the classic macro route), ``INCLUDEPICTURE``/``INCLUDETEXT``/``LINK``/``DDE`` fields that fetch
from http or UNC paths, external images, or a DTD whose entities break the XML. ``check_reference``
refuses all of that before the first document is made, naming the part; the zip is opened with
limits (entries, uncompressed size) and XML is parsed with lxml without DTDs, entities or network.

``check_generated`` re-parses every XML part of a finished .docx the same strict way, so an
ill-formed Word file is never written.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Callable

from lxml import etree

from ..diagnostics import DossierError, Location, make

MAX_FILE = 32 * 1024 * 1024  # bytes on disk
MAX_ENTRIES = 1000
MAX_UNPACKED = 64 * 1024 * 1024  # all parts together, uncompressed
_REMOTE_FIELDS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE|IMPORT)\b", re.IGNORECASE)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False)


def _is_xml(name: str, data: bytes) -> bool:
    head = data[:4].lstrip(b"\xef\xbb\xbf\xff\xfe\t\r\n ")
    return name.lower().endswith(_XML_SUFFIXES) or head.startswith((b"<", b"\x00<", b"<\x00"))


def _local(name: object) -> str:
    return etree.QName(name).localname if isinstance(name, str) else ""


def _shown(path: Path) -> str:
    """``<set>/huisstijl/referentie.docx``: the part of the path a user recognises."""
    return "/".join(path.parts[-3:])


def read_parts(data: bytes, error: Callable[..., DossierError]) -> dict[str, bytes]:
    """All parts of a zip, within the limits; ``error(code, **values)`` makes the DossierError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
        unpacked = sum(info.file_size for info in entries)
        if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED:
            raise error("D424", aantal=len(entries), grootte=_mb(unpacked), max_aantal=MAX_ENTRIES, max_grootte=_mb(MAX_UNPACKED))
        parts: dict[str, bytes] = {}
        for info in entries:
            with archive.open(info) as handle:  # never more than the declared size is unpacked
                parts[info.filename] = handle.read(MAX_UNPACKED + 1)
        return parts
    except DossierError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise error("D423", reden=str(exc) or type(exc).__name__) from None


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def parse_part(data: bytes) -> etree._ElementTree:
    """One XML part, strictly: raises etree.XMLSyntaxError, or ValueError for a DTD."""
    if _DTD.search(data):
        raise ValueError("DTD")
    tree = etree.parse(io.BytesIO(data), _parser())
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ValueError("DTD")
    return tree


def check_reference(path: Path) -> None:
    """Raise a coded error if the reference document at ``path`` could bring in anything remote."""
    shown = _shown(path)
    where = Location(str(path))

    def error(code: str, **values: object) -> DossierError:
        return DossierError([make(code, where, bestand=shown, **values)])

    try:
        if path.stat().st_size > MAX_FILE:
            raise error("D424", aantal="?", grootte=_mb(path.stat().st_size), max_aantal=MAX_ENTRIES, max_grootte=_mb(MAX_FILE))
        data = path.read_bytes()
    except OSError as exc:
        raise error("D423", reden=exc.strerror or str(exc)) from None
    parts = read_parts(data, error)
    for name, content in parts.items():
        lower = name.lower()
        if lower.rsplit("/", 1)[-1].startswith(("vbaproject", "vbadata")):
            raise error("D429", onderdeel=name)
        if name == "[Content_Types].xml" and re.search(rb"macroEnabled|vbaProject", content, re.IGNORECASE):
            raise error("D429", onderdeel=name)
        if not _is_xml(name, content):
            continue
        try:
            tree = parse_part(content)
        except ValueError:
            raise error("D428", onderdeel=name) from None
        except etree.XMLSyntaxError as exc:
            raise error("D430", onderdeel=name, reden=str(exc)) from None
        _check_part(name, tree.getroot(), error)


def _check_part(name: str, root: etree._Element, error: Callable[..., DossierError]) -> None:
    if _local(root.tag) == "Relationships":
        for relationship in root:
            if _local(relationship.tag) != "Relationship":
                continue
            kind = str(relationship.get("Type", "")).rsplit("/", 1)[-1]
            if str(relationship.get("TargetMode", "")).lower() == "external":
                raise error("D425", onderdeel=name, soort=kind or "?", doel=relationship.get("Target", ""))
            if kind == "attachedTemplate":
                raise error("D426", onderdeel=name)
        return
    fields: list[list[str]] = []  # the instructions of the fields open at this point (nested fields)
    for element in root.iter():
        local = _local(element.tag)
        if local == "attachedTemplate":
            raise error("D426", onderdeel=name)
        if local == "fldSimple":
            _check_field(name, " ".join(v for k, v in element.attrib.items() if _local(k) == "instr"), error)
        elif local == "fldChar":
            kind = next((v for k, v in element.attrib.items() if _local(k) == "fldCharType"), "")
            if kind == "begin":
                fields.append([])
            elif kind == "end" and fields:
                _check_field(name, "".join(fields.pop()), error)
        elif local in ("instrText", "delInstrText"):
            if fields:
                fields[-1].append(element.text or "")
            else:
                _check_field(name, element.text or "", error)
    for instruction in fields:
        _check_field(name, "".join(instruction), error)


def _check_field(name: str, instruction: str, error: Callable[..., DossierError]) -> None:
    match = _REMOTE_FIELDS.search(instruction)
    if match:
        raise error("D427", onderdeel=name, veld=match.group(1).upper())


def check_generated(data: bytes, document: str) -> None:
    """Every XML part of a finished .docx parses strictly (no DTD, no entity); else a coded error."""
    def error(code: str, **values: object) -> DossierError:
        return DossierError([make("D431", Location(document), document=document, onderdeel="(zip)",
                                  reden=str(values.get("reden", "te groot")))])

    for name, content in read_parts(data, error).items():
        if not _is_xml(name, content):
            continue
        try:
            parse_part(content)
        except ValueError:
            raise DossierError([make("D431", Location(document), document=document, onderdeel=name,
                                     reden="bevat een DTD of entiteit")]) from None
        except etree.XMLSyntaxError as exc:
            raise DossierError([make("D431", Location(document), document=document, onderdeel=name, reden=str(exc))]) from None
