"""The build a returned Word file came from: its manifest with the provenance of every document.

``review`` and ``herkomst`` read the build folder (``build/<dossier>/`` by default, or ``--build``):
``manifest.json`` says per document which block wrote which unit and which YAML paths it read
(written by ``annotatie``), and the build's own Word file is the text the lawyer received.
A returned file is matched to one of the build's documents by the kenmerk and title in its
properties, and by its text; a file that matches none is refused (D626).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import DossierError, Location, make
from .alineas import Alinea, Opmerking, normal, read_review
from .bouwmap import DOCUMENT_KINDS, MANIFEST
from .wordlezen import Wordbestand, open_word

DC = "{http://purl.org/dc/elements/1.1/}"
MIN_SHARE = 0.3  # the share of a document's units that must be found in a returned file


@dataclass(frozen=True)
class Bouwdocument:
    naam: str
    titel: str
    herkomst: dict[str, Any]

    @property
    def eenheden(self) -> list[dict[str, Any]]:
        return self.herkomst.get("eenheden", [])


@dataclass(frozen=True)
class Bouw:
    map: Path
    manifest: dict[str, Any]
    documenten: tuple[Bouwdocument, ...]

    @property
    def kenmerk(self) -> str:
        return str(self.manifest.get("kenmerk", ""))

    def word(self, document: Bouwdocument) -> Path:
        return self.map / f"{document.naam}.docx"


def build_folder(root: Path, name: str) -> Path:
    """``--build`` may name the build itself or the folder holding ``<dossier>/``."""
    return root if (root / MANIFEST).is_file() or not (root / name / MANIFEST).is_file() else root / name


def load_build(folder: Path) -> Bouw:
    shown = str(folder)
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        raise DossierError([make("D627", Location(shown), map=shown, reden=f"{MANIFEST} ontbreekt")]) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DossierError([make("D627", Location(shown), map=shown, reden=f"{MANIFEST} is onleesbaar ({type(exc).__name__})")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("documenten"), list):
        raise DossierError([make("D627", Location(shown), map=shown, reden=f"{MANIFEST} noemt geen documenten")])
    documents = []
    for entry in data["documenten"]:
        if not isinstance(entry, dict) or entry.get("soort") not in DOCUMENT_KINDS:
            continue
        names = [f.get("naam", "") for f in entry.get("bestanden", []) if isinstance(f, dict)]
        word = next((n for n in names if isinstance(n, str) and n.endswith(".docx") and Path(n).name == n), None)
        if word and isinstance(entry.get("herkomst"), dict):
            documents.append(Bouwdocument(word.removesuffix(".docx"), str(entry.get("titel", "")), entry["herkomst"]))
    if not documents:
        raise DossierError([make("D628", Location(shown), map=shown)])
    return Bouw(folder, data, tuple(documents))


def custom_property(word: Wordbestand, name: str) -> str | None:
    """A custom document property a build wrote (kenmerk, versie, status, invoer_sha256), or None."""
    root = word.part("docProps/custom.xml")
    for item in root if root is not None else ():
        if item.get("name") == name:
            return normal("".join(item.itertext()))
    return None


def kenmerk_of(word: Wordbestand) -> str | None:
    """The kenmerk a build wrote into the file's properties (custom property, else dc:identifier)."""
    found = custom_property(word, "kenmerk")
    if found:
        return found
    core = word.part("docProps/core.xml")
    identifier = core.find(f"{DC}identifier") if core is not None else None
    return normal(identifier.text or "") if identifier is not None and identifier.text else None


def share_found(document: Bouwdocument, records: list[Alinea]) -> float:
    """The share of the document's units whose text the returned file still has, in its old or new text."""
    texts = {r.oud for r in records} | {r.nieuw for r in records}
    units = [normal(u.get("tekst", "")) for u in document.eenheden if u.get("tekst")]
    return sum(1 for u in units if u in texts) / len(units) if units else 0.0


def which_document(build: Bouw, word: Wordbestand, records: list[Alinea], dossier_name: str) -> Bouwdocument:
    """The document of the build the returned file is; D626 when it is none of them."""
    where = Location(word.naam)
    kenmerk = kenmerk_of(word)
    if kenmerk and build.kenmerk and kenmerk != build.kenmerk:
        raise DossierError([make("D626", where, bestand=word.naam, dossier=dossier_name,
                                 reden=f"het bestand heeft kenmerk '{kenmerk}', de bouw '{build.kenmerk}'")])
    core = word.part("docProps/core.xml")
    title_element = core.find(f"{DC}title") if core is not None else None
    title = normal(title_element.text or "") if title_element is not None else ""
    scored = sorted(((share_found(d, records), d.titel != "" and title.split(" – ")[0] == d.titel, i) for i, d in enumerate(build.documenten)),
                    reverse=True)
    titled = [build.documenten[i] for share, same_title, i in scored if same_title and share >= MIN_SHARE / 2]
    if titled:
        return titled[0]
    share, _, index = scored[0]
    if share < MIN_SHARE:
        raise DossierError([make("D626", where, bestand=word.naam, dossier=dossier_name,
                                 reden=f"hooguit {round(share * 100)}% van de tekst van een document uit de bouw komt erin voor")])
    return build.documenten[index]


@dataclass
class Teruggestuurd:
    """A Word file read against its build: its paragraphs and comments, which document it is, the build's own paragraphs."""

    word: Wordbestand
    alineas: list[Alinea]
    opmerkingen: dict[str, Opmerking]
    document: Bouwdocument
    bouw_alineas: list[Alinea]


def read_returned(path: Path, build: Bouw, dossier_name: str, shown: str | None = None) -> Teruggestuurd:
    """Read ``path`` safely and find its document in ``build``; raises DossierError (D620-D626, D631)."""
    word = open_word(path, shown)
    records, comments = read_review(word)
    document = which_document(build, word, records, dossier_name)
    own = build.word(document)
    if own.resolve() == path.resolve():
        return Teruggestuurd(word, records, comments, document, records)
    if not own.is_file():
        raise DossierError([make("D631", Location(str(own)), document=own.name, map=str(build.map))])
    built, _ = read_review(open_word(own))
    return Teruggestuurd(word, records, comments, document, built)


__all__ = ["Bouw", "Bouwdocument", "Teruggestuurd", "build_folder", "custom_property", "kenmerk_of", "load_build", "read_returned", "share_found",
           "which_document"]
