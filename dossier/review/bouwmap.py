"""A build folder as a version: its manifest, and the text of each document from Markdown or Word.

``bouw`` writes Word and PDF by default and Markdown only on request. The Markdown is the exact
source, so it is used when present; otherwise the Word file is read back with pandoc's docx reader,
which gives the same blocks as the Markdown (checked in the tests) apart from the table of contents
and the logo, which are left out here. The title-block facts come from the manifest and from the
Word file's properties, which ``bouw`` fills from the dossier.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import docx

from ..diagnostics import DossierError, Location, make
from ..documenten.render import Document
from ..documenten.sjabloonsets import resolve
from ..uitvoer.formaten import Meta
from ..uitvoer.pandoc import run
from .revisies import without_front_matter
from .marks import plain_text
from .redline import Versie

MANIFEST = "manifest.json"
DOCUMENT_KINDS = ("leidraad", "nota-van-inlichtingen", "bijlage")  # what plan_documents makes


def is_build_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def load_build_folder(path: Path, display: str) -> Versie:
    """The version a build folder holds; raises DossierError (D602, D606) when it cannot be read."""
    manifest = _manifest(path, display)
    documents: list[Document] = []
    asts: dict[str, dict[str, Any]] = {}
    properties = None
    for entry in manifest["documenten"]:
        if not isinstance(entry, dict) or entry.get("soort") not in DOCUMENT_KINDS:
            continue  # the overview page and other files that are no tender document
        names = {f["naam"] for f in entry.get("bestanden", []) if isinstance(f, dict) and isinstance(f.get("naam"), str)}
        stem = next((n.rsplit(".", 1)[0] for n in sorted(names)), None)
        if stem is None or Path(stem).name != stem:
            raise DossierError([make("D602", Location(display), map=display, reden="een document zonder bestanden")])
        markdown, word = path / f"{stem}.md", path / f"{stem}.docx"
        text = ""
        if markdown.is_file() and f"{stem}.md" in names:
            text = markdown.read_text("utf-8")
        elif word.is_file() and f"{stem}.docx" in names:
            asts[stem] = _read_word(word.read_bytes(), stem)
        else:
            raise DossierError([make("D606", Location(display), map=display, document=stem)])
        if properties is None and word.is_file():
            properties = _properties(word)
        documents.append(Document(str(entry.get("soort", "")), stem, str(entry.get("titel", stem)), text, "", ""))
    kenmerk = str(manifest.get("kenmerk", ""))
    moment = properties.created if properties is not None and properties.created else dt.datetime(2000, 1, 1)
    meta = Meta(
        dossier_titel=(properties.subject if properties is not None else "") or kenmerk,
        kenmerk=kenmerk,
        versie=str(manifest.get("versie", "")),
        status=str(manifest.get("status", "concept")),
        organisatie=(properties.author if properties is not None else "") or "",
        moment=moment.replace(tzinfo=dt.timezone.utc),
    )
    set_name = (manifest.get("sjabloonset") or {}).get("naam")
    sjabloonset = resolve(None if set_name in (None, "basis") else str(set_name))
    documents = [Document(d.soort, d.naam, d.titel, d.markdown, meta.dossier_titel, "") for d in documents]
    return Versie(display, meta, tuple(documents), sjabloonset, asts)


def _properties(word: Path) -> Any:
    """The core properties ``bouw`` wrote (subject: the dossier's title; author; created: its date)."""
    try:
        return docx.Document(io.BytesIO(word.read_bytes())).core_properties
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None  # the text comes from the Markdown; the title block falls back to the manifest


def _manifest(path: Path, display: str) -> dict[str, Any]:
    try:
        data = json.loads((path / MANIFEST).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DossierError([make("D602", Location(display), map=display, reden=_reason(exc))]) from None
    if not isinstance(data, dict) or not isinstance(data.get("documenten"), list) or not data.get("kenmerk"):
        raise DossierError([make("D602", Location(display), map=display, reden="het noemt geen kenmerk of geen documenten")])
    if any(isinstance(d, dict) and d.get("soort") == "samenvatting" for d in data["documenten"]):
        raise DossierError([make("D602", Location(display), map=display, reden="dit is een map met wijzigingen van 'dossier vergelijk', geen bouw")])
    return data


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"geen geldige JSON (regel {exc.lineno})"
    if isinstance(exc, UnicodeDecodeError):
        return "geen UTF-8-tekst"
    return getattr(exc, "strerror", None) or "onleesbaar"


def _read_word(data: bytes, name: str) -> dict[str, Any]:
    """The blocks of a built Word file, without its title block, table of contents and logo."""
    ast = json.loads(run(["--from", "docx", "--to", "json"], without_front_matter(data), 0, name))
    blocks = []
    for block in ast["blocks"]:
        if block["t"] == "Header" and "TOC-Heading" in block["c"][1][1]:
            continue
        if block["t"] == "Para" and block["c"] and all(x["t"] == "Image" for x in block["c"]) and not plain_text(block):
            continue
        blocks.append(block)
    return {**ast, "blocks": blocks}


__all__ = ["is_build_folder", "load_build_folder"]
