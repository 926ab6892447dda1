"""The manifest of a build: input hash, template sets with their versions and hashes, every file."""

from __future__ import annotations

import hashlib
import json

from .. import __version__
from ..documenten.render import Document
from ..documenten.sjabloonsets import Sjabloonset
from ..documenten.veilige_sets import set_files
from .formaten import Meta


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


def manifest(documents: list[Document], files: dict[str, bytes], input_sha256: str, source: str, meta: Meta,
             sjabloonset: Sjabloonset) -> bytes:
    entries = []
    for document in documents:
        own = sorted(name for name in files if name.rsplit(".", 1)[0] == document.naam)
        entries.append({
            "soort": document.soort,
            "titel": document.titel,
            "bestanden": [{"naam": n, "sha256": hashlib.sha256(files[n]).hexdigest(), "bytes": len(files[n])} for n in own],
        })
    data = {
        "dossier": source,
        "invoer_sha256": input_sha256,
        "kenmerk": meta.kenmerk,
        "versie": meta.versie,
        "status": meta.status,
        "sjabloonset": template_set_info(sjabloonset),
        "gemaakt_met": f"dossier {__version__}",
        "documenten": entries,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
