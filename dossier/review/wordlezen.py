"""A Word file from outside, read safely: a returned concept is untrusted input.

Before any XML is parsed the file is checked for what it claims to be: an encrypted Word file is an
OLE container (refused: D622, dossier never asks for passwords), an old binary .doc or any other
format is not a .docx (D620); the zip is opened within limits on size, entries and unpacked size, so
a zip bomb stops early (D623); XML is parsed without DTDs, entities or network (``referentie``).
Macros (D624) and relationships that point outside the file (D625, ordinary hyperlinks excepted)
are reported, never followed or run. Every problem is a coded message, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, DossierError, Location, make
from ..documenten.referentie import MAX_ENTRIES, MAX_UNPACKED, parse_part, read_parts

MAX_FILE = 32 * 1024 * 1024  # a concept with comments is a few megabytes at most
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_OTHER_FORMATS = {b"%PDF": "het is een PDF-bestand", b"{\\rtf": "het is een RTF-bestand", b"<?xml": "het is een los XML-bestand",
                  b"PK\x05\x06": "het is een leeg zip-archief"}
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
MAIN = "word/document.xml"


@dataclass
class Wordbestand:
    """The parts of a .docx that review reads, parsed, and the warnings found while opening it."""

    naam: str
    delen: dict[str, etree._Element]
    meldingen: list[Diagnostic] = field(default_factory=list)

    def part(self, name: str) -> etree._Element | None:
        return self.delen.get(name)


def open_word(path: Path, shown: str | None = None) -> Wordbestand:
    """Read ``path`` as a Word file; raises DossierError (D620-D623) when it cannot be read safely."""
    shown = shown or str(path)
    where = Location(shown)

    def fail(code: str, **values: object) -> DossierError:
        return DossierError([make(code, where, bestand=shown, **values)])

    if not path.is_file():
        raise fail("D620", reden="het bestand bestaat niet" if not path.exists() else "het is geen bestand")
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise fail("D623", reden=f"{_mb(size)} op schijf, hooguit {_mb(MAX_FILE)}")
        data = path.read_bytes()
    except OSError as exc:
        raise fail("D621", reden=exc.strerror or str(exc)) from None
    if data.startswith(_OLE):
        if any(marker in data for marker in _ENCRYPTED):
            raise fail("D622")
        raise fail("D620", reden="het is een ouder Word-formaat (.doc) of een ander Office-bestand")
    if not data.startswith(b"PK\x03\x04"):
        reason = next((text for magic, text in _OTHER_FORMATS.items() if data.lstrip()[:len(magic)] == magic), None)
        raise fail("D620", reden=reason or ("het bestand is leeg" if not data else "het is geen zip-archief"))

    def zip_error(code: str, **values: object) -> DossierError:
        if code == "D424":
            return fail("D623", reden=f"{values.get('aantal')} onderdelen en {values.get('grootte')} uitgepakt; "
                                      f"hooguit {MAX_ENTRIES} onderdelen en {_mb(MAX_UNPACKED)}")
        return fail("D621", reden=str(values.get("reden", "onleesbaar zip-archief")))

    raw = read_parts(data, zip_error)
    if MAIN not in raw or "[Content_Types].xml" not in raw:
        raise fail("D620", reden=f"het zip-archief heeft geen {MAIN}; het is geen Word-document")
    wanted = [name for name in raw if name == "[Content_Types].xml" or name.endswith(".rels")
              or name in (MAIN, "word/comments.xml", "word/commentsExtended.xml", "docProps/core.xml", "docProps/custom.xml")]
    parts: dict[str, etree._Element] = {}
    for name in wanted:
        try:
            parts[name] = parse_part(raw[name]).getroot()
        except ValueError:
            raise fail("D621", reden=f"{name} bevat een DTD of entiteit") from None
        except etree.XMLSyntaxError as exc:
            raise fail("D621", reden=f"{name}: {exc}") from None
    word = Wordbestand(shown, parts)
    _warnings(word, raw, where)
    return word


def _warnings(word: Wordbestand, raw: dict[str, bytes], where: Location) -> None:
    macros = sorted(name for name in raw if name.rsplit("/", 1)[-1].lower().startswith(("vbaproject", "vbadata")))
    if not macros and b"macroEnabled" in raw["[Content_Types].xml"]:
        macros = ["[Content_Types].xml"]
    if macros:
        word.meldingen.append(make("D624", where, bestand=word.naam, onderdeel=", ".join(macros)))
    seen: set[tuple[str, str]] = set()
    for name, root in sorted(word.delen.items()):
        if not name.endswith(".rels"):
            continue
        for relationship in root:
            if str(relationship.get("TargetMode", "")).lower() != "external" or relationship.get("Type") == _HYPERLINK:
                continue
            kind = str(relationship.get("Type", "")).rsplit("/", 1)[-1] or "?"
            target = str(relationship.get("Target", ""))[:200]
            if (kind, target) not in seen:
                seen.add((kind, target))
                word.meldingen.append(make("D625", where, bestand=word.naam, soort=kind, doel=target))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


__all__ = ["MAIN", "MAX_FILE", "Wordbestand", "open_word"]
