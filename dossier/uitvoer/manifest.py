"""The manifest of a build: input hash, template sets, pandoc and Typst versions, every file with its hash."""

from __future__ import annotations

import hashlib
import json

from .. import __version__
from ..documenten.render import Document
from ..documenten.sjabloonsets import Sjabloonset
from ..documenten.veilige_sets import set_files
from .formaten import Meta
from .pandoc import pandoc_version
from .pdf import typst_version


def template_set_info(sjabloonset: Sjabloonset) -> dict[str, object]:
    """Name, declared version and content hash of the template sets used, for the manifest."""
    digest = hashlib.sha256()
    for template_set in sjabloonset.keten:
        for path in set_files(template_set.map):  # regular files only: never a device or FIFO
            digest.update(path.relative_to(sjabloonset.wortel).as_posix().encode())
            with open(path, "rb") as handle:  # in pieces: a large file of a set never fills the memory
                for piece in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(piece)
    return {
        "naam": sjabloonset.naam,
        "versie": ", ".join(f"{s.naam} {s.versie}" for s in sjabloonset.keten),
        "keten": [s.naam for s in sjabloonset.keten],
        "sha256": digest.hexdigest(),
    }


def _entry(name: str, data: bytes) -> dict[str, object]:
    return {"naam": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def manifest(documents: list[Document], files: dict[str, bytes], input_sha256: str, source: str, meta: Meta,
             sjabloonset: Sjabloonset, overzicht: str | None = None, uitwisseling: dict[str, str] | None = None) -> bytes:
    """``overzicht``: the file name of the HTML overview page, listed as a document of its own kind;
    ``uitwisseling``: file name -> title of each export (OCDS, eForms) that is part of the build."""
    entries = []
    for document in documents:
        own = sorted(name for name in files if name.rsplit(".", 1)[0] == document.naam)
        entries.append({
            "soort": document.soort,
            "titel": document.titel,
            "bestanden": [_entry(n, files[n]) for n in own],
        })
    if overzicht is not None:
        entries.append({"soort": "overzicht", "titel": "Overzicht van het dossier", "bestanden": [_entry(overzicht, files[overzicht])]})
    for name, title in sorted((uitwisseling or {}).items()):
        entries.append({"soort": "uitwisseling", "titel": title, "bestanden": [_entry(name, files[name])]})
    data = {
        "dossier": source,
        "invoer_sha256": input_sha256,
        "kenmerk": meta.kenmerk,
        "versie": meta.versie,
        "status": meta.status,
        "sjabloonset": template_set_info(sjabloonset),
        "gemaakt_met": f"dossier {__version__}",
        "hulpmiddelen": {"pandoc": pandoc_version(), "typst": typst_version()},
        "documenten": entries,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
